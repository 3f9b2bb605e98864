import CTextScan

/// What text from content files may hold, and how Thai text typed in different ways is compared.
extension Unicode.Scalar {
    /// Characters that HTML and XML cannot carry (and that a terminal may obey): the C0 controls
    /// but tab, line feed and carriage return; DEL and the C1 controls; U+FFFE and U+FFFF.
    var isUnpublishable: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// "U+000B".
    var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// The text with Thai written the way it looks rather than the way it was typed: sara am as
    /// nikhahit + sara aa (U+0E4D U+0E32, also with a tone mark between them) becomes U+0E33, and
    /// two sara e (เ เ) become sae (แ). Swift's `==` knows canonical equivalence (NFC and NFD read
    /// the same) but these are not canonical: so ids, targets and answers are compared folded.
    var thaiFolded: String {
        guard unicodeScalars.contains(where: { $0 == "\u{0E4D}" || $0 == "\u{0E40}" }) else { return self }
        let s = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            let next = i + 1 < s.count ? s[i + 1] : nil
            let afterNext = i + 2 < s.count ? s[i + 2] : nil
            if s[i] == "\u{0E4D}", next == "\u{0E32}" {
                out.append("\u{0E33}")
                i += 2
            } else if s[i] == "\u{0E4D}", let tone = next, ("\u{0E48}"..."\u{0E4B}").contains(tone), afterNext == "\u{0E32}" {
                out.append(tone)
                out.append("\u{0E33}")
                i += 3
            } else if s[i] == "\u{0E40}", next == "\u{0E40}" {
                out.append("\u{0E41}")
                i += 2
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Does any byte start a character that cannot be published: a byte below 0x20 other than
    /// tab, line feed and carriage return, 0x7F, 0xC2 or 0xEF? Every byte of every content file
    /// passes here: the scan is C's (`CTextScan`), which the compiler makes vector instructions
    /// of; eight bytes at a time with bit tricks in Swift was a percent of a build.
    var mayHoldUnpublishable: Bool {
        guard let base = baseAddress else { return false }
        return sopsite_may_hold_unpublishable(base, count) != 0
    }
}
