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

    public init(compact: Bool = false) {
        self.compact = compact
    }

    public mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        line("<\(name)\(SVGWriter.render(attributes))>")
        depth += 1
    }

    public mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// An empty element, or one holding only escaped text.
    public mutating func element(_ name: String, _ attributes: Attributes = [:], text: String? = nil) {
        let attrs = SVGWriter.render(attributes)
        if let text {
            line("<\(name)\(attrs)>\(SVGWriter.escape(text))</\(name)>")
        } else {
            line("<\(name)\(attrs)/>")
        }
    }

    /// Multi-line text: one `<tspan>` per line, all on one source line, because whitespace
    /// between tspans would be drawn as a space and shift centred lines.
    public mutating func text(_ lines: [(text: String, x: Double, y: Double)], _ attributes: Attributes) {
        let spans = lines.map { "<tspan x=\"\(SVGWriter.number($0.x))\" y=\"\(SVGWriter.number($0.y))\">"
            + SVGWriter.escape($0.text) + "</tspan>" }.joined()
        line("<text\(SVGWriter.render(attributes))>\(spans)</text>")
    }

    private mutating func line(_ s: String) {
        output += compact ? s : String(repeating: "  ", count: depth) + s + "\n"
    }

    static func render(_ attributes: Attributes) -> String {
        attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    /// Escapes the XML specials (also `"`, as attribute values are double-quoted) and drops
    /// control characters, which are not allowed in XML at all.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
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
        return out
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
