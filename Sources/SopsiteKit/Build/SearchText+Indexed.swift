/// What of a page the search index is made from, for telling whether its part must be indexed
/// again (`Search.PartDigest`): the head up to the title (the language, the title) and the
/// element marked `data-pagefind-body`, without the elements in it marked
/// `data-pagefind-ignore`. Not the rest: every page's footer says the day of the data, and an
/// open case's current step its days overdue; its quarter would otherwise be indexed every day.
extension SearchText {
    static func indexed(_ html: [UInt8]) -> [ArraySlice<UInt8>] {
        guard let body = element(marked: "data-pagefind-body", in: html, from: 0) else { return [html[...]] }
        let head = find(Array("</title>".utf8), in: html[..<body.lowerBound]).map { html[..<($0 + 8)] } ?? html[..<0]
        var pieces = [head], at = body.lowerBound
        while let ignored = element(marked: "data-pagefind-ignore", in: html, from: at), ignored.lowerBound < body.upperBound {
            pieces.append(html[at..<ignored.lowerBound])
            at = ignored.upperBound
        }
        pieces.append(html[at..<max(at, body.upperBound)])
        return pieces
    }

    /// The first element from `from` whose start tag has `attribute`, from its "<" to the end of
    /// its closing tag at the same depth (or of the page, when it is never closed).
    private static func element(marked attribute: String, in html: [UInt8], from: Int) -> Range<Int>? {
        guard let marker = find(Array(attribute.utf8), in: html[from...]),
              let open = html[from..<marker].lastIndex(of: UInt8(ascii: "<")) else { return nil }
        let name = Array(html[(open + 1)...].prefix { isNameByte($0) })
        guard !name.isEmpty else { return nil }
        let opening = [UInt8(ascii: "<")] + name, closing = Array("</".utf8) + name
        var depth = 0, at = open
        while let next = html[at...].firstIndex(of: UInt8(ascii: "<")) {
            if starts(html, at: next, with: opening), !isNameByte(byte(html, next + opening.count)) {
                depth += 1
            } else if starts(html, at: next, with: closing), !isNameByte(byte(html, next + closing.count)) {
                depth -= 1
                if depth == 0 {
                    let end = html[next...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? html.count
                    return open..<end
                }
            }
            at = next + 1
        }
        return open..<html.count
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first else { return nil }
        var at = haystack.startIndex
        while let candidate = haystack[at...].firstIndex(of: first) {
            if starts(haystack, at: candidate, with: needle) { return candidate }
            at = candidate + 1
        }
        return nil
    }

    private static func starts<C: Collection>(_ bytes: C, at: Int, with prefix: [UInt8]) -> Bool
        where C.Element == UInt8, C.Index == Int {
        at + prefix.count <= bytes.endIndex && bytes[at..<(at + prefix.count)].elementsEqual(prefix)
    }

    static func byte(_ bytes: [UInt8], _ at: Int) -> UInt8 { at < bytes.count ? bytes[at] : 0 }

    /// A letter or digit of a tag's name (either case).
    static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
