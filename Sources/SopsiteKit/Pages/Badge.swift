import Escaping
import SVG

/// `/cases/<id>/badge.svg`: a small status badge to embed elsewhere (the help desk's pages):
/// the case's id on the left, its state on the right, coloured by state.
enum Badge {
    static func render(_ view: CaseView) -> Page {
        let left = view.c.id
        let right = view.stateLabel
        let lw = width(left), rw = width(right)
        let total = lw + rw
        let colour = Palette.states[view.progress.state] ?? Palette.muted
        let label = "\(left): \(right)"
        var svg = SVGWriter(capacity: 640)
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "width": "\(total)", "height": "20",
                         "viewBox": "0 0 \(total) 20", "role": "img", "aria-label": label])
        svg.element("title", text: label)
        svg.element("rect", ["width": "\(lw)", "height": "20", "fill": "#444d56"])
        svg.element("rect", ["x": "\(lw)", "width": "\(rw)", "height": "20", "fill": colour])
        svg.open("g", ["fill": "#ffffff", "font-family": "Sarabun, Tahoma, sans-serif", "font-size": "11",
                       "text-anchor": "middle"])
        svg.element("text", ["x": "\(lw / 2)", "y": "14"], text: left)
        svg.element("text", ["x": "\(lw + rw / 2)", "y": "14"], text: right)
        svg.close("g")
        svg.close("svg")
        // As bytes: a String of them would be checked for UTF-8 again, 10,000 times a build.
        return Page(path: view.url + "badge.svg", body: .bytes(svg.bytes))
    }

    /// About 6.5 pixels per character at 11px, counting a Thai vowel or tone mark written above or
    /// below a letter as no width (they are part of the letter's grapheme cluster), plus padding.
    static func width(_ text: String) -> Int {
        // Counted from the bytes for ASCII and Thai (a badge for each of 10,000 cases).
        let characters = text.withBytes { ThaiUTF8.characters($0) }
        return Int((Double(characters ?? text.count) * 6.5).rounded(.up)) + 12
    }
}
