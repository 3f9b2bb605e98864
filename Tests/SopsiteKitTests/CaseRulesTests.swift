import BusinessTime
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// Every rule a case file must keep, with the exact message and position; and the state and
/// timeline derived from a valid one.
final class CaseRulesTests: XCTestCase {
    static let sop: SOP = {
        var diagnostics = Diagnostics()
        let text = try! String(contentsOfFile: Repo.root + "/content/sops/SW01.md", encoding: .utf8)
        return SOPLoader.load(text, path: "sops/SW01.md", &diagnostics)!
    }()

    /// No holidays: the arithmetic itself is BusinessTime's to test.
    let calendar = WorkCalendar(holidays: [Day(iso: "2025-01-01")!], officeHours: .standard)

    /// A case at step 5 (per scope, due 2025-01-24).
    static let valid = """
    ---
    sop: SW01
    title: ระบบจองห้องประชุม
    unit: คณะวิศวกรรมศาสตร์
    contact: คุณสุดา
    opened: 2025-01-06 09:00
    events:
      - step: 1
        date: 2025-01-06 09:00
      - step: 2
        date: 2025-01-06 09:40
      - step: 3
        date: 2025-01-08
        answer: yes
      - step: 4
        date: 2025-01-09
        due:
          5: 2025-01-24
          6: 2025-03-31
    ---
    report
    """

    func load(_ text: String, asOf: String = "2025-01-20", attachments: [String] = [])
        -> (Case?, CaseProgress?, [String]) {
        var diagnostics = Diagnostics()
        let c = CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md",
                                attachments: attachments, sops: ["SW01": Self.sop], markdown: Markdown(), &diagnostics)
        let progress = c.flatMap {
            CaseProgress.follow($0, sop: Self.sop, calendar: calendar, asOf: Day(iso: asOf)!, &diagnostics)
        }
        return (c, progress, diagnostics.sorted.map(\.description))
    }

    func changed(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), old)
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    func testAValidCaseInProgress() throws {
        let (c, progress, messages) = load(Self.valid)
        XCTAssertEqual(messages, [])
        XCTAssertEqual(c?.events.count, 4)
        let p = try XCTUnwrap(progress)
        XCTAssertEqual(p.state, .inProgress)
        XCTAssertEqual(p.current?.id, "5")
        XCTAssertEqual(p.currentTiming?.due, Moment(day: Day(iso: "2025-01-24")!))
        XCTAssertEqual(p.records.map(\.status), [.doneOnTime, .doneOnTime, .doneOnTime, .doneOnTime, .inProgress,
                                                 .notReached, .notReached, .notReached, .notReached])
        XCTAssertEqual(p.records[1].timing?.used, .minutes(40))
        XCTAssertEqual(p.records[2].timing?.used, .days(2), "Jan 6 (09:40) to Jan 8")
    }

    func testOverdueWhenTheCurrentStepIsPastItsTarget() {
        let (_, progress, messages) = load(Self.valid, asOf: "2025-01-28")
        XCTAssertEqual(messages, [])
        XCTAssertEqual(progress?.state, .overdue)
        XCTAssertEqual(progress?.currentTiming?.excess, .days(2), "due Fri 24 Jan; as of Tue 28 Jan")
        XCTAssertEqual(progress?.records[4].status, .overdue)
    }

    func testRejectedEndsTheCaseAndSkipsTheRest() {
        let text = changed("answer: yes", "answer: no").replacingOccurrences(of: """
          - step: 4
            date: 2025-01-09
            due:
              5: 2025-01-24
              6: 2025-03-31

        """, with: "")
        let (_, progress, messages) = load(text)
        XCTAssertEqual(messages, [])
        XCTAssertEqual(progress?.state, .rejected)
        XCTAssertNil(progress?.current)
        XCTAssertEqual(progress?.records.dropFirst(3).map(\.status), Array(repeating: .skipped, count: 6))
    }

    func testTheBranchLabelIsAnAnswerToo() {
        XCTAssertEqual(load(changed("answer: yes", "answer: เห็นควร")).2, [])
        XCTAssertEqual(load(changed("answer: yes", "answer: maybe")).2,
                       ["cases/C1/index.md:14:13: error: 'answer' must be yes or no (or เห็นควร / ไม่เห็นควร), not \"maybe\""])
    }

    func testUnknownSOP() {
        XCTAssertEqual(load(changed("sop: SW01", "sop: SW99")).2,
                       ["cases/C1/index.md:2:6: error: unknown SOP 'SW99' (the SOPs: SW01)"])
    }

    func testUnknownStep() {
        XCTAssertEqual(load(changed("  - step: 2\n", "  - step: 12\n")).2,
                       ["cases/C1/index.md:10:11: error: unknown step '12' in SOP SW01 (its steps: 1, 2, 3, 4, 5, 6, 7, 8, 9)"])
    }

    func testEventsOutOfTheSOPsOrder() {
        let text = changed("  - step: 2\n    date: 2025-01-06 09:40\n", "")
        XCTAssertEqual(load(text).2, [
            "cases/C1/index.md:10:11: error: an event for step 3 cannot come here: the case is at step 2 (events follow the SOP's order)",
        ])
    }

    func testEventsOutOfOrderInTime() {
        XCTAssertEqual(load(changed("date: 2025-01-08", "date: 2025-01-06 09:30")).2, [
            "cases/C1/index.md:13:11: error: events are out of order: 2025-01-06 09:30 comes before the previous event (2025-01-06 09:40)",
        ])
    }

    func testAnEventBeforeTheOpening() {
        XCTAssertEqual(load(changed("date: 2025-01-06 09:00", "date: 2025-01-05 09:00")).2, [
            "cases/C1/index.md:9:11: error: the event is dated 2025-01-05 09:00, before the case was opened (2025-01-06 09:00)",
        ])
    }

    func testAnEventAfterTheAsOfDate() {
        XCTAssertEqual(load(Self.valid, asOf: "2025-01-08").2, [
            "cases/C1/index.md:16:11: error: the event is dated 2025-01-09, after the as-of date 2025-01-08",
        ])
    }

    func testAnAnswerOnAStepThatIsNotADecision() {
        XCTAssertEqual(load(changed("date: 2025-01-06 09:40\n", "date: 2025-01-06 09:40\n    answer: yes\n")).2, [
            "cases/C1/index.md:12:13: error: step 2 is not a decision; only a decision's event has an 'answer'",
        ])
    }

    func testADecisionWithNoAnswer() {
        XCTAssertEqual(load(changed("    answer: yes\n", "")).2, [
            "cases/C1/index.md:12:5: error: missing required field 'answer' in event 3: step 3 is a decision (yes or no)",
        ])
    }

    func testAStepAfterANo() {
        XCTAssertEqual(load(changed("answer: yes", "answer: no")).2, [
            "cases/C1/index.md:15:11: error: no event can follow: the case ended with the answer 'no'",
        ])
    }

    func testADateThatDoesNotExist() {
        XCTAssertEqual(load(changed("date: 2025-01-08", "date: 2025-02-30")).2, [
            "cases/C1/index.md:13:11: error: 'date' must be a date that exists, written YYYY-MM-DD or YYYY-MM-DD HH:MM, not \"2025-02-30\"",
        ])
    }

    func testATimeWithAZone() {
        let messages = load(changed("date: 2025-01-08", "date: 2025-01-08T10:00+07:00")).2
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasSuffix("(times are Asia/Bangkok; leave out the zone)"), messages[0])
    }

    func testABuddhistEraYearIsAWarning() {
        let (c, progress, messages) = load(changed("date: 2025-01-08", "date: 2568-01-08"))
        XCTAssertEqual(messages, [
            "cases/C1/index.md:13:11: warning: 'date' \"2568-01-08\" has a Buddhist-Era year; read as 2025-01-08 (write the Gregorian year)",
        ])
        XCTAssertEqual(c?.events[2].date, Moment(text: "2025-01-08"))
        XCTAssertEqual(progress?.state, .inProgress)
    }

    func testADueDateForAStepWithAFixedDuration() {
        XCTAssertEqual(load(changed("      5: 2025-01-24", "      8: 2025-01-24")).2, [
            "cases/C1/index.md:18:7: error: step 8 has a fixed duration (ภายใน 3 วัน); only a per-scope step takes an agreed due date",
        ])
    }

    func testMissingFields() {
        XCTAssertEqual(load(changed("title: ระบบจองห้องประชุม\n", "")).2, [
            "cases/C1/index.md:2:1: error: missing required field 'title' in the case's front matter",
        ])
    }

    func testAllProblemsInOneRun() {
        var text = changed("sop: SW01", "sop: SW01")
        text = text.replacingOccurrences(of: "answer: yes", with: "answer: maybe")
        text = text.replacingOccurrences(of: "title: ระบบจองห้องประชุม\n", with: "")
        text = text.replacingOccurrences(of: "      5: 2025-01-24", with: "      8: 2025-01-24")
        XCTAssertEqual(load(text).2.count, 3)
    }

    /// A request that has not come in by the as-of date is refused like a future event.
    func testACaseOpenedAfterTheAsOfDate() {
        let text = changed("events:\n", "events: []\n").components(separatedBy: "  - step: 1")[0] + "---\nreport\n"
        XCTAssertEqual(load(text, asOf: "2025-01-05").2, [
            "cases/C1/index.md:6:9: error: the case is opened on 2025-01-06 09:00, after the as-of date 2025-01-05",
        ])
    }

    /// Two independent problems in the events, each reported: the walk goes on from the step a
    /// misplaced event names, so the events after it are still checked, and not each reported as
    /// misplaced.
    func testEveryProblemOfTheEventsIsReported() {
        var text = changed("  - step: 2\n    date: 2025-01-06 09:40\n", "")
        text = text.replacingOccurrences(of: "date: 2025-01-09", with: "date: 2025-01-07")
        XCTAssertEqual(load(text).2, [
            "cases/C1/index.md:10:11: error: an event for step 3 cannot come here: the case is at step 2 (events follow the SOP's order)",
            "cases/C1/index.md:14:11: error: events are out of order: 2025-01-07 comes before the previous event (2025-01-08)",
        ])
        // Step 2 left out, and step 5 too: two misplaced events, both said.
        text = changed("  - step: 2\n    date: 2025-01-06 09:40\n", "") + ""
        text = text.replacingOccurrences(of: "---\nreport", with: "  - step: 6\n    date: 2025-01-10\n---\nreport")
        XCTAssertEqual(load(text).2, [
            "cases/C1/index.md:10:11: error: an event for step 3 cannot come here: the case is at step 2 (events follow the SOP's order)",
            "cases/C1/index.md:18:11: error: an event for step 6 cannot come here: the case is at step 5 (events follow the SOP's order)",
        ])
    }
}
