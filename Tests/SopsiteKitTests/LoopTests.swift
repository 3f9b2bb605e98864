import BusinessTime
import Foundation
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// Cases that go round a loop (Fixtures/rounds-site, SOP RV01: step 4's "no" goes back to step 3,
/// step 6's "no" back to the per-scope step 5, step 7's "no" ends the case with an outcome):
/// the current step and pass, each pass timed on its own, and what the SOP calls the end.
final class LoopTests: XCTestCase {
    static let sop: SOP = {
        var diagnostics = Diagnostics()
        let path = Repo.fixture("rounds-site") + "/sops/RV01.md"
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        return SOPLoader.load(text, path: path, &diagnostics)!
    }()

    /// No holidays: working days are Monday to Friday.
    let calendar = WorkCalendar(holidays: [], officeHours: .standard)

    /// A case of RV01 opened on Monday 2 March 2026 with these events (YAML flow mappings).
    func follow(_ events: [String], asOf: String = "2026-03-20") -> (CaseProgress?, [String]) {
        let text = "---\nsop: RV01\ntitle: t\nunit: u\nopened: 2026-03-02 09:00\nevents:\n"
            + events.map { "  - {\($0)}\n" }.joined() + "---\nreport\n"
        var diagnostics = Diagnostics()
        let c = CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: [],
                                sops: ["RV01": Self.sop], markdown: Markdown(), &diagnostics)
        let progress = c.flatMap {
            CaseProgress.follow($0, sop: Self.sop, calendar: calendar, asOf: Day(iso: asOf)!, &diagnostics)
        }
        return (progress, diagnostics.sorted.map(\.description))
    }

    static let toStep4 = ["step: 1, date: 2026-03-02 09:00", "step: 2, date: 2026-03-04", "step: 3, date: 2026-03-06"]

    func day(_ iso: String) -> Moment { Moment(day: Day(iso: iso)!) }

    /// Events 1, 2, 3, 4 (no): the case is back at step 3, in its second pass, and step 3 is the
    /// current step on the timeline too (it showed green, "done on time", before).
    func testALoopAtADecisionMakesTheEarlierStepCurrentAgain() throws {
        let (progress, messages) = follow(Self.toStep4 + ["step: 4, date: 2026-03-10, answer: no, note: ขอบเขตยังไม่ครบ"],
                                          asOf: "2026-03-11")
        XCTAssertEqual(messages, [])
        let p = try XCTUnwrap(progress)
        XCTAssertEqual(p.state, .inProgress)
        XCTAssertEqual(p.current?.id, "3")
        XCTAssertEqual(p.currentPass, 2)
        XCTAssertEqual(p.records.map(\.status), [.doneOnTime, .doneOnTime, .inProgress, .doneOnTime,
                                                 .notReached, .notReached, .notReached, .notReached])
        let step3 = p.records[2]
        XCTAssertEqual(step3.rounds, 2)
        XCTAssertEqual(step3.passes.map(\.status), [.doneOnTime, .inProgress])
        XCTAssertEqual(step3.passes.map(\.start), [day("2026-03-04"), day("2026-03-10")])
        XCTAssertEqual(step3.passes[0].timing?.used, .days(2))
        XCTAssertEqual(step3.passes[1].timing?.used, .days(1), "Tue 10 to the end of Wed 11")
        XCTAssertEqual(step3.passes[1].timing?.due, day("2026-03-12"))
        XCTAssertEqual(step3.passes.map(\.event), [2, nil])
        XCTAssertEqual(step3.passes.map(\.sentBack), [nil, 3], "the second pass names step 4's 'no'")
        XCTAssertEqual(p.records[3].rounds, 1, "step 4 was done once; its second pass is still ahead")
    }

    func testASecondPassPastItsTargetIsOverdueWithItsDueDate() throws {
        let (progress, _) = follow(Self.toStep4 + ["step: 4, date: 2026-03-10, answer: no"])
        let p = try XCTUnwrap(progress)
        XCTAssertEqual(p.state, .overdue)
        XCTAssertEqual(p.currentTiming?.due, day("2026-03-12"))
        XCTAssertEqual(p.currentTiming?.excess, .days(6), "due Thu 12; as of Fri 20")
        XCTAssertEqual(p.records[2].passes.map(\.status), [.doneOnTime, .overdue])
    }

    /// A step whose second pass was late is late, whatever its first pass was.
    func testEachPassIsJudgedOnItsOwn() throws {
        let (progress, _) = follow(Self.toStep4 + ["step: 4, date: 2026-03-10, answer: no", "step: 3, date: 2026-03-13"])
        let p = try XCTUnwrap(progress)
        XCTAssertEqual(p.current?.id, "4")
        XCTAssertEqual(p.currentPass, 2)
        XCTAssertEqual(p.records[2].status, .doneLate, "Tue 10 to Fri 13: 3 days of 2")
        XCTAssertEqual(p.records[2].passes.map(\.status), [.doneOnTime, .doneLate])
        XCTAssertEqual(p.records[2].passes.map(\.timing?.used), [.days(2), .days(3)])
        XCTAssertEqual(p.records[3].passes.map(\.status), [.doneOnTime, .overdue], "Fri 13 to Fri 20: 5 days of 2")
    }

    /// Two loops in one case, the second across the per-scope step 5 with a new date agreed when
    /// the test failed: each pass of step 5 is judged against the date agreed before it.
    func testTwoLoopsAndAPerScopeStepWithAgreedDueDates() throws {
        let (progress, messages) = follow(Self.toStep4 + [
            "step: 4, date: 2026-03-10, answer: no", "step: 3, date: 2026-03-11",
            "step: 4, date: 2026-03-12, answer: yes, due: {5: 2026-04-03}",
            "step: 5, date: 2026-04-02", "step: 6, date: 2026-04-06, answer: no, due: {5: 2026-04-10}",
            "step: 5, date: 2026-04-14", "step: 6, date: 2026-04-15, answer: yes",
        ], asOf: "2026-04-16")
        XCTAssertEqual(messages, [])
        let p = try XCTUnwrap(progress)
        XCTAssertEqual(p.current?.id, "7")
        XCTAssertEqual(p.currentPass, 1)
        XCTAssertEqual(p.records.map(\.rounds), [1, 1, 2, 2, 2, 2, 1, 0])
        let step5 = p.records[4]
        XCTAssertEqual(step5.passes.map(\.status), [.doneOnTime, .doneLate])
        XCTAssertEqual(step5.passes.map(\.timing?.due), [day("2026-04-03"), day("2026-04-10")])
        XCTAssertEqual(step5.passes.map(\.timing?.used), [.days(15), .days(6)])
        XCTAssertEqual(step5.passes.map(\.sentBack), [nil, 7], "step 6's failed test sent it back")
        XCTAssertEqual(step5.events, [6, 8])
    }

    /// Without a new date, the second pass of a per-scope step keeps the one agreed before.
    func testASecondPassOfAPerScopeStepKeepsTheDateAgreedBefore() throws {
        let (progress, _) = follow(Self.toStep4 + [
            "step: 4, date: 2026-03-09, answer: yes, due: {5: 2026-03-13}",
            "step: 5, date: 2026-03-12", "step: 6, date: 2026-03-16, answer: no",
        ])
        let p = try XCTUnwrap(progress)
        XCTAssertEqual(p.state, .overdue)
        XCTAssertEqual(p.current?.id, "5")
        XCTAssertEqual(p.currentPass, 2)
        XCTAssertEqual(p.currentTiming?.due, day("2026-03-13"))
        XCTAssertEqual(p.records[4].passes.map(\.status), [.doneOnTime, .overdue])
    }

    /// A loop, then a "no" that ends the case: rejected, in the SOP's words.
    func testALoopThatLaterEndsTheCaseWithItsOutcome() throws {
        let (progress, messages) = follow(Self.toStep4 + [
            "step: 4, date: 2026-03-10, answer: no", "step: 3, date: 2026-03-11",
            "step: 4, date: 2026-03-12, answer: yes, due: {5: 2026-03-13}", "step: 5, date: 2026-03-13",
            "step: 6, date: 2026-03-16, answer: yes", "step: 7, date: 2026-03-17, answer: no",
        ])
        XCTAssertEqual(messages, [])
        let p = try XCTUnwrap(progress)
        XCTAssertEqual(p.state, .rejected)
        XCTAssertEqual(p.outcome, "ปิดงานโดยศูนย์บริการ")
        XCTAssertNil(p.current)
        XCTAssertNil(p.currentPass)
        XCTAssertEqual(p.records.map(\.status).last, .skipped)
        XCTAssertEqual(p.records[2].rounds, 2)
        // Nothing follows the end, loop or not.
        let (_, after) = follow(Self.toStep4 + [
            "step: 4, date: 2026-03-10, answer: no", "step: 3, date: 2026-03-11",
            "step: 4, date: 2026-03-12, answer: yes", "step: 5, date: 2026-03-13",
            "step: 6, date: 2026-03-16, answer: yes", "step: 7, date: 2026-03-17, answer: no",
            "step: 3, date: 2026-03-18",
        ])
        XCTAssertEqual(after, ["cases/C1/index.md:16:12: error: no event can follow: the case ended with the answer 'no'"])
    }

    /// An event for the step the case was at before the loop is refused with the step it is at.
    func testAfterALoopTheNextEventIsForTheStepItLedBackTo() {
        let (_, messages) = follow(Self.toStep4 + ["step: 4, date: 2026-03-10, answer: no", "step: 5, date: 2026-03-11"])
        XCTAssertEqual(messages, ["cases/C1/index.md:11:12: error: an event for step 5 cannot come here: the case is at step 3 (events follow the SOP's order)"])
    }

    /// Each pass joins its step's record in place: 20,000 rounds of a loop stay linear (a copy
    /// of the step's passes at each round took about a minute at 40,000).
    func testTwentyThousandRoundsStayLinear() throws {
        let rounds = Array(repeating: ["step: 4, date: 2026-03-09, answer: no", "step: 3, date: 2026-03-09"], count: 20_000).joined()
        let start = Date()
        let (progress, messages) = follow(Self.toStep4 + rounds)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "about 1 s in a debug build")
        XCTAssertEqual(messages, [])
        XCTAssertEqual(progress?.records[2].rounds, 20_001)
        XCTAssertEqual(progress?.currentPass, 20_001, "at step 4 again")
    }
}
