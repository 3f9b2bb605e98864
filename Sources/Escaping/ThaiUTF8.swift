/// Thai letters (U+0E00–U+0E7F) as UTF-8: 0xE0, then 0xB8 or 0xB9, then one more byte. Text is
/// looked at by its bytes where Swift's Characters would cost too much (a heading's id, a
/// calendar line's fold, a text's width, the copies of pages search indexes); every such place
/// in Swift asks here (C's test of a plain note, `sopsite_plain_line_bytes`, reads the same two
/// bytes). Inlinable, so that each is made for the bytes it reads and costs no call.
public enum ThaiUTF8 {
    /// Do a Thai letter's three bytes start at `i`?
    @inlinable
    public static func starts<Bytes: RandomAccessCollection>(_ bytes: Bytes, at i: Int) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        i >= bytes.startIndex && i + 2 < bytes.endIndex && isLead(bytes[i], bytes[i + 1])
    }

    /// Do a Thai letter's three bytes end just before `i`?
    @inlinable
    public static func ends<Bytes: RandomAccessCollection>(_ bytes: Bytes, before i: Int) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        i <= bytes.endIndex && starts(bytes, at: i - 3)
    }

    /// Is there a Thai letter's first two bytes anywhere in `bytes`?
    @inlinable
    public static func contains<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var i = bytes.startIndex
        while i < bytes.endIndex - 1 {
            if isLead(bytes[i], bytes[i + 1]) { return true }
            i += 1
        }
        return false
    }

    /// The scalar of the Thai letter whose three bytes start at `i` (`starts(bytes, at: i)`).
    @inlinable
    public static func scalar<Bytes: RandomAccessCollection>(_ bytes: Bytes, at i: Int) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
        0x0E00 + Int(bytes[i + 1] - 0xB8) << 6 + Int(bytes[i + 2] & 0x3F)
    }

    /// Are these a Thai letter's first two bytes?
    @inlinable
    public static func isLead(_ first: UInt8, _ second: UInt8) -> Bool {
        first == 0xE0 && (second == 0xB8 || second == 0xB9)
    }

    /// Does this Thai scalar stay in the character (grapheme cluster) of what comes before it?
    /// A vowel or tone mark above or below (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E: Extend to
    /// Unicode) and SARA AM (U+0E33: SpacingMark) do; every other Thai scalar starts one.
    @inlinable
    public static func joinsBefore(_ scalar: Int) -> Bool {
        scalar == 0x0E31 || scalar == 0x0E33 || (0x0E34...0x0E3A).contains(scalar) || (0x0E47...0x0E4E).contains(scalar)
    }

    /// How many Characters a text of printable ASCII and Thai has, counted from its bytes as
    /// Swift's `count` would (`joinsBefore`); nil for a text with any other character or a
    /// control, left to `count`. Counting Thai text's Characters asked for Unicode's break
    /// properties of every letter (a case's badge, a chart's labels).
    @inlinable
    public static func characters<Bytes: RandomAccessCollection>(_ bytes: Bytes) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var count = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte < 0x80 {
                guard byte >= 0x20, byte != 0x7F else { return nil }
                count += 1
                i += 1
                continue
            }
            guard starts(bytes, at: i) else { return nil }
            // A mark at the very start is a character of its own, as Swift counts it.
            if !joinsBefore(scalar(bytes, at: i)) || i == bytes.startIndex { count += 1 }
            i += 3
        }
        return count
    }
}
