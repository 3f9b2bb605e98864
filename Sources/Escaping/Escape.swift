import CTextScan

extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes where they lie (a bridged text's copied): unlike
    /// `withUTF8`, the text is not copied into a variable first, which counted a reference and
    /// released it for every value of every page and chart. For Strings and Substrings alike.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}

extension String {

    /// Safe inside XML text and attribute values (the feed, the badge, heading ids): `& < > "`.
    public var xmlEscaped: String { escaped(apostrophe: false) }

    /// `& < > "` and, for HTML templates as swift-mustache writes them, `'` as `&#39;`.
    public func escaped(apostrophe: Bool) -> String {
        withBytes { bytes in
            guard Escape.needed(bytes, apostrophe: apostrophe) else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            Escape.append(bytes, apostrophe: apostrophe, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Escaping for XML and HTML, by bytes: all five characters are ASCII, and walking Characters
/// would break Thai text into graphemes for nothing.
public enum Escape {
    /// Does any byte need escaping?
    public static func needed(_ bytes: UnsafeBufferPointer<UInt8>, apostrophe: Bool) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return sopsite_first_html_special(base, bytes.count, apostrophe ? 1 : 0) < bytes.count
    }

    /// Appends `bytes` to `out` escaped: runs of bytes that need nothing are copied at once,
    /// found by C's scan (`CTextScan`, 32 bytes at a time: every value of every page passes).
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, apostrophe: Bool, to out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            let i = start + sopsite_first_html_special(base + start, bytes.count - start, apostrophe ? 1 : 0)
            if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            guard i < bytes.count else { return }
            switch bytes[i] {
            case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            default: out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            }
            start = i + 1
        }
    }
}
