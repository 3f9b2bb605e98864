import BusinessTime
@testable import SopsiteKit
import XCTest

/// `sopsite status`: the open cases of the shipped portal as the portal words them.
final class StatusTests: XCTestCase {
    let asOf = Day(iso: "2026-11-27")!

    func words(_ language: Language) throws -> StatusWords {
        var found = Diagnostics()
        return try XCTUnwrap(StatusWords.load(themeFolder: Repo.root + "/themes/default", language: language, &found))
    }

    func testEveryOpenCaseMostOverdueFirst() throws {
        var found = Diagnostics()
        let all = try XCTUnwrap(Status.all(contentFolder: Repo.root + "/content", asOf: asOf, &found))
        XCTAssertEqual(found.all, [])
        XCTAssertEqual(all.language, .th)
        let lines = CaseStatus.table(all.cases, try words(.th))
        XCTAssertEqual(lines.map { String($0.prefix(13)) }, ["SW01-2569-006", "SW01-2569-004", "SW01-2569-009", "SW01-2569-008",
                                                            "SW01-2569-005", "คำขอที่ยังไม่เสร็จ "],
                       "overdue first, then by due date; closed cases left out")
        XCTAssertEqual(lines[0], "SW01-2569-006  เกินกำหนด      7 ทดสอบและตรวจสอบระบบ            13 พ.ย. 2569  "
                       + "เกินกำหนด 10 วันทำการ                ระบบบริหารจัดการสหกิจศึกษาและฝึกประสบการณ์วิชาชีพ")
        XCTAssertEqual(lines.last, "คำขอที่ยังไม่เสร็จ 5 เรื่อง เกินกำหนด 2 เรื่อง")
        let columns = lines.dropLast().map { TerminalTable.width(String($0.prefix(upTo: $0.range(of: "  ", options: .backwards)!.lowerBound))) }
        XCTAssertEqual(Set(columns).count, 1, "the titles start in one column, Thai vowels and tone marks taking none")
        XCTAssertEqual(CaseStatus.table(all.cases, try words(.en)).last, "5 open cases, 2 overdue")
    }

    func testOneCase() throws {
        var found = Diagnostics()
        let one = try XCTUnwrap(Status.one("SW01-2569-008", contentFolder: Repo.root + "/content", asOf: asOf, &found))
        XCTAssertEqual(one.status.lines(try words(.en)), [
            "SW01-2569-008  ระบบรับสมัครและคัดเลือกผู้รับทุนการศึกษา", "  State: In progress",
            "  Current step: 5 ประชุมประเมิน ความเป็นไปได้", "  due 18 Dec 2026", "  Time used against target: used 10 working days of 23 working days",
        ])
        XCTAssertNil(Status.one("SW01-2569-404", contentFolder: Repo.root + "/content", asOf: asOf, &found))
        XCTAssertEqual(found.all.map(\.message), ["no case 'SW01-2569-404' (no folder \(Repo.root)/content/cases/SW01-2569-404)"])
    }
}
