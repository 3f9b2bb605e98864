import BusinessTime
import Foundation
@testable import SopsiteKit
import XCTest

/// `sopsite record` on a copy of the shipped portal: what it writes, what it prints, and each
/// refusal, in the build's own words, with nothing written.
final class RecordTests: XCTestCase {
    var content = ""
    /// SW01-2569-004 is at step 3 (a decision) since 2026-11-19 09:30.
    let id = "SW01-2569-004"
    var path: String { content + "/cases/\(id)/index.md" }
    let now = Moment(text: "2026-11-27 16:00")!

    override func setUpWithError() throws {
        content = try temporaryFolder(self) + "/content"
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: content)
    }

    func record(_ event: NewEvent, document: String? = nil, title: String? = nil) throws -> Record.Recorded {
        try Record.record(event, case: id, contentFolder: content, document: document, title: title, now: now)
    }

    func testADecisionIsAppendedAndTheNewStateSaid() throws {
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let recorded = try record(NewEvent(step: "3", date: Moment(text: "2026-11-20 10:00")!, by: "ผอ.สำนักวิทยบริการฯ",
                                           note: "เห็นควร: ให้ประสานกองคลัง", answer: "yes"))
        let after = try String(contentsOfFile: path, encoding: .utf8)
        let added = """
              - step: 3
                date: 2026-11-20 10:00
                by: ผอ.สำนักวิทยบริการฯ
                answer: yes
                note: "เห็นควร: ให้ประสานกองคลัง"

            """
        let end = before.range(of: "\n---\n")!.lowerBound
        XCTAssertEqual(after, String(before[...end]) + added + String(before[before.index(after: end)...]),
                       "one event after the last, every other byte as it was")
        XCTAssertEqual(recorded.status.state, .overdue, "step 4 (1-2 days) was due on the 24th")
        var found = Diagnostics()
        let words = try XCTUnwrap(StatusWords.load(themeFolder: Repo.root + "/themes/default", language: .th, &found))
        XCTAssertEqual(recorded.status.lines(words), [
            "SW01-2569-004  ระบบคลังข้อมูลผลงานวิจัยและนวัตกรรม", "  สถานะ: เกินกำหนด",
            "  ขั้นตอนปัจจุบัน: 4 เชิญประชุมหารือแนวทางการพัฒนาระบบ", "  กำหนดเสร็จ 24 พ.ย. 2569",
            "  เวลาที่ใช้เทียบกับกำหนด: เกินกำหนด 3 วันทำการ",
        ])
    }

    func testADocumentIsCopiedIntoTheCaseFolder() throws {
        let pdf = try temporaryFolder(self) + "/บันทึก ผอ.pdf"
        try Data("%PDF-1.4 memo".utf8).write(to: URL(fileURLWithPath: pdf))
        _ = try record(NewEvent(step: "3", date: Moment(text: "2026-11-20")!, answer: "เห็นควร"), document: pdf)
        XCTAssertEqual(FileManager.default.contents(atPath: content + "/cases/\(id)/บันทึก ผอ.pdf"), Data("%PDF-1.4 memo".utf8))
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("""
                documents:
                  - title: บันทึก ผอ.pdf
                    link: บันทึก ผอ.pdf
            """), "titled by its file name when no --title is given")
        var options = BuildOptions(contentFolder: content, outputFolder: content + "/../public",
                                   themeFolder: Repo.root + "/themes/default", asOf: now.day)
        options.search = false
        try Build.run(options)
        XCTAssertTrue(FileManager.default.fileExists(atPath: content + "/../public/cases/\(id)/บันทึก ผอ.pdf"))
    }

    /// Each refusal: the message, and the case's folder exactly as it was.
    func assertRefused(_ event: NewEvent, document: String? = nil, _ expected: [String], advice: String? = nil,
                       case id: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = content + "/cases/\(self.id)"
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let text = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Record.record(event, case: id ?? self.id, contentFolder: content, document: document,
                                               now: now), file: file, line: line) { error in
            let refused = error as? Record.Refused
            XCTAssertEqual(refused?.diagnostics.map(\.description), expected, file: file, line: line)
            XCTAssertEqual(refused?.advice, advice, file: file, line: line)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), before, file: file, line: line)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), text, "nothing written", file: file, line: line)
    }

    func testEachRefusalSaysTheBuildsReason() throws {
        let day = Moment(text: "2026-11-20")!
        try assertRefused(NewEvent(step: "4", date: day), ["\(path): error: the event: an event for step 4 cannot come here: the case is at step 3 (events follow the SOP's order)"])
        try assertRefused(NewEvent(step: "3", date: day),
                          ["\(path): error: the event: missing required field 'answer' in event 3: step 3 is a decision (yes or no)"])
        try assertRefused(NewEvent(step: "3", date: Moment(text: "2026-11-19 09:00")!, answer: "yes"),
                          ["\(path): error: the event: events are out of order: 2026-11-19 09:00 comes before the previous event (2026-11-19 09:30)"])
        try assertRefused(NewEvent(step: "3", date: Moment(text: "2026-11-28")!, answer: "yes"),
                          ["\(path): error: the event: the event is dated 2026-11-28, after the as-of date 2026-11-27"])
        try assertRefused(NewEvent(step: "3", date: Moment(text: "2026-11-27 16:30")!, answer: "yes"),
                          ["--date: error: the event is dated 2026-11-27 16:30, after now (2026-11-27 16:00)"])
        try assertRefused(NewEvent(step: "3", date: day, answer: "yes", due: [("4", Day(iso: "2026-12-01")!)]),
                          ["\(path): error: the event: step 4 has a fixed duration (1-2 วัน); only a per-scope step takes an agreed due date"])
        try assertRefused(NewEvent(step: "3", date: day, answer: "ไม่แน่ใจ"),
                          ["\(path): error: the event: 'answer' must be yes or no (or เห็นควร / ไม่เห็นควร), not \"ไม่แน่ใจ\""])
        try assertRefused(NewEvent(step: "12", date: day),
                          ["\(path): error: the event: unknown step '12' in SOP SW01 (its steps: 1, 2, 3, 4, 5, 6, 7, 8, 9)"])
        try assertRefused(NewEvent(step: "3", date: day), ["\(content)/cases: error: no case 'SW01-2569-999' (no folder \(content)/cases/SW01-2569-999)"],
                          case: "SW01-2569-999")
    }

    func testADocumentTheBuildWouldNotPublishIsRefused() throws {
        let folder = try temporaryFolder(self)
        let script = folder + "/run.sh", other = folder + "/" + "request-memo.pdf"
        try write(["run.sh": "echo", "request-memo.pdf": "another memo"], in: folder)
        let event = NewEvent(step: "3", date: Moment(text: "2026-11-20")!, answer: "yes")
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("events:"))
        try assertRefused(event, document: script, ["\(script): error: a .sh file is not among the types a case may publish (PDF, images, office documents, text, archives, audio and video); save it as a PDF, or put it in a zip"])
        try FileManager.default.copyItem(atPath: Repo.root + "/content/cases/SW01-2569-008/request-memo.pdf",
                                         toPath: content + "/cases/\(id)/request-memo.pdf")
        try assertRefused(event, document: other, ["\(other): error: the case's folder has another file named request-memo.pdf already; rename the document"])
    }

    func testACaseWithErrorsIsFixedFirst() throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "opened: 2026-11-18 15:30", with: "opened: 2026-11-31").utf8)
            .write(to: URL(fileURLWithPath: path))
        try assertRefused(NewEvent(step: "3", date: Moment(text: "2026-11-20")!, answer: "yes"),
                          ["\(path):6:9: error: 'opened' must be a date that exists, written YYYY-MM-DD or YYYY-MM-DD HH:MM, not \"2026-11-31\""],
                          advice: "the case has errors already; fix them, then record the event")
    }
}
