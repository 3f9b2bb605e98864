import SVG

extension Flowchart {
    /// Draws the chart as an inline `<svg>` element for an HTML5 page.
    ///
    /// - Parameter idPrefix: starts every `id` in the drawing (`PREFIX-title`, `PREFIX-desc`,
    ///   `PREFIX-arrow`), so that several charts can share a page. Use a valid id token
    ///   without spaces, unique on the page, e.g. `"fc-sw01"`.
    /// - Returns: the `<svg>` element, ending in a newline. Lane headers are `g.fc-lane`, steps
    ///   `g.fc-step[data-step]` (plus `fc-decision` or `fc-ongoing`), terminals `g.fc-terminal`,
    ///   action boxes `g.fc-action`, arrows `g.fc-edge` (branch labels `text.fc-edge-label`).
    ///   All text is real `<text>`; styling is by presentation attributes only (no `style`),
    ///   and no font-family is set, so the page's CSS supplies the font. The output is
    ///   deterministic: the same chart and prefix give the same bytes.
    public func svg(idPrefix: String) -> String {
        SVGRenderer(chart: self, idPrefix: idPrefix).render()
    }
}

/// Neutral colours that print well in black and white.
enum Palette {
    static let ink = "#1a1a1a"
    static let stroke = "#333333"
    static let laneFills = ["#f4f4f4", "#fbfbfb"]
    static let laneBorder = "#b8b8b8"
    static let header = "#e2e2e2"
    static let box = "#ffffff"
    static let decision = "#fffdf2"
    static let terminal = "#e9e9e9"
    static let muted = "#555555"
}

struct SVGRenderer {
    let chart: Flowchart
    let idPrefix: String
    let metrics = LayoutMetrics()
    let layout: FlowchartLayout

    init(chart: Flowchart, idPrefix: String) {
        self.chart = chart
        self.idPrefix = idPrefix
        layout = FlowchartLayout(chart, metrics: metrics)
    }

    var arrowID: String { "\(idPrefix)-arrow" }

    func render() -> String {
        let n = SVGWriter.number
        let w = n(layout.width), h = n(layout.height)
        var out = SVGWriter()
        out.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "class": "flowchart",
                         "viewBox": "0 0 \(w) \(h)", "width": w, "height": h, "role": "img",
                         "aria-labelledby": "\(idPrefix)-title \(idPrefix)-desc"])
        out.element("title", ["id": "\(idPrefix)-title"], text: chart.title)
        out.element("desc", ["id": "\(idPrefix)-desc"], text: chart.description)
        out.open("defs")
        out.open("marker", ["id": arrowID, "viewBox": "0 0 10 10", "refX": "10", "refY": "5",
                            "markerUnits": "userSpaceOnUse", "markerWidth": "9", "markerHeight": "9",
                            "orient": "auto"])
        out.element("path", ["d": "M0 0L10 5L0 10z", "fill": Palette.stroke])
        out.close("marker")
        out.close("defs")
        drawLanes(&out)
        // Arrows first, boxes over them: an arrow's tip ends on a box's border.
        for edge in layout.edges where edge.kind == .flow { drawEdge(edge, &out) }
        for (i, node) in layout.nodes.enumerated() { drawNode(i, node, &out) }
        out.close("svg")
        return out.output
    }

    /// Lane backgrounds and headers, then the lines between lanes and a frame around them,
    /// drawn once (not as each rect's border) and inset half a unit so that none is clipped.
    private func drawLanes(_ out: inout SVGWriter) {
        let n = SVGWriter.number
        for (i, lane) in layout.lanes.enumerated() {
            out.open("g", ["class": "fc-lane"])
            let c = lane.column, hd = lane.header
            out.element("rect", ["x": n(c.x), "y": n(c.y), "width": n(c.width), "height": n(c.height),
                                 "fill": Palette.laneFills[i % 2]])
            out.element("rect", ["x": n(hd.x), "y": n(hd.y), "width": n(hd.width), "height": n(hd.height),
                                 "fill": Palette.header])
            out.text(lineSpans(lane.lines, in: hd, lineHeight: metrics.lineHeight),
                     ["font-size": n(metrics.fontSize), "font-weight": "bold", "text-anchor": "middle",
                      "fill": Palette.ink])
            out.close("g")
        }
        guard let first = layout.lanes.first else { return }
        let bottom = first.column.maxY, header = first.header.maxY
        let lines = layout.lanes.dropFirst().map { "M\(n($0.column.x)) 0V\(n(bottom))" }
            + ["M0 \(n(header))H\(n(layout.lanesRight))"]
        out.element("path", ["class": "fc-lane-lines", "d": lines.joined(separator: " "), "fill": "none",
                             "stroke": Palette.laneBorder, "stroke-width": "1"])
        out.element("rect", ["class": "fc-frame", "x": "0.5", "y": "0.5", "width": n(layout.lanesRight - 1),
                             "height": n(bottom - 1), "fill": "none", "stroke": Palette.laneBorder,
                             "stroke-width": "1"])
    }

    /// Baselines for `lines` centred in `box`, starting at `top` when given.
    func lineSpans(_ lines: [String], in box: Rect, lineHeight: Double, top: Double? = nil)
        -> [(text: String, x: Double, y: Double)]
    {
        let start = top ?? box.midY - Double(lines.count) * lineHeight / 2
        return lines.enumerated().map { i, line in
            (line, box.midX, start + Double(i) * lineHeight + lineHeight * 0.72)
        }
    }
}

/// Arrows: an orthogonal path ending in the arrowhead marker and, for a decision's branch,
/// its label as text beside the start of the arrow.
extension SVGRenderer {
    func drawEdge(_ edge: LaidOutEdge, _ out: inout SVGWriter) {
        let n = SVGWriter.number
        out.open("g", ["class": "fc-edge"])
        out.element("path", ["d": SVGWriter.path(edge.points), "fill": "none", "stroke": Palette.stroke,
                             "stroke-width": "1.5", "marker-end": "url(#\(arrowID))"])
        if let label = edge.label {
            out.element("text", ["class": "fc-edge-label", "x": n(label.at.x), "y": n(label.at.y),
                                 "font-size": n(metrics.smallFontSize), "text-anchor": label.anchor.rawValue,
                                 "fill": Palette.ink], text: label.text)
        }
        out.close("g")
    }
}
