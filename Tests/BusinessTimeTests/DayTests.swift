import BusinessTime
import XCTest

final class DayTests: XCTestCase {
    func testReadsISODates() {
        XCTAssertEqual(Day(iso: "2021-06-22"), Day(year: 2021, month: 6, day: 22))
        XCTAssertEqual(Day(iso: "2024-02-29")?.description, "2024-02-29")
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
