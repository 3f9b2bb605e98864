import Foundation

/// What of a page the search index is made from, for telling whether its part must be indexed
/// again (`Search.PartDigest`): the head up to the title (the language, the title) and the
/// element marked `data-pagefind-body`, without the elements in it marked
/// `data-pagefind-ignore`. Not the rest: every page's footer says the day of the data, and an
/// open case's current step its days overdue; its quarter would otherwise be indexed every day.
extension SearchText {
    static func indexed(_ html: [UInt8]) -> [ArraySlice<UInt8>] {
        guard let body = element(marked: "data-pagefind-body", in: html, from: 0) else { return [html[...]] }
        let titleEnds = html.withUnsafeBufferPointer { find(Array("</title>".utf8), in: $0, from: 0, to: body.lowerBound) }
        let head = titleEnds.map { html[..<($0 + 8)] } ?? html[..<0]
        var pieces = [head], at = body.lowerBound
        while let ignored = element(marked: "data-pagefind-ignore", in: html, from: at), ignored.lowerBound < body.upperBound {
            pieces.append(html[at..<ignored.lowerBound])
            at = ignored.upperBound
        }
        pieces.append(html[at..<max(at, body.upperBound)])
        return pieces
    }

    /// The first element from `from` whose start tag has `attribute`, from its "<" to the end of
    /// its closing tag at the same depth (or of the page, when it is never closed). Every page
    /// indexed is read this way, so the bytes are searched with memchr and memcmp.
    private static func element(marked attribute: String, in html: [UInt8], from: Int) -> Range<Int>? {
        let marker = Array(attribute.utf8)
        return html.withUnsafeBufferPointer { page -> Range<Int>? in
            guard let found = find(marker, in: page, from: from, to: page.count),
                  let open = page[from..<found].lastIndex(of: UInt8(ascii: "<")) else { return nil }
            let name = page[(open + 1)...].prefix { isNameByte($0) }
            guard !name.isEmpty else { return nil }
            // `<name` or `</name`, and not a longer name that starts the same.
            func tag(at i: Int) -> Bool {
                i + name.count <= page.count && memcmp(page.baseAddress! + i, page.baseAddress! + name.startIndex, name.count) == 0
                    && !isNameByte(i + name.count < page.count ? page[i + name.count] : 0)
            }
            var depth = 0, at = open
            while let next = firstIndex(of: UInt8(ascii: "<"), in: page, from: at, to: page.count) {
                if tag(at: next + 1) {
                    depth += 1
                } else if next + 1 < page.count, page[next + 1] == UInt8(ascii: "/"), tag(at: next + 2) {
                    depth -= 1
                    if depth == 0 {
                        return open..<(firstIndex(of: UInt8(ascii: ">"), in: page, from: next, to: page.count).map { $0 + 1 } ?? page.count)
                    }
                }
                at = next + 1
            }
            return open..<page.count
        }
    }

    /// Where `needle` first starts in `page[from..<to]`.
    private static func find(_ needle: [UInt8], in page: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var at = from
        while let candidate = firstIndex(of: first, in: page, from: at, to: to - needle.count + 1) {
            if memcmp(page.baseAddress! + candidate, needle, needle.count) == 0 { return candidate }
            at = candidate + 1
        }
        return nil
    }

    private static func firstIndex(of byte: UInt8, in page: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = page.baseAddress, let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    static func byte(_ bytes: [UInt8], _ at: Int) -> UInt8 { at < bytes.count ? bytes[at] : 0 }

    /// A letter or digit of a tag's name (either case).
    static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
