import BusinessTime
import Foundation
@testable import SopsiteKit
import XCTest

/// `sopsite import`: registers into case folders, every problem at its row and column.
final class ImportTests: XCTestCase {
    var content = ""
    let asOf = Day(iso: "2026-11-27")!
    let registers = Repo.fixture("registers")

    override func setUpWithError() throws {
        content = try temporaryFolder(self) + "/content"
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: content)
    }

    func testEveryBadRowIsSaidAtItsRowAndColumn() {
        let path = registers + "/bad-rows.csv"
        let plan = Import.plan(path, contentFolder: content, asOf: asOf)
        XCTAssertEqual(plan.diagnostics.map(\.description), [
            "\(path):2:1: error: row 2, column A (id): case SW01-2569-004 exists already (import never overwrites a case)",
            "\(path):3:45: error: row 3, column F (step 2): events are out of order: 2026-10-02 comes before the previous event (2026-10-03)",
            "\(path):4:46: error: row 4, column G (step 3): the case does not reach step 3: along the SOP from step 1, the dates and answers stop before it (a case sent back to a step it has done is recorded with sopsite record)",
            "\(path):4:57: error: row 4, column H (answer 3): an answer for step 3, which the case does not reach",
            "\(path):5:24: error: row 5, column D (opened): not a date: \"2026-13-01\" (YYYY-MM-DD, or D/M/YYYY)",
            "\(path):6:2: error: row 6, column B (title): the case has no title",
            "\(path):7:58: error: row 7, column G (step 3): missing required field 'answer' in event 3: step 3 is a decision (yes or no)",
            "\(path):8:67: error: row 8, column H (answer 3): 'answer' must be yes or no (or เห็นควร / ไม่เห็นควร), not \"บางที\"",
            "\(path):9:86: error: row 9, column J (due 4): step 4 has a fixed duration (1-2 วัน); only a per-scope step takes an agreed due date",
            "\(path):10:51: error: row 10, column K (due 5): a due date is agreed at an event before step 5, and the row has none",
            "\(path):11:52: error: row 11, column L (step 12): SOP SW01 has no step 12",
            "\(path):11:63: error: row 11, column M (answer 2): an answer for step 2, which the case does not reach",
            "\(path):12:31: error: row 12, column E (step 1): the event is dated 2026-12-01, after the as-of date 2026-11-27",
        ])
        XCTAssertTrue(plan.cases.isEmpty || plan.hasErrors)
    }

    func testAQuoteNeverClosedIsSaidWhereItOpens() {
        let path = registers + "/unclosed-quote.csv"
        XCTAssertEqual(Import.plan(path, contentFolder: content, asOf: asOf).diagnostics.map(\.description),
                       ["\(path):2:1: error: a quoted field is never closed (a missing \")"])
    }

    func testAGoodRegisterIsADryRunUntilWritten() throws {
        let path = registers + "/good.csv"
        let plan = Import.plan(path, contentFolder: content, asOf: asOf)
        XCTAssertEqual(plan.diagnostics.map(\.description), [
            "\(path):1:159: warning: row 1, column N (หมายเหตุ): no such column; it is not read (docs/content-format.md lists the columns)",
        ])
        XCTAssertEqual(plan.cases.map(\.id), ["SW01-2569-010", "SW01-2569-101", "SW01-2569-102"])
        XCTAssertEqual(plan.cases.map(\.title), ["ระบบจองห้องประชุม", "ระบบ \"ลงเวลา\" ออนไลน์", "ระบบที่ไม่อนุมัติ"],
                       "a line break inside a cell becomes a space")
        XCTAssertEqual(plan.cases.map(\.status.state), [.inProgress, .overdue, .rejected])
        XCTAssertFalse(FileManager.default.fileExists(atPath: content + "/cases/SW01-2569-010"), "a dry run writes nothing")

        try Import.write(plan)
        XCTAssertEqual(try String(contentsOfFile: content + "/cases/SW01-2569-010/index.md", encoding: .utf8), """
            ---
            # Imported from good.csv, row 2.
            sop: SW01
            title: ระบบจองห้องประชุม
            unit: กองกลาง
            contact: คุณเอ, โทร. 1234
            opened: 2026-10-01 09:00
            events:
              - step: 1
                date: 2026-10-01 10:00
              - step: 2
                date: 2026-10-02
              - step: 3
                date: 2026-10-05
                answer: เห็นควร
              - step: 4
                date: 2026-10-07
                due:
                  5: 2026-10-30
              - step: 5
                date: 2026-10-29
                due:
                  6: 2026-12-25
            ---

            ## รายละเอียดคำขอ

            """)
        var options = BuildOptions(contentFolder: content, outputFolder: content + "/../public",
                                   themeFolder: Repo.root + "/themes/default", asOf: asOf)
        options.search = false
        XCTAssertEqual(try Build.run(options).filter { $0.severity == .error }, [], "the imported cases build")

        let again = Import.plan(path, contentFolder: content, asOf: asOf)
        XCTAssertEqual(again.diagnostics.filter { $0.severity == .error }.map(\.message), [
            "row 2, column B (เรื่อง): the portal has this case already: SW01-2569-010 has the same title, unit and opening (imported before?)",
            "row 3, column A (เลขที่คำขอ): case SW01-2569-101 exists already (import never overwrites a case)",
            "row 4, column B (เรื่อง): the portal has this case already: SW01-2569-102 has the same title, unit and opening (imported before?)",
        ], "importing twice makes nothing twice")
    }

    func testATabSeparatedRegister() {
        let plan = Import.plan(registers + "/good.tsv", contentFolder: content, asOf: asOf)
        XCTAssertEqual(plan.diagnostics, [])
        XCTAssertEqual(plan.cases.map(\.id), ["SW01-2569-010"])
        XCTAssertTrue(plan.cases[0].text.contains("sop: SW01\ntitle: ระบบจากแท็บ\n"))
    }

    func testRegisterDates() {
        XCTAssertEqual(RegisterDate.moment("27/11/2569")?.description, "2026-11-27", "Buddhist Era")
        XCTAssertEqual(RegisterDate.moment("5/1/2026 09:30")?.description, "2026-01-05 09:30")
        XCTAssertEqual(RegisterDate.moment("2026-11-27 10:15:00")?.description, "2026-11-27 10:15")
        XCTAssertNil(RegisterDate.moment("31/2/2569"))
        XCTAssertNil(RegisterDate.moment("11/27"))
        XCTAssertNil(RegisterDate.day("2026-11-27 10:15"), "a due date is a day")
    }

    func testCSVQuotingAndPlaces() throws {
        let file = try RegisterFile.read("\u{FEFF}a,\"b,\"\"c\"\"\r\nd\",e\r\n\r\nก,ข\n", separator: ",", path: "x.csv")
        XCTAssertEqual(file.rows.map { $0.map(\.text) }, [["a", "b,\"c\"\nd", "e"], ["ก", "ข"]])
        XCTAssertEqual(file.rows[1].map { "\($0.row):\($0.line):\($0.column)" }, ["3:4:1", "3:4:3"],
                       "the blank row counts, the line break inside a cell does not; a cell's line and column are where it starts")
        XCTAssertThrowsError(try RegisterFile.read("\"a\"b\n", separator: ",", path: "x.csv")) { error in
            XCTAssertEqual("\(error)", "x.csv:1:4: error: text after a quoted field's closing quote; write a quote inside a quoted field twice (\"\")")
        }
        XCTAssertEqual(RegisterFile.letter(0) + RegisterFile.letter(25) + RegisterFile.letter(26), "AZAA")
    }
}
