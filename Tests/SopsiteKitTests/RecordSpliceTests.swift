import BusinessTime
@testable import SopsiteKit
import XCTest

final class RecordSpliceTests: XCTestCase {
    func spliced(_ text: String, _ event: NewEvent) -> String? {
        guard let front = try? FrontMatter.split(text, path: "x"), let place = EventsPlace.find(front.yaml) else { return nil }
        return EventSplice.make(event, text: text, yamlLine: front.yamlLine, place: place).applied(to: text)
    }

    func testDebug() {
        let text = "---\nsop: SW01\nopened: 2026-12-04 11:15\n# c\nevents: []\n---\n\n## x\n"
        print(spliced(text, NewEvent(step: "1", date: Moment(text: "2026-12-04 12:00")!)) ?? "nil")
    }
}
