import XCTest
@testable import Flowchart
import SVG

/// A geometric checker written apart from the router: whatever route it picked, no arrow may
/// run through a box, arrows start and end on their boxes' borders, boxes do not overlap and
/// keep to their lanes, text fits, loops use gutters of their own.
final class LayoutCheckTests: XCTestCase {
    /// Whether an axis-aligned segment enters the open interior of `r` (touching the border is fine).
    private func enters(_ a: Point, _ b: Point, _ r: Rect) -> Bool {
        let x0 = min(a.x, b.x), x1 = max(a.x, b.x), y0 = min(a.y, b.y), y1 = max(a.y, b.y)
        let xs = a.x == b.x ? (x0 > r.minX && x0 < r.maxX) : (x1 > r.minX && x0 < r.maxX)
        let ys = a.y == b.y ? (y0 > r.minY && y0 < r.maxY) : (y1 > r.minY && y0 < r.maxY)
        return xs && ys
    }

    private func onBorder(_ p: Point, of node: LaidOutNode) -> Bool {
        node.boxes.contains { r in
            if case .decision = node.kind {
                return [Point(x: r.midX, y: r.minY), Point(x: r.maxX, y: r.midY), Point(x: r.midX, y: r.maxY),
                        Point(x: r.minX, y: r.midY)].contains(p)
            }
            let onX = p.x >= r.minX && p.x <= r.maxX, onY = p.y >= r.minY && p.y <= r.maxY
            return (onX && (p.y == r.minY || p.y == r.maxY)) || (onY && (p.x == r.minX || p.x == r.maxX))
        }
    }

    private func check(_ name: String, _ chart: Flowchart, file: StaticString = #filePath, line: UInt = #line) {
        let layout = FlowchartLayout(chart)
        let boxes = layout.nodes.enumerated().flatMap { i, n in n.boxes.map { (i, $0) } }
        for edge in layout.edges {
            let context = "\(name): edge \(layout.nodes[edge.from].kind) → \(layout.nodes[edge.to].kind) \(edge.points)"
            XCTAssertGreaterThanOrEqual(edge.points.count, 2, context, file: file, line: line)
            for (a, b) in zip(edge.points, edge.points.dropFirst()) {
                XCTAssert((a.x == b.x) != (a.y == b.y), "not orthogonal or zero length: \(context)", file: file, line: line)
                XCTAssertGreaterThan(min(a.y, b.y), layout.bodyTop, "runs into the header: \(context)", file: file, line: line)
                XCTAssert(max(a.x, b.x) < layout.width && min(a.x, b.x) > 0 && max(a.y, b.y) < layout.height,
                          "leaves the drawing: \(context)", file: file, line: line)
                for (_, box) in boxes where enters(a, b, box) {
                    XCTFail("crosses box \(box): \(context)", file: file, line: line)
                }
            }
            guard edge.kind == .flow else { continue }
            XCTAssert(onBorder(edge.points.first!, of: layout.nodes[edge.from]), "starts off its box: \(context)",
                      file: file, line: line)
            XCTAssert(onBorder(edge.points.last!, of: layout.nodes[edge.to]), "ends off its box: \(context)",
                      file: file, line: line)
            if let label = edge.label {
                let r = EdgeLabels.rect(label, metrics: LayoutMetrics())
                XCTAssert(r.minX >= 0 && r.maxX <= layout.width && r.minY > layout.bodyTop && r.maxY < layout.height,
                          "label \(label.text) leaves the drawing: \(context)", file: file, line: line)
                for (_, box) in boxes where r.maxX > box.minX && r.minX < box.maxX && r.maxY > box.minY && r.minY < box.maxY {
                    XCTFail("label \(label.text) on box \(box): \(context)", file: file, line: line)
                }
            }
        }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] where a.1.maxX > b.1.minX && a.1.minX < b.1.maxX && a.1.maxY > b.1.minY && a.1.minY < b.1.maxY {
                XCTFail("\(name): boxes overlap: \(a) \(b)", file: file, line: line)
            }
        }
        for node in layout.nodes {
            let lanes = Double(node.lanes.lowerBound) * 200...Double(node.lanes.upperBound + 1) * 200
            for box in node.boxes {
                XCTAssert(lanes.contains(box.minX) && lanes.contains(box.maxX), "\(name): \(node.kind) leaves its lanes",
                          file: file, line: line)
                for text in node.lines {
                    let width = TextWrap.width(text, fontSize: 14)
                    XCTAssertLessThanOrEqual(width, box.width - 16, "\(name): \(text) too wide", file: file, line: line)
                }
            }
        }
        for (i, a) in layout.edges.enumerated() where a.kind == .flow {
            for b in layout.edges[(i + 1)...] where b.kind == .flow {
                let merging = a.to == b.to && a.points.last == b.points.last
                for s in zip(a.points, a.points.dropFirst()) {
                    for t in zip(b.points, b.points.dropFirst()) where RouteGeometry.overlap(s, t) {
                        if merging && s.1 == a.points.last && t.1 == b.points.last { continue }
                        XCTFail("\(name): arrows run along each other: \(a.points) \(b.points)", file: file, line: line)
                    }
                }
            }
        }
    }

    func testNoArrowCrossesABoxInAnyFixture() {
        for (name, chart) in Fixtures.all { check(name, chart) }
    }

    /// Every chart built from the stress fixture's steps cut at each length: many different
    /// shapes, including arrows to steps that were cut (drawn as ends).
    func testNoArrowCrossesABoxInTruncatedCharts() {
        var chart = Fixtures.stress
        let steps = chart.steps
        for count in 1...steps.count {
            chart.steps = Array(steps.prefix(count))
            check("stress[..<\(count)]", chart)
        }
    }

    func testNoArrowCrossesABoxInRandomCharts() {
        for seed in 1...40 { check("random \(seed)", Fixtures.random(seed: UInt64(seed))) }
    }

    private func crossings(_ layout: FlowchartLayout) -> Int {
        let flows = layout.edges.filter { $0.kind == .flow }
        var count = 0
        for (i, a) in flows.enumerated() {
            for b in flows[(i + 1)...] {
                for s in zip(a.points, a.points.dropFirst()) {
                    for t in zip(b.points, b.points.dropFirst()) where RouteGeometry.cross(s, t) { count += 1 }
                }
            }
        }
        return count
    }

    func testTheTwoMainFixturesHaveNoCrossingArrows() {
        XCTAssertEqual(crossings(FlowchartLayout(Fixtures.sw01)), 0)
        XCTAssertEqual(crossings(FlowchartLayout(Fixtures.loopTwoDecisions)), 0)
        XCTAssertEqual(crossings(FlowchartLayout(Fixtures.nonAdjacent)), 0)
    }

    private func loops(_ layout: FlowchartLayout) -> [LaidOutEdge] {
        layout.edges.filter { $0.kind == .flow && layout.nodes[$0.to].row < layout.nodes[$0.from].row }
    }

    func testLoopsGoThroughTheirOwnGutterAndEnterFromTheSide() {
        let layout = FlowchartLayout(Fixtures.loopTwoDecisions)
        let loop = loops(layout)
        XCTAssertEqual(loop.count, 1)
        XCTAssertEqual(layout.nodes[loop[0].to].kind, .step(id: "build"))
        XCTAssertEqual(loop[0].gutter, 0)
        XCTAssert(loop[0].points.contains { $0.x > layout.lanesRight }, "runs right of the lanes")
        let target = layout.nodes[loop[0].to].boxes[0]
        XCTAssertEqual(loop[0].points.last, Point(x: target.maxX, y: target.midY), "enters the box's right side")
        XCTAssertEqual(loop[0].label?.text, "fail")
    }

    func testNestedLoopsUseDistinctGuttersInnerFirst() {
        let layout = FlowchartLayout(Fixtures.stress)
        let loop = loops(layout)
        XCTAssertEqual(loop.count, 2)
        let gutters = loop.compactMap(\.gutter)
        XCTAssertEqual(gutters.count, 2)
        XCTAssertEqual(Set(gutters).count, 2)
        let xs = loop.map { edge in Set(edge.points.map(\.x).filter { $0 > layout.lanesRight }) }
        XCTAssert(xs.allSatisfy { $0.count == 1 }, "each loop has one vertical run in the gutter")
        XCTAssert(xs[0].isDisjoint(with: xs[1]))
        // The shorter loop (review → fix, two rows) is inside the longer one (reopen → open).
        let height = { (e: LaidOutEdge) in layout.nodes[e.from].row - layout.nodes[e.to].row }
        let (short, long) = height(loop[0]) < height(loop[1]) ? (loop[0], loop[1]) : (loop[1], loop[0])
        XCTAssertLessThan(short.gutter!, long.gutter!)
        XCTAssertLessThan(short.points.map(\.x).max()!, long.points.map(\.x).max()!)
    }

    func testDecisionBranchesLeaveByDifferentCorners() {
        for (name, chart) in Fixtures.all {
            let layout = FlowchartLayout(chart)
            for (i, node) in layout.nodes.enumerated() {
                guard case .decision = node.kind else { continue }
                let starts = layout.edges.filter { $0.from == i && $0.kind == .flow }.map { $0.points[0] }
                XCTAssertEqual(starts.count, 2, name)
                XCTAssertEqual(Set(starts).count, starts.count, "\(name): \(node.kind)")
            }
        }
        // SW01: "yes" keeps the bottom; "no" goes sideways, straight to the action box.
        let layout = FlowchartLayout(Fixtures.sw01)
        let d = layout.nodes.firstIndex { $0.kind == .decision(id: "3") }!
        let box = layout.nodes[d].boxes[0]
        let yes = layout.edges.first { $0.from == d && $0.label?.text == "เห็นควร" }!
        let no = layout.edges.first { $0.from == d && $0.label?.text == "ไม่เห็นควร" }!
        XCTAssertEqual(yes.points[0], Point(x: box.midX, y: box.maxY))
        XCTAssertEqual(no.points, [Point(x: box.minX, y: box.midY), Point(x: 184, y: box.midY)])
    }
}
