import BusinessTime
import XCTest

final class DayTests: XCTestCase {
    func testReadsISODates() {
        XCTAssertEqual(Day(iso: "2021-06-22"), Day(year: 2021, month: 6, day: 22))
        XCTAssertEqual(Day(iso: "2024-02-29")?.description, "2024-02-29")
    }

    /// Every day written and read back is itself, over four centuries and at the edges of the
    /// four-digit years (past them, still written in full).
    func testDescriptionReadsBack() {
        var day = Day(year: 1900, month: 1, day: 1)!
        while day.year < 2300 {
            XCTAssertEqual(Day(iso: day.description), day)
            day = day.adding(days: 1)
        }
        XCTAssertEqual(Day(year: 7, month: 3, day: 9)?.description, "0007-03-09")
        XCTAssertEqual(Day(year: 9999, month: 12, day: 31)?.description, "9999-12-31")
        XCTAssertEqual(Day(year: 12345, month: 1, day: 2)?.description, "12345-01-02")
    }

    func testRejectsDatesThatDoNotExistOrOtherForms() {
        for text in ["2021-02-29", "2023-13-01", "2023-04-31", "2023-00-10", "2100-02-29", "21-06-22",
                     "2021-6-22", "2021/06/22", "22 มิ.ย. 2564", "", "2021-06-22T10:00", "๒๕๖๔-๐๖-๒๒", "2021-0a-22",
                     "2021-06-2\u{0301}", "+202-06-22", "2021--6-22"] {
            XCTAssertNil(Day(iso: text), text)
        }
        XCTAssertNotNil(Day(iso: "2000-02-29"), "2000 is a leap year")
    }

    func testThaiFormatUsesTheBuddhistEraAndThaiMonths() {
        XCTAssertEqual(Day(iso: "2021-06-22")!.formatted(.thai), "22 มิ.ย. 2564")
        XCTAssertEqual(Day(iso: "2026-01-01")!.formatted(.thai), "1 ม.ค. 2569")
        XCTAssertEqual(Day(iso: "2025-12-31")!.formatted(.thai), "31 ธ.ค. 2568")
    }

    func testEnglishFormatUsesTheGregorianCalendar() {
        XCTAssertEqual(Day(iso: "2021-06-22")!.formatted(.english), "22 Jun 2021")
    }

    func testEveryMonthHasAThaiName() {
        let names = (1...12).map { Day(year: 2021, month: $0, day: 1)!.formatted(.thai) }
        XCTAssertEqual(Set(names).count, 12)
        XCTAssertTrue(names.allSatisfy { $0.hasSuffix(" 2564") })
    }

    func testOrder() {
        XCTAssertLessThan(Day(iso: "2021-12-31")!, Day(iso: "2022-01-01")!)
        XCTAssertLessThan(Day(iso: "2022-01-31")!, Day(iso: "2022-02-01")!)
    }
}
