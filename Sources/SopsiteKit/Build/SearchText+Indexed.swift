/// What of a page the search index is made from, for telling whether its part must be indexed
/// again (`Search.PartDigest`): the head up to the title (the language, the title) and the
/// element marked `data-pagefind-body`. Not the rest: every page's footer says the day of the
/// data, and a closed case's part would otherwise be indexed again every day.
extension SearchText {
    static func indexed(_ html: [UInt8]) -> [ArraySlice<UInt8>] {
        guard let marker = find(Array("data-pagefind-body".utf8), in: html[...]),
              let open = html[..<marker].lastIndex(of: UInt8(ascii: "<")) else { return [html[...]] }
        let head = find(Array("</title>".utf8), in: html[..<open]).map { html[..<($0 + 8)] } ?? html[..<0]
        let name = Array(html[(open + 1)...].prefix { isNameByte($0) })
        guard !name.isEmpty else { return [html[...]] }
        // The element's end: its closing tag at the same depth as its opening one.
        let opening = [UInt8(ascii: "<")] + name, closing = Array("</".utf8) + name
        var depth = 0, at = open
        while at < html.count {
            guard let next = find(Array("<".utf8), in: html[at...]) else { break }
            if starts(html, at: next, with: opening), !isNameByte(byte(html, next + opening.count)) {
                depth += 1
            } else if starts(html, at: next, with: closing), !isNameByte(byte(html, next + closing.count)) {
                depth -= 1
                if depth == 0 { return [head, html[open..<min(html.count, next + closing.count + 1)]] }
            }
            at = next + 1
        }
        return [head, html[open...]]
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

    private static func byte(_ bytes: [UInt8], _ at: Int) -> UInt8 { at < bytes.count ? bytes[at] : 0 }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
