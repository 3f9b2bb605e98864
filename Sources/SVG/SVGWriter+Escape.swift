import CTextScan
import Escaping

/// Text and attribute values made safe for XML.
extension SVGWriter {
    /// Escapes the XML specials (also `"`, as attribute values are double-quoted) and drops
    /// control characters, which are not allowed in XML at all.
    public static func escape(_ s: String) -> String {
        let out = SVGBytes(capacity: s.utf8.count + 16)
        appendEscaped(s, to: out)
        return out.text
    }

    static func appendEscaped(_ s: String, to out: SVGBytes) {
        // Most text needs nothing: no ASCII special or control, and no lead byte of a C1 control
        // (0xC2) or of U+FFFE/U+FFFF (0xEF). Thai is 0xE0 and continuation bytes.
        let copied = s.withBytes { text -> Bool in
            guard let base = text.baseAddress else { return true }
            guard sopsite_first_xml_look(base, text.count) == text.count else { return false }
            out.append(contentsOf: text)
            return true
        }
        if copied { return }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out.append("&amp;")
            case "<": out.append("&lt;")
            case ">": out.append("&gt;")
            case "\"": out.append("&quot;")
            case "\t", "\n", "\r": out.append(0x20)
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                out.append(String(scalar))
            }
        }
    }
}
