import XCTest
@testable import Flowchart

/// Grid placement: which row and lanes each node gets, spanning and split boxes, sizes.
final class PlacementTests: XCTestCase {
    /// Each node as "kind@row:lanes", in placement order.
    private func cells(_ chart: Flowchart) -> [String] {
        FlowchartLayout(chart).nodes.map { node in
            let lanes = node.lanes.count == 1 ? "\(node.lanes.lowerBound)"
                : "\(node.lanes.lowerBound)-\(node.lanes.upperBound)"
            return "\(name(node.kind))@\(node.row):\(lanes)"
        }
    }

    private func name(_ kind: NodeKind) -> String {
        switch kind {
        case .start: "start"
        case .end: "end"
        case .step(let id), .decision(let id): id
        case .action(let id, let branch): "\(id).\(branch.rawValue)"
        }
    }

    private func node(_ layout: FlowchartLayout, _ kind: NodeKind) -> LaidOutNode {
        layout.nodes.first { $0.kind == kind }!
    }

    func testSW01Grid() {
        // Lanes: 0 requester, 1 isd, 2 arit, 3 director. The "no" action shares the decision's row
        // (the cells between are free); its end takes row 4, so step 4 bumps to row 5.
        XCTAssertEqual(cells(Fixtures.sw01), [
            "start@0:0", "1@1:0", "2@2:2", "3@3:3", "3.no@3:0", "end@4:0",
            "4@5:0-1", "5@6:1", "6@7:1", "7@8:1", "8@9:1", "9@10:1", "end@11:1",
        ])
    }

    func testLoopFixtureGrid() {
        // The "no" action is in the decision's own lane, so it goes below it; "build" does not
        // need to wait for the action's end and shares its row.
        XCTAssertEqual(cells(Fixtures.loopTwoDecisions), [
            "start@0:0", "request@1:0", "design@2:1", "approve@3:0", "approve.no@4:0", "end@5:0",
            "build@4:1", "test@5:2", "release@6:1-2", "end@7:1-2",
        ])
    }

    func testAdjacentLanesSpanOneBox() {
        let layout = FlowchartLayout(Fixtures.sw01)
        let step4 = node(layout, .step(id: "4"))
        XCTAssertEqual(step4.boxes.count, 1)
        XCTAssertEqual(step4.boxes[0], Rect(x: 16, y: step4.boxes[0].y, width: 368, height: step4.boxes[0].height))
        // Lane order, not the order the step lists them in, decides the span.
        XCTAssertEqual(step4.lanes, 0...1)
        XCTAssertFalse(layout.edges.contains { $0.kind == .connector })
    }

    func testNonAdjacentLanesGetABoxEachAndAConnector() {
        let layout = FlowchartLayout(Fixtures.nonAdjacent)
        let review = node(layout, .step(id: "2"))
        XCTAssertEqual(review.boxes.map(\.midX), [100, 500])
        XCTAssertEqual(review.lanes, 0...2, "the lane between is reserved for the connector")
        XCTAssertFalse(layout.nodes.contains { $0.row == review.row && $0.kind != review.kind })
        let connectors = layout.edges.filter { $0.kind == .connector }
        XCTAssertEqual(connectors.count, 1)
        XCTAssertEqual(connectors[0].points, [Point(x: 184, y: review.boxes[0].midY), Point(x: 416, y: review.boxes[0].midY)])
        XCTAssertEqual(cells(Fixtures.nonAdjacent), ["start@0:0", "1@1:0", "2@2:0-2", "3@3:1", "end@4:1"])
    }

    func testStressGridKeepsSOPOrderAndUnknownLanes() {
        let layout = FlowchartLayout(Fixtures.stress)
        let steps = layout.nodes.filter { if case .step = $0.kind { true } else if case .decision = $0.kind { true } else { false } }
        XCTAssertEqual(steps.map(\.row), steps.map(\.row).sorted(), "steps go down in SOP order")
        XCTAssertEqual(Set(steps.map(\.row)).count, steps.count, "one row per step")
        // "h" names a lane that does not exist: it stays in the one that does.
        XCTAssertEqual(node(layout, .step(id: "h")).lanes, 4...4)
        // A decision whose branches both end: one end below, the "no" end beside it.
        let f = node(layout, .decision(id: "f"))
        let ends = layout.edges.filter { $0.from == layout.nodes.firstIndex(of: f)! }.map { layout.nodes[$0.to] }
        XCTAssertEqual(ends.map(\.kind), [.end, .end])
        XCTAssertEqual(Set(ends.map(\.row)), [f.row, f.row + 1])
    }

    func testEmptyChartIsStartThenEnd() {
        let chart = Flowchart(title: "t", description: "d", lanes: [], steps: [], words: Fixtures.englishWords)
        XCTAssertEqual(cells(chart), ["start@0:0", "end@1:0"])
        XCTAssertEqual(FlowchartLayout(chart).edges.count, 1)
    }

    func testBoxesGrowWithTheirLinesAndRowsWithTheirTallestNode() {
        let layout = FlowchartLayout(Fixtures.sw01)
        let m = LayoutMetrics()
        let one = node(layout, .step(id: "6")), two = node(layout, .step(id: "5"))
        XCTAssertEqual(one.lines.count, 1)
        XCTAssertEqual(two.lines.count, 2)
        XCTAssertGreaterThan(two.boxes[0].height, one.boxes[0].height)
        XCTAssertGreaterThanOrEqual(two.boxes[0].height, 2 * m.lineHeight + 2 * m.boxPadding)
        // Row 3 holds the diamond and the two-line action box: the row fits the taller plus padding.
        let geometry = Geometry(Placement(Fixtures.sw01), lanes: Fixtures.sw01.lanes, metrics: m)
        let tallest = layout.nodes.filter { $0.row == 3 }.map { $0.boxes[0].height }.max()!
        XCTAssertEqual(geometry.rowTop[4] - geometry.rowTop[3], tallest + 2 * m.rowPadding, accuracy: 1)
        let decision = node(layout, .decision(id: "3"))
        let action = node(layout, .action(stepID: "3", branch: .no))
        XCTAssertEqual(decision.boxes[0].midY, action.boxes[0].midY)
        XCTAssertEqual(decision.boxes[0].midY, (geometry.rowTop[3] + geometry.rowTop[4]) / 2)
        let ongoing = node(layout, .step(id: "9"))
        XCTAssertTrue(ongoing.ongoing)
        XCTAssertGreaterThanOrEqual(ongoing.boxes[0].height,
                                    Double(ongoing.lines.count) * m.lineHeight + m.smallLineHeight + 2 * m.boxPadding)
    }
}
