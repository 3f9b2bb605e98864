/// The one SVG writer of sopsite (the flowchart, the reports' charts, badges, QR codes, a case's
/// Gantt chart): escaped attributes and text, fixed attribute order, one element per line
/// indented by depth (or, for an image inside a line of HTML, all on one line), and numbers
/// printed the same way on every machine, so that the same picture always gives the same bytes
/// and golden files stay stable. It writes bytes: appending to a String checked its storage at
/// every piece, half the time of a case page's Gantt chart (10,000 of them in a build).
public struct SVGWriter {
    let buffer: SVGBytes
    /// The picture's bytes.
    public var bytes: [UInt8] { buffer.array }
    /// How many elements are open.
    public internal(set) var depth = 0
    /// All on one line: no indentation, no line breaks.
    private let compact: Bool

    public typealias Attributes = KeyValuePairs<String, String>

    /// The picture as text.
    public var output: String { buffer.text }

    /// `capacity`: the bytes the picture is expected to take, reserved at once (a badge is made
    /// for each of 10,000 cases).
    public init(compact: Bool = false, capacity: Int = 0) {
        self.compact = compact
        buffer = SVGBytes(capacity: capacity)
    }

    public mutating func open(_ name: String, _ attributes: Attributes = [:]) {
        start(name, attributes)
        buffer.append(UInt8(ascii: ">"))
        endLine()
        depth += 1
    }

    public mutating func close(_ name: String) {
        depth -= 1
        indent()
        put("</")
        put(name)
        put(">")
        endLine()
    }

    /// An empty element, or one holding only escaped text.
    public mutating func element(_ name: String, _ attributes: Attributes = [:], text: String? = nil) {
        start(name, attributes)
        end(named: name, text: text)
    }

    /// Multi-line text: one `<tspan>` per line, all on one source line, because whitespace
    /// between tspans would be drawn as a space and shift centred lines.
    public mutating func text(_ lines: [(text: String, x: Double, y: Double)], _ attributes: Attributes) {
        start("text", attributes)
        put(">")
        for line in lines { tspan(line.text, x: line.x, y: line.y) }
        put("</text>")
        endLine()
    }

    /// `<name` and the attributes, on a line of its own. Single bytes are appended as bytes:
    /// this runs for each of a Gantt chart's hundred elements on 10,000 case pages.
    mutating func start(_ name: String, _ attributes: Attributes) {
        indent()
        buffer.append(UInt8(ascii: "<"))
        put(name)
        for (key, value) in attributes { attribute(named: key, value) }
    }

    /// A native string's bytes copied at once (appending its `utf8` went byte by byte).
    mutating func put(_ s: String) {
        buffer.append(s)
    }

    mutating func indent() {
        guard !compact else { return }
        for _ in 0..<depth { buffer.append(0x20); buffer.append(0x20) }
    }

    mutating func endLine() {
        if !compact { buffer.append(0x0A) }
    }

    /// At most one decimal, no exponent, no locale, no "-0": 12 → "12", 12.25 → "12.3".
    public static func number(_ v: Double) -> String {
        // Written on the stack and made one small String: building it from pieces cost more
        // than the rest of an element.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            let i = digits(v, into: buffer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[i...]), as: UTF8.self)
        }
    }

    /// `number(v)`'s bytes, appended.
    static func appendNumber(_ v: Double, to out: SVGBytes) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            let i = digits(v, into: buffer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// Writes `v` backwards at the end of `buffer`; returns where it starts.
    private static func digits(_ v: Double, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard v.isFinite else {
            buffer[buffer.count - 1] = UInt8(ascii: "0")
            return buffer.count - 1
        }
        let tenths = Int((v * 10).rounded())
        var a = abs(tenths)
        var i = buffer.count
        func put(_ byte: UInt8) { i -= 1; buffer[i] = byte }
        if a % 10 != 0 {
            put(UInt8(ascii: "0") + UInt8(a % 10))
            put(UInt8(ascii: "."))
        }
        a /= 10
        repeat {
            put(UInt8(ascii: "0") + UInt8(a % 10))
            a /= 10
        } while a > 0
        if tenths < 0 { put(UInt8(ascii: "-")) }
        return i
    }
}
