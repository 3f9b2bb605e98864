/// An element written attribute by attribute, for the pictures made for every case (a Gantt
/// chart's hundred elements on each of 10,000 pages): no array of attributes is made for it,
/// and numbers go in as digits, not as Strings. The bytes are those `element` writes.
///
///     out.begin("rect")
///     out.attribute("x", 12.5)
///     out.attribute("fill", "#e6e9ed")
///     out.end("rect")
extension SVGWriter {
    /// Names are `StaticString`s, copied from where the compiler put them: a String's bytes
    /// were asked for at each of a chart's four hundred names.
    public mutating func begin(_ name: StaticString) {
        indent()
        buffer.append(UInt8(ascii: "<"))
        buffer.append(name)
    }

    /// A text attribute, escaped.
    public mutating func attribute(_ key: StaticString, _ value: String) {
        attributeName(key)
        SVGWriter.appendEscaped(value, to: buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// `attribute` for a name given as a String (`open`, `element`).
    mutating func attribute(named key: String, _ value: String) {
        buffer.append(UInt8(ascii: " "))
        buffer.append(key)
        buffer.append(UInt8(ascii: "="))
        buffer.append(UInt8(ascii: "\""))
        SVGWriter.appendEscaped(value, to: buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// A number, as `number` writes it.
    public mutating func attribute(_ key: StaticString, _ value: Double) {
        attributeName(key)
        SVGWriter.appendNumber(value, to: buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    /// Ends the start tag of the element begun, which holds other elements, closed by `close`:
    /// the bytes `open` writes.
    public mutating func opened() {
        buffer.append(UInt8(ascii: ">"))
        endLine()
        depth += 1
    }

    /// Ends the element begun: empty, or holding only escaped text.
    public mutating func end(_ name: StaticString, text: String? = nil) {
        end(text) { $0.append(name) }
    }

    /// `end` for an element named by a String (`element`).
    mutating func end(named name: String, text: String?) {
        end(text) { $0.append(name) }
    }

    private mutating func end(_ text: String?, name: (SVGBytes) -> Void) {
        if let text {
            buffer.append(UInt8(ascii: ">"))
            SVGWriter.appendEscaped(text, to: buffer)
            buffer.append(UInt8(ascii: "<"))
            buffer.append(UInt8(ascii: "/"))
            name(buffer)
            buffer.append(UInt8(ascii: ">"))
        } else {
            buffer.append(UInt8(ascii: "/"))
            buffer.append(UInt8(ascii: ">"))
        }
        endLine()
    }

    /// Ends the element begun holding text written in pieces, each escaped as `end(_:text:)`
    /// escapes (a scalar at a time, so pieces give the bytes their sum would): a Gantt chart's
    /// description, 10,000 of them a build, is not first made as one String.
    public mutating func end(_ name: StaticString, pieces write: (_ piece: (String) -> Void) -> Void) {
        let buffer = self.buffer
        buffer.append(UInt8(ascii: ">"))
        write { SVGWriter.appendEscaped($0, to: buffer) }
        buffer.append(UInt8(ascii: "<"))
        buffer.append(UInt8(ascii: "/"))
        buffer.append(name)
        buffer.append(UInt8(ascii: ">"))
        endLine()
    }

    private mutating func attributeName(_ key: StaticString) {
        buffer.append(UInt8(ascii: " "))
        buffer.append(key)
        buffer.append(UInt8(ascii: "="))
        buffer.append(UInt8(ascii: "\""))
    }
}

/// The shapes a chart draws by the thousand, begun with their place: their other attributes
/// follow, then `end`.
extension SVGWriter {
    public mutating func beginRect(x: Double, y: Double, width: Double, height: Double) {
        begin("rect")
        attribute("x", x)
        attribute("y", y)
        attribute("width", width)
        attribute("height", height)
    }

    public mutating func beginLine(x1: Double, y1: Double, x2: Double, y2: Double) {
        begin("line")
        attribute("x1", x1)
        attribute("y1", y1)
        attribute("x2", x2)
        attribute("y2", y2)
    }

    /// Ends a text begun with `beginText` with one `<tspan>` per line, `lineHeight` apart
    /// (as `text` writes them).
    public mutating func endText(lines: [String], x: Double, y: Double, lineHeight: Double) {
        buffer.append(UInt8(ascii: ">"))
        for (i, line) in lines.enumerated() { tspan(line, x: x, y: y + Double(i) * lineHeight) }
        put("</text>")
        endLine()
    }

    mutating func tspan(_ text: String, x: Double, y: Double) {
        put("<tspan x=\"")
        SVGWriter.appendNumber(x, to: buffer)
        put("\" y=\"")
        SVGWriter.appendNumber(y, to: buffer)
        put("\">")
        SVGWriter.appendEscaped(text, to: buffer)
        put("</tspan>")
    }

    /// Text at a place, in a size and colour: `end("text", text:)` writes the words.
    public mutating func beginText(x: Double, y: Double, fontSize: Double, fill: String) {
        begin("text")
        attribute("x", x)
        attribute("y", y)
        attribute("font-size", fontSize)
        attribute("fill", fill)
    }
}
