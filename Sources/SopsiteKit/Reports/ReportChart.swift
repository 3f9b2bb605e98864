import SVG
import ThaiWords

/// A horizontal bar chart drawn at build time as inline SVG, one bar per row of the table beside
/// it: the row's label above its bar, its figure after it, each part of a stacked bar's figure
/// inside it where it fits, all real `<text>`. Styling is by presentation attributes only (the
/// site's Content-Security-Policy refuses `style`), in the portal's palette (`Palette`: states
/// in their badges' colours, dark enough for white figures); no font-family, so the page's CSS
/// supplies the font.
struct ReportChart {
    struct Bar {
        var label: String
        /// One value, or the parts of a stacked bar in the legend's order.
        var parts: [Int]
        /// The figure written after the bar, as the table writes it.
        var value: String
        /// The bar's own colour (a state's, on home), instead of its part's.
        var fill: String? = nil
    }

    /// Unique on the page: starts the ids of the title and the description.
    var id: String
    var title: String
    /// What the chart shows, with every bar's figure, for readers who do not see it.
    var desc: String
    var bars: [Bar]
    /// The parts' names for stacked bars (drawn as a legend); empty for plain bars.
    var legend: [String] = []
    /// What a full-length bar stands for (100 for percentages); the longest bar when nil.
    var full: Int? = nil
    /// Each part's colour, in the legend's order; plain bars take the first.
    var fills: [String] = [Palette.accent]
    /// Parts drawn as bars of their own under one label (two figures of a month), each with its
    /// figure after it, rather than stacked.
    var grouped = false

    /// Narrow enough to sit beside its table on a wide screen at its drawn size.
    static let width = 480.0
    static let margin = 8.0
    static let rowHeight = 46.0
    /// Room after the longest bar for its figure.
    static let figureRoom = 150.0
    /// A label longer than the chart is wide wraps, between words (Thai by libthai's dictionary,
    /// as the flowchart's), one more line of this height each.
    static let labelSize = 14.0
    static let labelLineHeight = 18.0
    static let ink = Palette.ink
    static let stroke = Palette.ink

    func svg() -> String {
        let m = Self.margin
        let top = legend.isEmpty ? m : m + 28
        let labels = bars.map { TextWrap.wrap(ThaiWords.marked($0.label), maxWidth: Self.width - 2 * m, fontSize: Self.labelSize) }
        let extra = labels.map { Double($0.count - 1) * Self.labelLineHeight }
        // A grouped row holds a bar per part, each `groupStep` under the one before.
        let rowHeights = bars.map { Self.rowHeight + (grouped ? Double($0.parts.count - 1) * Self.groupStep : 0) }
        let height = top + rowHeights.reduce(0, +) + extra.reduce(0, +) + m
        let longest = bars.map { grouped ? $0.parts.max() ?? 0 : $0.parts.reduce(0, +) }.max() ?? 0
        let scale = Double(max(full ?? longest, 1))
        let room = Self.width - 2 * m - Self.figureRoom
        var out = SVGWriter()
        out.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "class": "report-chart",
                         "viewBox": "0 0 \(n(Self.width)) \(n(height))", "width": n(Self.width),
                         "height": n(height), "role": "img", "aria-labelledby": "\(id)-title \(id)-desc"])
        out.element("title", ["id": "\(id)-title"], text: title)
        out.element("desc", ["id": "\(id)-desc"], text: desc)
        drawLegend(y: m, &out)
        var rowTop = top
        for (i, bar) in bars.enumerated() {
            // The bar's own coordinates below its label's extra lines.
            let y = rowTop + extra[i]
            rowTop = y + rowHeights[i]
            out.open("g", ["class": "bar"])
            if labels[i].count == 1 {
                text(bar.label, x: m, y: y + 17, size: Int(Self.labelSize), &out)
            } else {
                // The first line's baseline where a one-line label's is, above the extra lines.
                let first = y - extra[i] + 17
                let lines = labels[i].enumerated().map { (text: $1, x: m, y: first + Double($0) * Self.labelLineHeight) }
                out.text(lines, ["x": n(m), "y": n(first), "font-size": n(Self.labelSize), "fill": Self.ink])
            }
            if grouped {
                drawGroup(bar, y: y, scale: scale, room: room, &out)
                out.close("g")
                continue
            }
            var x = m
            for (part, value) in bar.parts.enumerated() where value > 0 {
                let length = Double(value) / scale * room
                // A white edge keeps neighbouring parts apart whatever their colours.
                out.element("rect", ["x": n(x), "y": n(y + 23), "width": n(length), "height": "16",
                                     "fill": bar.fill ?? fills[part % fills.count], "stroke": "#ffffff", "stroke-width": "1"])
                // A stacked bar's parts carry their own figures where they fit.
                let figure = String(value)
                if bar.parts.count > 1, length >= TextWrap.width(figure, fontSize: 11) + 6 {
                    out.element("text", ["x": n(x + length / 2), "y": n(y + 35), "font-size": "11", "fill": "#ffffff",
                                         "text-anchor": "middle"], text: figure)
                }
                x += length
            }
            // Where the bar starts, drawn also for a bar of zero: a continuous axis would run
            // through the labels above the bars.
            out.element("line", ["x1": n(m), "y1": n(y + 20), "x2": n(m), "y2": n(y + 42),
                                 "stroke": Self.stroke, "stroke-width": "1"])
            text(bar.value, x: x + 6, y: y + 36, size: 13, &out)
            out.close("g")
        }
        out.close("svg")
        return out.output
    }

    static let groupStep = 15.0

    /// A grouped row: each part a bar of its own colour and its figure after it.
    private func drawGroup(_ bar: Bar, y: Double, scale: Double, room: Double, _ out: inout SVGWriter) {
        let m = Self.margin
        for (part, value) in bar.parts.enumerated() {
            let top = y + 23 + Double(part) * Self.groupStep
            let length = Double(value) / scale * room
            if value > 0 {
                out.element("rect", ["x": n(m), "y": n(top), "width": n(length), "height": "12",
                                     "fill": fills[part % fills.count]])
            }
            text(String(value), x: m + length + 6, y: top + 11, size: 12, &out)
        }
        let bottom = y + 23 + Double(bar.parts.count) * Self.groupStep
        out.element("line", ["x1": n(m), "y1": n(y + 20), "x2": n(m), "y2": n(bottom), "stroke": Self.stroke, "stroke-width": "1"])
    }

    /// A swatch and a name per part, in one row.
    private func drawLegend(y: Double, _ out: inout SVGWriter) {
        var x = Self.margin
        for (i, name) in legend.enumerated() {
            out.element("rect", ["x": n(x), "y": n(y + 2), "width": "14", "height": "14",
                                 "fill": fills[i % fills.count]])
            text(name, x: x + 20, y: y + 14, size: 13, &out)
            // About 0.55 em a character (Thai vowel and tone marks join their letter): no font here.
            x += 20 + Double(name.count) * 0.55 * 13 + 18
        }
    }

    private func text(_ s: String, x: Double, y: Double, size: Int, _ out: inout SVGWriter) {
        out.element("text", ["x": n(x), "y": n(y), "font-size": "\(size)", "fill": Self.ink], text: s)
    }

    private func n(_ v: Double) -> String { SVGWriter.number(v) }
}
