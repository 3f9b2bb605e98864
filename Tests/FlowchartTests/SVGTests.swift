import Foundation
import SVG
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Flowchart

/// Collects what the SVG checks need from an XML parse.
private final class Collector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var error: Error?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}

/// The drawing as a document: structure, classes, text, escaping, determinism.
final class SVGTests: XCTestCase {
    private func parse(_ svg: String, file: StaticString = #filePath, line: UInt = #line) -> Collector {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: collector.error))", file: file, line: line)
        return collector
    }

    /// The text of the `<g>` element opened by `opening`, up to its matching `</g>`.
    private func group(_ svg: String, _ opening: String) -> String? {
        guard let start = svg.range(of: opening) else { return nil }
        var depth = 0, index = start.lowerBound
        while index < svg.endIndex {
            let rest = svg[index...]
            if rest.hasPrefix("<g ") || rest.hasPrefix("<g>") { depth += 1 }
            if rest.hasPrefix("</g>") {
                depth -= 1
                if depth == 0 { return String(svg[start.lowerBound..<svg.index(index, offsetBy: 4)]) }
            }
            index = svg.index(after: index)
        }
        return nil
    }

    private func tspans(_ s: String) -> [String] {
        s.components(separatedBy: "\">").dropFirst().compactMap { part in
            part.range(of: "</tspan>").map { String(part[..<$0.lowerBound]) }
        }
    }

    func testDocumentShape() {
        for (name, chart) in Fixtures.all {
            let svg = chart.svg(idPrefix: "fc-\(name)")
            let doc = parse(svg)
            let names = doc.elements.map(\.name)
            XCTAssertEqual(Array(names.prefix(3)), ["svg", "title", "desc"], name)
            let root = doc.elements[0].attributes
            XCTAssertEqual(root["xmlns"], "http://www.w3.org/2000/svg")
            XCTAssertEqual(root["class"], "flowchart")
            XCTAssertEqual(root["role"], "img")
            XCTAssertEqual(root["aria-labelledby"], "fc-\(name)-title fc-\(name)-desc")
            XCTAssertEqual(root["viewBox"], "0 0 \(root["width"]!) \(root["height"]!)")
            XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\" viewBox="), name)
            let known: Set = ["svg", "title", "desc", "defs", "marker", "path", "g", "rect", "polygon", "line",
                              "text", "tspan"]
            XCTAssert(Set(names).isSubset(of: known), "\(name): \(Set(names).subtracting(known))")
            let ids = doc.elements.compactMap { $0.attributes["id"] }
            XCTAssertEqual(ids, ["fc-\(name)-title", "fc-\(name)-desc", "fc-\(name)-arrow"], "ids unique and prefixed")
            XCTAssert(svg.contains("marker-end=\"url(#fc-\(name)-arrow)\""))
            for element in doc.elements {
                for (key, value) in element.attributes {
                    XCTAssertFalse(["style", "font-family"].contains(key) || key.hasPrefix("xlink"), "\(name): \(key)")
                    if ["x", "y", "width", "height", "x1", "x2", "y1", "y2", "rx", "font-size"].contains(key) {
                        XCTAssertNotNil(value.range(of: #"^-?\d+(\.\d)?$"#, options: .regularExpression), "\(key)=\(value)")
                    }
                }
            }
            XCTAssertFalse(svg.contains("<style"))
            XCTAssertEqual(names.filter { $0 == "g" }.count, doc.elements.filter { $0.attributes["class"] != nil && $0.name == "g" }.count)
        }
    }

    func testEveryStepIsAGroupWithItsLabelAsText() {
        for (name, chart) in Fixtures.all {
            let svg = chart.svg(idPrefix: "p")
            let layout = FlowchartLayout(chart)
            for step in chart.steps {
                let kind: NodeKind = step.decision == nil ? .step(id: step.id) : .decision(id: step.id)
                let expected = step.decision == nil ? (step.ongoing ? "fc-step fc-ongoing" : "fc-step") : "fc-step fc-decision"
                let opening = "<g class=\"\(expected)\" data-step=\"\(step.id)\">"
                XCTAssertEqual(svg.components(separatedBy: "data-step=\"\(step.id)\"").count, 2, "\(name): \(step.id) once")
                guard let g = group(svg, opening) else { XCTFail("\(name): no \(opening)"); continue }
                let node = layout.nodes.first { $0.kind == kind }!
                let text = step.decision?.question ?? step.label
                // Each box repeats the label; its lines together are the label (breaks drop spaces).
                XCTAssertEqual(tspans(g).count, node.lines.count * node.boxes.count)
                XCTAssertEqual(tspans(g).prefix(node.lines.count).joined().filter { $0 != " " },
                               SVGWriter.escape(text).filter { $0 != " " }, "\(name): \(step.id)")
                XCTAssert(g.contains(step.decision == nil ? "<rect" : "<polygon"))
                if step.ongoing {
                    XCTAssert(g.contains("stroke-dasharray"))
                    XCTAssert(g.contains(">\(chart.words.ongoing)</text>"))
                }
            }
        }
    }

    func testTerminalsActionsEdgesAndLanes() {
        let chart = Fixtures.sw01
        let svg = chart.svg(idPrefix: "sw01")
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"fc-lane\">").count - 1, 4)
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"fc-terminal fc-start\">").count - 1, 1)
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"fc-terminal fc-end\">").count - 1, 2)
        XCTAssert(svg.contains(">\(chart.words.start)</tspan>"))
        let action = group(svg, "<g class=\"fc-action\" data-decision=\"3\" data-branch=\"no\">")
        XCTAssertEqual(action.map(tspans)?.joined(), "แจ้งกลับหน่วยงานที่แจ้งความจำนง/ร้องขอ")
        // 12 arrows: start→1, 1→2, 2→3, yes, no, action→end, 4→5 … 8→9, 9→end.
        XCTAssertEqual(svg.components(separatedBy: "<g class=\"fc-edge\">").count - 1, 12)
        XCTAssert(svg.contains("<text class=\"fc-edge-label\""))
        XCTAssert(svg.contains(">เห็นควร</text>"))
        XCTAssert(svg.contains(">ไม่เห็นควร</text>"))
        for lane in chart.lanes {
            XCTAssertEqual(group(svg, "<g class=\"fc-lane\">").map { _ in true }, true)
            XCTAssert(svg.contains(lane.name) || TextWrap.wrap(lane.name, maxWidth: 176, fontSize: 14).allSatisfy { svg.contains($0) })
        }
    }

    func testConnectorIsDashedAndInsideTheStep() {
        let svg = Fixtures.nonAdjacent.svg(idPrefix: "na")
        let g = group(svg, "<g class=\"fc-step\" data-step=\"2\">")!
        XCTAssert(g.contains("<line class=\"fc-connector\""))
        XCTAssert(g.contains("stroke-dasharray=\"6 4\""))
        XCTAssertEqual(tspans(g), ["Review together", "Review together"])
    }

    func testEscaping() {
        XCTAssertEqual(SVGWriter.escape("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'")
        XCTAssertEqual(SVGWriter.escape("x\u{0}y\u{7}z\nw"), "xyz w")
        let svg = Fixtures.stress.svg(idPrefix: "s\"<&>")
        _ = parse(svg)
        XCTAssert(svg.contains("<title id=\"s&quot;&lt;&amp;&gt;-title\">Stress &amp; &lt;test&gt;</title>"))
        XCTAssert(svg.contains("<desc id=\"s&quot;&lt;&amp;&gt;-desc\">Many lanes, &quot;quotes&quot;, loops within loops.</desc>"))
        XCTAssert(svg.contains(">Lane 1 &amp; &lt;co&gt;</tspan>"))
        XCTAssertFalse(svg.contains("<co>"))
        XCTAssertFalse(svg.contains("<test>"))
    }

    func testTextInPiecesIsTheTextWhole() {
        // A Gantt chart's description is written a piece at a time: the bytes must be those of
        // the text written whole, escapes and dropped controls included.
        let pieces = ["1 ยื่น", " & ", "<b>", "\"x\"", "\u{7}", "ทันกำหนด", "; ", "", "a\nb"]
        var whole = SVGWriter()
        whole.begin("desc")
        whole.attribute("id", "d")
        whole.end("desc", text: pieces.joined())
        var inPieces = SVGWriter()
        inPieces.begin("desc")
        inPieces.attribute("id", "d")
        inPieces.end("desc") { put in pieces.forEach(put) }
        XCTAssertEqual(inPieces.output, whole.output)
        XCTAssertEqual(inPieces.output, "<desc id=\"d\">1 ยื่น &amp; &lt;b&gt;&quot;x&quot;ทันกำหนด; a b</desc>\n")
    }

    func testNumbers() {
        XCTAssertEqual(SVGWriter.number(12), "12")
        XCTAssertEqual(SVGWriter.number(12.25), "12.3")
        XCTAssertEqual(SVGWriter.number(-0.04), "0")
        XCTAssertEqual(SVGWriter.number(-3.5), "-3.5")
        XCTAssertEqual(SVGWriter.number(1e9), "1000000000")
        XCTAssertEqual(SVGWriter.number(.nan), "0")
    }

    func testDeterministic() {
        for (name, chart) in Fixtures.all {
            let first = chart.svg(idPrefix: name)
            var copy = chart
            copy.title = String(chart.title)
            XCTAssertEqual(first, copy.svg(idPrefix: name), name)
            XCTAssertEqual(FlowchartLayout(chart), FlowchartLayout(copy), name)
        }
    }
}
