import Escaping

/// Folding a long line between characters as a reader sees them, without asking Swift for
/// every Character: a calendar's lines are mostly Thai, and breaking them into Characters was
/// half of writing the feeds. For ASCII and Thai, where a character ends is known from the
/// scalars alone (Unicode's grapheme rules, `ThaiUTF8.joinsBefore`): a Thai vowel or tone mark
/// above or below and SARA AM stay with what comes before; every other ASCII or Thai scalar
/// starts a character, as does every sign and letter of Latin-1 (U+00A0–U+00FF, "·" in a
/// timing's words) but the soft hyphen. A line with any other scalar, or a control character,
/// is folded by Characters (`ICalendarFoldTests` compares the two over every Thai and Latin-1
/// scalar).
extension ICalendar {
    /// `line` folded at 75 octets, or nil when it holds a scalar this reading does not know.
    static func foldKnown(_ line: String) -> String? {
        line.withBytes { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 25)
            var octets = 0, start = 0, i = 0
            // Each character, from `start` to the next scalar that starts one, put on the line
            // when it ends, as the Character loop puts it.
            func put(_ end: Int) {
                let size = end - start
                if octets + size > 75 {
                    out += [0x0D, 0x0A, 0x20]
                    octets = 1
                }
                out += UnsafeBufferPointer(rebasing: bytes[start..<end])
                octets += size
                start = end
            }
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    guard byte >= 0x20, byte != 0x7F else { return nil }
                    if i > start { put(i) }
                    i += 1
                    continue
                }
                if byte == 0xC2 || byte == 0xC3 {
                    guard i + 1 < bytes.count, bytes[i + 1] & 0xC0 == 0x80 else { return nil }
                    let scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    // U+0080–U+009F are controls; U+00AD, the soft hyphen, is one to Unicode's rules.
                    guard scalar >= 0xA0, scalar != 0xAD else { return nil }
                    if i > start { put(i) }
                    i += 2
                    continue
                }
                guard ThaiUTF8.starts(bytes, at: i) else { return nil }
                if !ThaiUTF8.joinsBefore(ThaiUTF8.scalar(bytes, at: i)), i > start { put(i) }
                i += 3
            }
            if bytes.count > start { put(bytes.count) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Folded by Swift's Characters: any script.
    static func foldByCharacters(_ line: String) -> String {
        var out = "", octets = 0
        for character in line {
            let size = character.utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.append(character)
            octets += size
        }
        return out
    }
}
