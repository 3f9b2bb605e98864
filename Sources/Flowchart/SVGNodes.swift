import SVG

/// Node shapes: process boxes, decision diamonds, terminal pills and action boxes, each a `<g>`
/// holding its shape and its label as real text.
extension SVGRenderer {
    func drawNode(_ index: Int, _ node: LaidOutNode, _ out: inout SVGWriter) {
        switch node.kind {
        case .start, .end:
            out.open("g", ["class": node.kind == .start ? "fc-terminal fc-start" : "fc-terminal fc-end"])
        case .step(let id):
            out.open("g", ["class": node.ongoing ? "fc-step fc-ongoing" : "fc-step", "data-step": id])
        case .decision(let id):
            out.open("g", ["class": node.ongoing ? "fc-step fc-decision fc-ongoing" : "fc-step fc-decision",
                           "data-step": id])
        case .action(let stepID, let branch):
            out.open("g", ["class": "fc-action", "data-decision": stepID, "data-branch": branch.rawValue])
        }
        for (a, b) in zip(node.boxes, node.boxes.dropFirst()) {
            // The same step in non-adjacent lanes: a dashed, arrowless link between its boxes.
            let n = SVGWriter.number
            out.element("line", ["class": "fc-connector", "x1": n(a.maxX), "y1": n(a.midY), "x2": n(b.minX),
                                 "y2": n(b.midY), "stroke": Palette.stroke, "stroke-width": "1.5",
                                 "stroke-dasharray": "6 4"])
        }
        for box in node.boxes {
            drawShape(node, box, &out)
            drawLabel(node, box, &out)
        }
        out.close("g")
    }

    private func drawShape(_ node: LaidOutNode, _ box: Rect, _ out: inout SVGWriter) {
        let n = SVGWriter.number
        let dash = node.ongoing ? "6 4" : nil
        switch node.kind {
        case .decision:
            let points = [Point(x: box.midX, y: box.minY), Point(x: box.maxX, y: box.midY),
                          Point(x: box.midX, y: box.maxY), Point(x: box.minX, y: box.midY)]
            if let dash {
                out.element("polygon", ["points": SVGWriter.points(points), "fill": Palette.decision,
                                        "stroke": Palette.stroke, "stroke-width": "1.5", "stroke-dasharray": dash])
            } else {
                out.element("polygon", ["points": SVGWriter.points(points), "fill": Palette.decision,
                                        "stroke": Palette.stroke, "stroke-width": "1.5"])
            }
        case .start, .end:
            out.element("rect", ["x": n(box.x), "y": n(box.y), "width": n(box.width), "height": n(box.height),
                                 "rx": n(box.height / 2), "fill": Palette.terminal, "stroke": Palette.stroke,
                                 "stroke-width": "1.5"])
        case .step, .action:
            if let dash {
                out.element("rect", ["x": n(box.x), "y": n(box.y), "width": n(box.width), "height": n(box.height),
                                     "rx": "4", "fill": Palette.box, "stroke": Palette.stroke,
                                     "stroke-width": "1.5", "stroke-dasharray": dash])
            } else {
                out.element("rect", ["x": n(box.x), "y": n(box.y), "width": n(box.width), "height": n(box.height),
                                     "rx": "4", "fill": Palette.box, "stroke": Palette.stroke, "stroke-width": "1.5"])
            }
        }
    }

    /// The label centred in the box; an ongoing step adds a line below it: a circular-arrow
    /// symbol and the word for "ongoing".
    private func drawLabel(_ node: LaidOutNode, _ box: Rect, _ out: inout SVGWriter) {
        let m = metrics, n = SVGWriter.number
        let note = node.ongoing ? m.smallLineHeight : 0
        let top = box.midY - (Double(node.lines.count) * m.lineHeight + note) / 2
        out.text(lineSpans(node.lines, in: box, lineHeight: m.lineHeight, top: top),
                 ["font-size": n(m.fontSize), "text-anchor": "middle", "fill": Palette.ink])
        guard node.ongoing else { return }
        let word = chart.words.ongoing
        let y = top + Double(node.lines.count) * m.lineHeight + m.smallLineHeight * 0.75
        // The symbol, then the word starting just right of it; the pair is centred by estimate,
        // and an underestimate only shifts it right instead of running the two together.
        let wordWidth = TextWrap.width(word, fontSize: m.smallFontSize)
        let cx = (box.midX - (wordWidth + 16) / 2 + 5).rounded(), cy = y - 4, r = 5.0
        out.element("path", ["class": "fc-ongoing-symbol",
                              "d": "M\(n(cx + r)) \(n(cy))A\(n(r)) \(n(r)) 0 1 1 \(n(cx)) \(n(cy - r))",
                              "fill": "none", "stroke": Palette.stroke, "stroke-width": "1.5"])
        out.element("path", ["d": "M\(n(cx)) \(n(cy - r - 3))L\(n(cx + 4)) \(n(cy - r))L\(n(cx)) \(n(cy - r + 3))z",
                              "fill": Palette.stroke])
        out.element("text", ["class": "fc-ongoing-note", "x": n(cx + 11), "y": n(y), "font-size": n(m.smallFontSize),
                             "text-anchor": "start", "fill": Palette.muted], text: word)
    }
}
