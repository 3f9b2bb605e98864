/// Thai letters (U+0E00–U+0E7F) as UTF-8: 0xE0, then 0xB8 or 0xB9, then one more byte. Text is
/// looked at by its bytes where Swift's Characters would cost too much (a plain note, a heading's
/// id, a calendar line's fold, the copies of pages search indexes); every such place asks here.
/// Inlinable, so that each is made for the bytes it reads and costs no call.
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
}
