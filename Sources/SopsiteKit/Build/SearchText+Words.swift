import Escaping
import ThaiWords

/// One text of a page split into words: ICU's boundaries, the browser's
/// (`ThaiWords.searchBoundaries`), with a space put between two Thai words.
extension SearchText {
    /// The text with a space between two Thai words, and a space that was between two Thai
    /// words marked as the page's own (" \u{2060} "). In UTF-8, as the page is: ICU reads it
    /// there and gives its boundaries in bytes (decoding each text to a String, and to UTF-16
    /// for ICU and back, cost more than the splitting). Boundaries and white space fall only
    /// where a character starts, so the bytes are walked one by one.
    static func splitWords(_ text: [UInt8]) -> [UInt8] {
        let boundaries = ThaiWords.searchBoundaries(utf8: text)
        var next = 0
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 4)
        var i = 0
        while i < text.count {
            if spaceLength(text, at: i) > 0 {
                var end = i
                while end < text.count, case let length = spaceLength(text, at: end), length > 0 { end += length }
                if ThaiUTF8.ends(text, before: i), ThaiUTF8.starts(text, at: end) {
                    out += pageSpaceUTF8
                } else {
                    out += text[i..<end]
                }
                i = end
                continue
            }
            while next < boundaries.count, boundaries[next] < i { next += 1 }
            if next < boundaries.count, boundaries[next] == i, ThaiUTF8.ends(text, before: i), ThaiUTF8.starts(text, at: i) {
                out.append(UInt8(ascii: " "))
            }
            out.append(text[i])
            i += 1
        }
        return out
    }

    /// The bytes of the white space that starts at `i`, as Pagefind splits words at (Unicode's
    /// White_Space), or 0. Its lead bytes are never a continuation byte, so `i` may be any byte.
    private static func spaceLength(_ text: [UInt8], at i: Int) -> Int {
        func next(_ k: Int) -> UInt8 { i + k < text.count ? text[i + k] : 0 }
        switch text[i] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0  // U+0085, U+00A0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0  // U+1680
        case 0xE2:
            switch (next(1), next(2)) {
            case (0x80, 0x80...0x8A), (0x80, 0xA8), (0x80, 0xA9), (0x80, 0xAF), (0x81, 0x9F): return 3  // U+2000–200A, 2028, 2029, 202F, 205F
            default: return 0
            }
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }
}
