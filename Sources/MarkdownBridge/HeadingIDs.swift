import Escaping
import Foundation

/// Ids for headings, so that a table of contents and other pages can link to a section.
/// Thai headings keep their Thai letters: HTML ids and URL fragments may hold any letter.
struct HeadingIDs {
    /// Ids made so far, by their bytes: HTML tells ids apart by their code points, so two ids
    /// of the same letters typed in another order are two ids (and a Thai id is not normalised
    /// to be hashed).
    private var used: [ByteKey: Int] = [:]

    /// "ขั้นตอนการจองห้อง 1.2" → "ขั้นตอนการจองห้อง-12"; repeats get -2, -3.
    mutating func make(_ text: String) -> String {
        let slug = HeadingIDs.asciiOrThaiSlug(text) ?? HeadingIDs.slug(text)
        let id = slug.isEmpty ? "section" : slug
        let key = ByteKey(Array(id.utf8))
        // Room for a report's headings made at once: grown one by one, the table was made
        // again three times in each of 10,000 reports.
        if used.isEmpty { used.reserveCapacity(16) }
        let count = HeadingIDs.counted(&used[key, default: 0])
        return count == 1 ? id : "\(id)-\(count)"
    }

    /// Counts one more in place and gives the count: the dictionary is looked up once.
    private static func counted(_ n: inout Int) -> Int {
        n += 1
        return n
    }

    /// Kept letters, lowercased, with a dash for each run of spaces, dashes and underscores
    /// between them.
    static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var endsWithDash = false
        for scalar in text.lowercased().unicodeScalars {
            if isKept(scalar) {
                slug.append(scalar)
                endsWithDash = false
            } else if (scalar == " " || scalar == "-" || scalar == "_") && !endsWithDash && !slug.isEmpty {
                slug.append("-")
                endsWithDash = true
            }
        }
        if endsWithDash { slug.removeLast() }
        return String(slug)
    }

    /// `slug` for a heading of ASCII and Thai letters alone (the office's headings), read as
    /// bytes: lowercasing leaves Thai as it is and ASCII needs no tables, where
    /// `String.lowercased()` looked every Thai letter up. Nil for any other letter.
    static func asciiOrThaiSlug(_ text: String) -> String? {
        // The text's bytes and the two tables read in place (a static table asked for at each
        // byte is made sure of at each byte).
        text.withBytes { bytes in
            ascii.withUnsafeBufferPointer { ascii in
                thai.withUnsafeBufferPointer { thai in
                    slug(bytes, ascii: ascii, thai: thai)
                }
            }
        }
    }

    /// Written into the String's own memory, a byte at a time (never longer than the heading):
    /// appending to an array checked its room and its owner at every byte of 10,000 reports'
    /// headings.
    private static func slug(_ bytes: UnsafeBufferPointer<UInt8>, ascii: UnsafeBufferPointer<Bool>,
                             thai: UnsafeBufferPointer<Bool>) -> String? {
        var isAsciiOrThai = true
        let slug = String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var endsWithDash = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                if byte < 0x80 {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    if ascii[Int(lower)] {
                        out[n] = lower
                        n += 1
                        endsWithDash = false
                    } else if (lower == 0x20 || lower == 0x2D || lower == 0x5F) && !endsWithDash && n > 0 {
                        out[n] = 0x2D
                        n += 1
                        endsWithDash = true
                    }
                    continue
                }
                let letter = i - 1
                guard ThaiUTF8.starts(bytes, at: letter) else {
                    isAsciiOrThai = false
                    return 0
                }
                i = letter + 3
                if thai[ThaiUTF8.scalar(bytes, at: letter) - 0x0E00] {
                    out[n] = bytes[letter]
                    out[n + 1] = bytes[letter + 1]
                    out[n + 2] = bytes[letter + 2]
                    n += 3
                    endsWithDash = false
                }
            }
            return endsWithDash ? n - 1 : n
        }
        return isAsciiOrThai ? slug : nil
    }

    /// Letters, digits and combining marks stay in an id. Asked of every letter of every heading,
    /// so the answers for ASCII and Thai are worked out once (with the same question).
    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80: return ascii[Int(scalar.value)]
        case 0x0E00..<0x0E80: return thai[Int(scalar.value - 0x0E00)]
        default: return keeps(scalar)
        }
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    private static let ascii = (0..<0x80).map { keeps(Unicode.Scalar(UInt8($0))) }
    private static let thai = (0x0E00..<0x0E80).map { Unicode.Scalar($0).map(keeps) ?? false }

    /// Gives the n-th `<hN>` of `html` the n-th id. cmark-gfm writes headings as bare `<h2>`
    /// tags in document order, the order the ids were made in. Scans bytes and copies the text
    /// between headings whole: this runs on every page body, and `<h1>`...`<h6>` are ASCII.
    /// Reads the bytes cmark-gfm rendered and copies them once (each copy and check of 10,000
    /// page bodies counted).
    static func insert(_ ids: [String], into bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard !ids.isEmpty else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ids.count * 32)
        var next = 0, copied = 0, i = 0
        // memchr finds each "<" at memory speed; a body has hundreds (every tag).
        while next < ids.count, i < bytes.count, let found = memchr(bytes.baseAddress! + i, 0x3C, bytes.count - i) {
            let open = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
            i = open + 1
            guard open + 3 < bytes.count, bytes[open + 1] == UInt8(ascii: "h"),
                  (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[open + 2]), bytes[open + 3] == UInt8(ascii: ">")
            else { continue }
            out += UnsafeBufferPointer(rebasing: bytes[copied..<(open + 3)])  // copied whole, not byte by byte
            out += " id=\"\(ids[next].xmlEscaped)\">".utf8
            next += 1
            copied = open + 4
            i = copied
        }
        out += UnsafeBufferPointer(rebasing: bytes[copied...])
        return out
    }
}
