/// The kinds of file a case folder may publish beside its pages. A list of what is allowed, not
/// of what is refused: a browser runs scripts in more types than anyone lists (`.xhtm`, `.es`,
/// `.mjs`, `.svgz`, `.wasm`...), and a type missing from this list is refused with the way to
/// publish it rather than served from the portal's own site.
enum AttachmentTypes {
    /// By kind, for the message and docs/content-format.md.
    static let kinds: [(kind: String, extensions: [String])] = [
        ("PDF", ["pdf"]),
        ("images", ["png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "tif", "tiff", "heic"]),
        ("office documents", ["doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "odg", "rtf", "vsd", "vsdx", "pub"]),
        ("text", ["txt", "csv", "tsv", "log", "sql", "ics"]),
        ("archives", ["zip", "7z", "rar", "tar", "gz", "tgz", "bz2", "xz"]),
        ("audio and video", ["mp3", "m4a", "wav", "ogg", "mp4", "m4v", "webm", "mov"]),
    ]

    static let allowed: Set<String> = Set(kinds.flatMap(\.extensions))

    /// Names the portal writes in a case's folder of the site (`/cases/<id>/`): its page, its
    /// badge, its manual's folder (and `manual.pdf`, beside a manual.md). An attachment or
    /// folder of the same name would be overwritten, or fail the build with the file system's error.
    static let reservedNames: Set<String> = ["index.html", "badge.svg", "manual"]

    /// Why `relative` (a path inside a case's folder) cannot be published; nil when it can.
    static func problem(_ relative: String, isFolder: Bool = false) -> String? {
        let top = relative.split(separator: "/").first.map(String.init) ?? relative
        if reservedNames.contains(top.lowercased()) {
            return "the portal writes \(top) in the case's folder itself; rename the \(isFolder || top != relative ? "folder" : "file")"
        }
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        guard !allowed.contains(ext) else { return nil }
        let type = ext.isEmpty ? "a file without an extension" : "a .\(ext) file"
        return "\(type) is not among the types a case may publish (\(kinds.map(\.kind).joined(separator: ", "))); "
            + "save it as a PDF, or put it in a zip"
    }
}
