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
