import ThaiWords

/// A page as Pagefind reads it: the same HTML with its Thai text split into words the way the
/// search page splits a query (ICU's boundaries, `ThaiWords.searchBoundaries`). Pagefind splits
/// words at white space only; left to split Thai itself, it kept compounds whole
/// ("ผลงานวิจัย"), so that "วิจัย" found nothing, and its splitting was most of a build's
/// indexing time. Only text between tags changes; tags, attributes and comments are copied.
///
/// Pagefind keeps a page's text for excerpts as its words with one space between each, so
/// search.js must join the words back: a space between two Thai words is dropped there, unless
/// it was in the page. Such a space is given to Pagefind as `wordJoiner` between two spaces:
/// a "word" with no letters, which Pagefind keeps in the text and indexes as nothing.
enum SearchText {
    static let wordJoiner: Character = "\u{2060}"
    /// A space the page has between two Thai words, as the copy gives it: made once, not per text.
    private static let pageSpaceUTF8 = Array(" \(wordJoiner) ".utf8)
    private static let pageSpaceUTF16 = Array(" \(wordJoiner) ".utf16)

    /// The page with its Thai split into words, or nil when it has no Thai (read as it is).
    static func split(_ html: [UInt8]) -> [UInt8]? {
        guard containsThai(html[...]) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + html.count / 8)
        // Two elements' texts, one after the other. Pagefind joins them without a space when
        // neither has one, even across blocks ("ตามมาตรฐาน</dt><dd>SW01"): a space is put
        // between them then, and between two Thai words it is marked as the page's own when the
        // page shows one (white space, or a block), plain when the elements are inline
        // (`<strong>`) with nothing between them.
        var thaiBefore = false, textBefore = false, block = false, space = false
        var i = 0
        while i < html.count {
            if html[i] == UInt8(ascii: "<") {
                // A tag or a comment, up to its ">": copied as it is.
                let end = html[i...].firstIndex(of: UInt8(ascii: ">")) ?? html.count - 1
                if !isInline(html[i...end]) { block = true }
                out += html[i...end]
                i = end + 1
                continue
            }
            let end = html[i...].firstIndex(of: UInt8(ascii: "<")) ?? html.count
            let text = html[i..<end]
            i = end
            guard let firstLetter = text.firstIndex(where: { !isSpace($0) }) else {
                out += text
                space = true
                continue
            }
            let leadingSpace = firstLetter != text.startIndex
            let thai = containsThai(text)
            let words = thai ? Array(split(String(decoding: text[firstLetter...], as: UTF8.self)).utf8) : Array(text[firstLetter...])
            if thaiBefore, startsThai(words) {
                if block || space || leadingSpace { out += pageSpaceUTF8 } else { out.append(UInt8(ascii: " ")) }
            } else if textBefore, block, !space, !leadingSpace {
                out.append(UInt8(ascii: " "))
            } else {
                out += text[..<firstLetter]
            }
            out += words
            let lastLetter = words.lastIndex(where: { !isSpace($0) }) ?? words.startIndex
            thaiBefore = endsThai(words[...lastLetter])
            textBefore = true
            space = lastLetter != words.count - 1
            block = false
        }
        return out
    }

    /// UTF-8 that starts, or ends, with a Thai letter (U+0E00–U+0E7F: 0xE0, 0xB8 or 0xB9, one more).
    private static func startsThai(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xE0 && (bytes[1] == 0xB8 || bytes[1] == 0xB9)
    }

    private static func endsThai(_ bytes: ArraySlice<UInt8>) -> Bool {
        let n = bytes.endIndex
        return bytes.count >= 3 && bytes[n - 3] == 0xE0 && (bytes[n - 2] == 0xB8 || bytes[n - 2] == 0xB9)
    }

    /// Tags within a line of text, which Pagefind joins without a space.
    private static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "em", "i", "kbd", "mark", "q", "s",
        "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ]

    private static func isInline(_ tag: ArraySlice<UInt8>) -> Bool {
        let name = tag.dropFirst().drop { $0 == UInt8(ascii: "/") }.prefix(while: isNameByte)
        return inlineTags.contains(String(decoding: name, as: UTF8.self).lowercased())
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// The text with a space between two Thai words, and a space that was between two Thai
    /// words marked as the page's own (" \u{2060} "). In UTF-16, which ICU reads, and where a
    /// Thai letter is one unit: counting Characters cost more than the splitting.
    static func split(_ text: String) -> String {
        let units = Array(text.utf16)
        let boundaries = ThaiWords.searchBoundaries(utf16: units)
        var next = 0
        var out: [UInt16] = []
        out.reserveCapacity(units.count + units.count / 4)
        var i = 0
        while i < units.count {
            if isSpace(units[i]) {
                var end = i
                while end < units.count, isSpace(units[end]) { end += 1 }
                if i > 0, end < units.count, isThai(units[i - 1]), isThai(units[end]) {
                    out += pageSpaceUTF16
                } else {
                    out += units[i..<end]
                }
                i = end
                continue
            }
            while next < boundaries.count, boundaries[next] < i { next += 1 }
            if i > 0, next < boundaries.count, boundaries[next] == i, isThai(units[i - 1]), isThai(units[i]) {
                out.append(0x20)
            }
            out.append(units[i])
            i += 1
        }
        return String(decoding: out, as: UTF16.self)
    }

    private static func isThai(_ unit: UInt16) -> Bool { (0x0E00...0x0E7F).contains(unit) }

    /// White space as Pagefind splits words at (Unicode's White_Space).
    private static func isSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Thai letters are U+0E00–U+0E7F: in UTF-8, 0xE0 then 0xB8 or 0xB9.
    private static func containsThai(_ bytes: ArraySlice<UInt8>) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex - 1 {
            if bytes[i] == 0xE0, bytes[i + 1] == 0xB8 || bytes[i + 1] == 0xB9 { return true }
            i += 1
        }
        return false
    }
}
