import BusinessTime
import XCTest

final class DayNumberTests: XCTestCase {
    func testKnownDayNumbers() {
        XCTAssertEqual(day("1970-01-01").dayNumber, 0)
        XCTAssertEqual(day("1969-12-31").dayNumber, -1)
        XCTAssertEqual(day("2000-01-01").dayNumber, 10957)
        XCTAssertEqual(day("2025-01-06").dayNumber, 20094)
        XCTAssertEqual(day("1900-01-01").dayNumber, -25567)
        XCTAssertEqual(day("2200-12-31").dayNumber, 84370)
        XCTAssertEqual(Day(dayNumber: 19782), day("2024-02-29"))
        XCTAssertEqual(Day(dayNumber: -141427), day("1582-10-15"), "the calendar is proleptic Gregorian")
    }

    /// Every day from 1900 to 2200, in order: numbers are consecutive and convert back exactly.
    func testRoundTripEveryDay1900To2200() {
        var expected = day("1900-01-01").dayNumber
        var count = 0
        for year in 1900...2200 {
            for month in 1...12 {
                for d in 1...31 {
                    guard let date = Day(year: year, month: month, day: d) else { continue }
                    let number = date.dayNumber
                    if number != expected { XCTFail("\(date) is \(number), expected \(expected)"); return }
                    if Day(dayNumber: number) != date { XCTFail("\(number) does not return to \(date)"); return }
                    expected += 1
                    count += 1
                }
            }
        }
        XCTAssertEqual(count, 301 * 365 + 73, "73 leap years between 1900 and 2200 (not 1900, 2100, 2200)")
    }

    func testWeekdayOfKnownDates() {
        let known = [
            "1900-01-01": 1, "1969-12-28": 7, "1970-01-01": 4, "2000-01-01": 6, "2021-06-22": 2,
            "2024-02-29": 4, "2025-01-06": 1, "2025-04-12": 6, "2025-04-13": 7, "2100-03-01": 1,
            "2200-12-31": 3,
        ]
        for (text, weekday) in known {
            XCTAssertEqual(day(text).weekday, weekday, text)
        }
    }

    func testWeekdaysCycleThroughOneToSeven() {
        let monday = day("2025-01-06")
        XCTAssertEqual((0..<14).map { monday.adding(days: $0).weekday }, [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7])
        XCTAssertEqual(monday.adding(days: -1).weekday, 7)
    }

    func testAddingDaysCrossesMonthsYearsAndLeapDays() {
        XCTAssertEqual(day("2024-12-31").adding(days: 1), day("2025-01-01"))
        XCTAssertEqual(day("2024-02-28").adding(days: 1), day("2024-02-29"))
        XCTAssertEqual(day("2023-02-28").adding(days: 1), day("2023-03-01"))
        XCTAssertEqual(day("2025-01-01").adding(days: -1), day("2024-12-31"))
        XCTAssertEqual(day("2025-01-06").adding(days: 0), day("2025-01-06"))
        XCTAssertEqual(day("2024-01-01").adding(days: 366), day("2025-01-01"))
    }
}
