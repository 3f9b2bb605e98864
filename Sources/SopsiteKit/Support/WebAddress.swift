/// Whether a text is an address on the web (`http://` or `https://`, in any case): the one
/// test for links that leave the portal (document links, images, the base URL, site links).
enum WebAddress {
    static func isHTTP(_ text: String) -> Bool {
        let lower = text.prefix(8).lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}
