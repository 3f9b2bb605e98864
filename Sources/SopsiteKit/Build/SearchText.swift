import Escaping

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
    static let pageSpaceUTF8 = Array(" \(wordJoiner) ".utf8)

    /// The page with its Thai split into words, or nil when it has no Thai (read as it is).
    /// Texts within `skipping` (ranges in order) are copied as they are: the copy Pagefind is
    /// given leaves them out (`copyToIndex`), and what follows them depends only on how they
    /// end, which splitting never changes.
    static func split(_ html: [UInt8], skipping: [Range<Int>] = []) -> [UInt8]? {
        guard ThaiUTF8.contains(html) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + html.count / 8)
        // Two elements' texts, one after the other. Pagefind joins them without a space when
        // neither has one, even across blocks ("ตามมาตรฐาน</dt><dd>SW01"): a space is put
        // between them then, and between two Thai words it is marked as the page's own when the
        // page shows one (white space, or a block), plain when the elements are inline
        // (`<strong>`) with nothing between them.
        var thaiBefore = false, textBefore = false, block = false, space = false
        var i = 0, skip = 0
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
            while skip < skipping.count, skipping[skip].upperBound <= text.startIndex { skip += 1 }
            let skipped = skip < skipping.count && skipping[skip].contains(text.startIndex)
            let thai = !skipped && ThaiUTF8.contains(text)
            let words = thai ? splitWords(Array(text[firstLetter...])) : Array(text[firstLetter...])
            if thaiBefore, ThaiUTF8.starts(words, at: 0) {
                if block || space || leadingSpace { out += pageSpaceUTF8 } else { out.append(UInt8(ascii: " ")) }
            } else if textBefore, block, !space, !leadingSpace {
                out.append(UInt8(ascii: " "))
            } else {
                out += text[..<firstLetter]
            }
            out += words
            let lastLetter = words.lastIndex(where: { !isSpace($0) }) ?? words.startIndex
            thaiBefore = ThaiUTF8.ends(words, before: lastLetter + 1)
            textBefore = true
            space = lastLetter != words.count - 1
            block = false
        }
        return out
    }

    /// Tags within a line of text, which Pagefind joins without a space; by their names' bytes
    /// (`nameKey`), since every tag of every page is looked up.
    private static let inlineTags = Set([
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "em", "i", "kbd", "mark", "q", "s",
        "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ].map { nameKey(Array($0.utf8)[...]) })

    private static func isInline(_ tag: ArraySlice<UInt8>) -> Bool {
        let name = tag.dropFirst().drop { $0 == UInt8(ascii: "/") }.prefix(while: isNameByte)
        return name.count <= 8 && inlineTags.contains(nameKey(name))
    }

    /// A tag's name of at most eight letters and digits, lowercased, as one number.
    private static func nameKey(_ name: ArraySlice<UInt8>) -> UInt64 {
        name.prefix(8).reduce(0) { key, byte in key << 8 | UInt64(byte >= UInt8(ascii: "A") ? byte | 0x20 : byte) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}
