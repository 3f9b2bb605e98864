/// The one SVG writer of sopsite (the flowchart, the reports' charts, badges, QR codes): escaped
/// attributes and text, fixed attribute order, one element per line indented by depth (or, for
/// an image inside a line of HTML, all on one line), and numbers printed the same way on every
/// machine, so that the same picture always gives the same bytes and golden files stay stable.
public struct SVGWriter {
    public private(set) var output = ""
    private var depth = 0
    /// All on one line: no indentation, no line breaks.
    private let compact: Bool

    public typealias Attributes = KeyValuePairs<String, String>

    /// `capacity`: the bytes the picture is expected to take, reserved at once (a badge is made
    /// for each of 10,000 cases).
    public init(compact: Bool = false, capacity: Int = 0) {
        self.compact = compact
        output.reserveCapacity(capacity)
    }

    public mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        start(name, attributes)
        output += ">"
        endLine()
        depth += 1
    }

    public mutating func close(_ name: String) {
        depth -= 1
        indent()
        output += "</" + name + ">"
        endLine()
    }

    /// An empty element, or one holding only escaped text.
    public mutating func element(_ name: String, _ attributes: Attributes = [:], text: String? = nil) {
        start(name, attributes)
        if let text {
            output += ">"
            SVGWriter.appendEscaped(text, to: &output)
            output += "</" + name + ">"
        } else {
            output += "/>"
        }
        endLine()
    }

    /// Multi-line text: one `<tspan>` per line, all on one source line, because whitespace
    /// between tspans would be drawn as a space and shift centred lines.
    public mutating func text(_ lines: [(text: String, x: Double, y: Double)], _ attributes: Attributes) {
        start("text", attributes)
        output += ">"
        for line in lines {
            output += "<tspan x=\"" + SVGWriter.number(line.x) + "\" y=\"" + SVGWriter.number(line.y) + "\">"
            SVGWriter.appendEscaped(line.text, to: &output)
            output += "</tspan>"
        }
        output += "</text>"
        endLine()
    }

    /// `<name` and the attributes, on a line of its own. Written straight into `output`: a
    /// badge for each of 10,000 cases made its strings piece by piece and joined them, a
    /// twentieth of a build.
    private mutating func start(_ name: String, _ attributes: Attributes) {
        indent()
        output += "<" + name
        for (key, value) in attributes {
            output += " " + key + "=\""
            SVGWriter.appendEscaped(value, to: &output)
            output += "\""
        }
    }

    private mutating func indent() {
        guard !compact else { return }
        for _ in 0..<depth { output += "  " }
    }

    private mutating func endLine() {
        if !compact { output += "\n" }
    }

    /// Escapes the XML specials (also `"`, as attribute values are double-quoted) and drops
    /// control characters, which are not allowed in XML at all.
    public static func escape(_ s: String) -> String {
        var out = ""
        appendEscaped(s, to: &out)
        return out
    }

    static func appendEscaped(_ s: String, to out: inout String) {
        // Most text needs nothing: no ASCII special or control, and no lead byte of a C1 control
        // (0xC2) or of U+FFFE/U+FFFF (0xEF). Thai is 0xE0 and continuation bytes.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x7F
                               && $0 != 0xC2 && $0 != 0xEF }) {
            out += s
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// At most one decimal, no exponent, no locale, no "-0": 12 → "12", 12.25 → "12.3".
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let tenths = Int((v * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}
