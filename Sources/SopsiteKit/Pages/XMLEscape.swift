extension String {
    /// Safe inside XML text and attribute values (the feed, the badge, heading ids): `& < > "`.
    var xmlEscaped: String { escaped(apostrophe: false) }

    /// `& < > "` and, for HTML templates as swift-mustache writes them, `'` as `&#39;`.
    /// Compares bytes: all five are ASCII, and walking Characters would break Thai text into
    /// graphemes for nothing.
    func escaped(apostrophe: Bool) -> String {
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || (apostrophe && $0 == 0x27) })
        else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27 where apostrophe: out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
