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
        // Element by element, names and numbers written as they are (one badge for each of
        // 10,000 cases): the bytes `open` and `element` would write.
        var svg = SVGWriter(capacity: 640)
        svg.begin("svg")
        svg.attribute("xmlns", "http://www.w3.org/2000/svg")
        svg.attribute("width", Double(total))
        svg.attribute("height", 20)
        svg.attribute("viewBox", "0 0 \(total) 20")
        svg.attribute("role", "img")
        svg.attribute("aria-label", label)
        svg.opened()
        svg.begin("title")
        svg.end("title", text: label)
        svg.begin("rect")
        svg.attribute("width", Double(lw))
        svg.attribute("height", 20)
        svg.attribute("fill", "#444d56")
        svg.end("rect")
        svg.begin("rect")
        svg.attribute("x", Double(lw))
        svg.attribute("width", Double(rw))
        svg.attribute("height", 20)
        svg.attribute("fill", colour)
        svg.end("rect")
        svg.begin("g")
        svg.attribute("fill", "#ffffff")
        svg.attribute("font-family", "Sarabun, Tahoma, sans-serif")
        svg.attribute("font-size", 11)
        svg.attribute("text-anchor", "middle")
        svg.opened()
        for (x, text) in [(lw / 2, left), (lw + rw / 2, right)] {
            svg.begin("text")
            svg.attribute("x", Double(x))
            svg.attribute("y", 14)
            svg.end("text", text: text)
        }
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
