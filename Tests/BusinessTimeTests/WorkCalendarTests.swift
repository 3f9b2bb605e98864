import BusinessTime
import XCTest

/// Working days in the fixture calendar. 2025-01-06 is a Monday; 2024-12-27 and 2025-04-11 are Fridays.
final class WorkCalendarTests: XCTestCase {
    let calendar = Fixture.calendar

    func days(_ from: String, _ to: String) -> Int {
        calendar.workingDays(after: day(from), through: day(to))
    }

    func add(_ n: Int, _ to: String) -> String {
        calendar.addingWorkingDays(n, to: day(to)).description
    }

    func testWeekendsAndHolidaysAreNotWorkingDays() {
        XCTAssertTrue(calendar.isWorkingDay(day("2025-01-06")))
        XCTAssertTrue(calendar.isWorkingDay(day("2025-01-10")))
        XCTAssertFalse(calendar.isWorkingDay(day("2025-01-04")), "Saturday")
        XCTAssertFalse(calendar.isWorkingDay(day("2025-01-05")), "Sunday")
        XCTAssertFalse(calendar.isWorkingDay(day("2025-01-01")), "New Year's Day")
        XCTAssertFalse(calendar.isWorkingDay(day("2025-04-13")), "a holiday on a Sunday")
        XCTAssertFalse(calendar.isWorkingDay(day("2025-04-16")), "Songkran's substitution day")
        XCTAssertTrue(calendar.isWorkingDay(day("2025-04-17")))
    }

    /// Every day from 1900 to 2100 asked by its number, before 1970 too: a working day is a
    /// Monday to Friday by its date that is not in the holiday list.
    func testEveryDayByItsNumberAsByItsDate() {
        let holidays = Set(Fixture.holidays.map(\.description))
        for n in day("1900-01-01").dayNumber...day("2100-12-31").dayNumber {
            let date = Day(dayNumber: n)
            let expected = date.weekday <= 5 && !holidays.contains(date.description)
            XCTAssertEqual(calendar.isWorkingDay(dayNumber: n), expected, date.description)
        }
    }

    func testTheSameDayUsesNothingAndBackwardsIsZero() {
        XCTAssertEqual(days("2025-01-06", "2025-01-06"), 0)
        XCTAssertEqual(days("2025-01-07", "2025-01-06"), 0)
        XCTAssertEqual(days("2025-04-17", "2025-01-06"), 0)
    }

    func testOrdinaryWeek() {
        XCTAssertEqual(days("2025-01-06", "2025-01-07"), 1)
        XCTAssertEqual(days("2025-01-06", "2025-01-10"), 4)
        XCTAssertEqual(days("2025-01-06", "2025-01-13"), 5)
    }

    func testFridayToMondayIsOneDay() {
        XCTAssertEqual(days("2025-01-03", "2025-01-06"), 1)
        XCTAssertEqual(days("2025-01-03", "2025-01-04"), 0, "finishing on Saturday uses no working day")
        XCTAssertEqual(days("2025-01-03", "2025-01-05"), 0)
    }

    func testAHolidayInsideASpanIsSkipped() {
        // Wednesday 12 Feb 2025 is Makha Bucha.
        XCTAssertEqual(days("2025-02-10", "2025-02-14"), 3)
        XCTAssertEqual(days("2025-02-11", "2025-02-12"), 0)
        XCTAssertEqual(days("2025-02-11", "2025-02-13"), 1)
    }

    func testAcrossNewYear() {
        XCTAssertEqual(days("2024-12-27", "2024-12-31"), 0)
        XCTAssertEqual(days("2024-12-27", "2025-01-02"), 1)
        XCTAssertEqual(days("2024-12-27", "2025-01-03"), 2)
        XCTAssertEqual(days("2024-12-26", "2025-01-06"), 4)
    }

    func testAcrossSongkran() {
        XCTAssertEqual(days("2025-04-11", "2025-04-16"), 0)
        XCTAssertEqual(days("2025-04-11", "2025-04-17"), 1)
        XCTAssertEqual(days("2025-04-04", "2025-04-18"), 6, "8-11 and 17-18: not Chakri's substitution on the 7th")
    }

    func testAStepStartingOnAHolidayOrWeekendCountsFromTheNextWorkingDay() {
        XCTAssertEqual(days("2025-01-01", "2025-01-02"), 1)
        XCTAssertEqual(days("2025-01-04", "2025-01-06"), 1)
        XCTAssertEqual(days("2025-04-13", "2025-04-17"), 1)
    }

    func testEventsOnAHolidayAreAllowed() {
        // Someone worked on New Year's Day: the span is still measured in working days.
        XCTAssertEqual(days("2024-12-31", "2025-01-01"), 0)
        XCTAssertEqual(days("2025-01-02", "2025-01-01"), 0)
        XCTAssertEqual(days("2024-12-27", "2025-01-01"), 0)
    }

    func testAddingWorkingDaysSkipsWeekendsAndHolidays() {
        XCTAssertEqual(add(1, "2025-01-06"), "2025-01-07")
        XCTAssertEqual(add(4, "2025-01-06"), "2025-01-10")
        XCTAssertEqual(add(5, "2025-01-06"), "2025-01-13")
        XCTAssertEqual(add(1, "2025-01-03"), "2025-01-06")
        XCTAssertEqual(add(1, "2025-01-04"), "2025-01-06", "from a Saturday")
        XCTAssertEqual(add(1, "2024-12-27"), "2025-01-02")
        XCTAssertEqual(add(2, "2024-12-27"), "2025-01-03")
        XCTAssertEqual(add(1, "2025-04-11"), "2025-04-17")
        XCTAssertEqual(add(3, "2025-04-04"), "2025-04-10")
        XCTAssertEqual(add(10, "2025-02-10"), "2025-02-25")
        XCTAssertEqual(add(1, "2025-01-01"), "2025-01-02", "from a holiday")
    }

    func testAddingNothingLeavesTheDay() {
        XCTAssertEqual(add(0, "2025-01-04"), "2025-01-04")
        XCTAssertEqual(add(-3, "2025-01-06"), "2025-01-06")
    }

    func testAddingAYearOfWorkingDays() {
        // 2026 has no holidays in the fixture, and 261 weekdays (it starts and ends on a Thursday).
        XCTAssertEqual(add(261, "2025-12-31"), "2026-12-31")
        XCTAssertEqual(days("2025-12-31", "2026-12-31"), 261)
    }

    func testHolidayListOrderRepeatsAndWeekendsDoNotMatter() {
        let messy = WorkCalendar(holidays: Fixture.holidays.reversed() + Fixture.holidays + [day("2025-01-04")],
                                 officeHours: .standard)
        for (from, to) in [("2024-12-20", "2025-01-10"), ("2025-04-01", "2025-04-30"), ("2025-01-03", "2025-01-06")] {
            XCTAssertEqual(messy.workingDays(after: day(from), through: day(to)), days(from, to), "\(from)…\(to)")
        }
    }

    func testWithoutHolidaysOnlyWeekendsCount() {
        let plain = WorkCalendar(holidays: [], officeHours: .standard)
        XCTAssertEqual(plain.workingDays(after: day("2024-12-27"), through: day("2025-01-03")), 5)
        XCTAssertEqual(plain.workingDays(after: day("1969-12-26"), through: day("1970-01-02")), 5, "before 1970")
    }

    func testEndOfDayIsTheCloseOfOfficeHours() {
        XCTAssertEqual(calendar.endOfDay(day("2025-01-06")), moment("2025-01-06 16:30"))
        XCTAssertEqual(calendar.officeHours, .standard)
    }
}
