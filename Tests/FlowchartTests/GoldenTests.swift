import Foundation
import XCTest
import Flowchart
import GoldenFile

final class GoldenTests: XCTestCase {
    func testSW01() {
        assertGolden(Fixtures.sw01.svg(idPrefix: "fc-sw01"), named: "sw01.svg")
    }

    func testLoopTwoDecisions() {
        assertGolden(Fixtures.loopTwoDecisions.svg(idPrefix: "fc-loop"), named: "loop-two-decisions.svg")
    }
}
