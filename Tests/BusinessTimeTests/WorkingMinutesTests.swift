import BusinessTime
import XCTest

/// Working minutes with the standard hours: 08:30–16:30, lunch 12:00–13:00, 420 minutes a day.
final class WorkingMinutesTests: XCTestCase {
    let calendar = Fixture.calendar

    func minutes(_ from: String, _ to: String) -> Int {
        calendar.workingMinutes(from: moment(from), to: moment(to))
    }

    func add(_ n: Int, _ to: String) -> String {
        calendar.addingWorkingMinutes(n, to: moment(to)).description
    }

    func testWithinOneMorning() {
        XCTAssertEqual(minutes("2025-01-06 09:00", "2025-01-06 10:00"), 60)
        XCTAssertEqual(minutes("2025-01-06 09:00", "2025-01-06 09:00"), 0)
        XCTAssertEqual(minutes("2025-01-06 10:00", "2025-01-06 09:00"), 0, "backwards")
    }

    func testLunchIsNotCounted() {
        XCTAssertEqual(minutes("2025-01-06 11:30", "2025-01-06 13:30"), 60)
        XCTAssertEqual(minutes("2025-01-06 11:30", "2025-01-06 12:30"), 30)
        XCTAssertEqual(minutes("2025-01-06 12:15", "2025-01-06 12:45"), 0)
        XCTAssertEqual(minutes("2025-01-06 12:30", "2025-01-06 13:30"), 30, "a start in lunch counts from 13:00")
    }

    func testTimesOutsideOfficeHours() {
        XCTAssertEqual(minutes("2025-01-06 07:00", "2025-01-06 09:00"), 30, "counts from 08:30")
        XCTAssertEqual(minutes("2025-01-06 16:00", "2025-01-06 18:00"), 30, "counts up to 16:30")
        XCTAssertEqual(minutes("2025-01-06 17:00", "2025-01-07 09:00"), 30)
        XCTAssertEqual(minutes("2025-01-06 00:00", "2025-01-06 23:59"), 420)
        XCTAssertEqual(minutes("2025-01-06 18:00", "2025-01-06 20:00"), 0)
    }

    func testWholeDays() {
        XCTAssertEqual(minutes("2025-01-06 08:30", "2025-01-07 08:30"), 420)
        XCTAssertEqual(minutes("2025-01-06 08:30", "2025-01-06 16:30"), 420)
        XCTAssertEqual(minutes("2025-01-06 08:30", "2025-01-10 16:30"), 5 * 420)
    }

    func testAcrossTheEndOfADayAWeekendAndHolidays() {
        XCTAssertEqual(minutes("2025-01-06 16:00", "2025-01-07 09:00"), 60)
        XCTAssertEqual(minutes("2025-01-10 16:00", "2025-01-13 09:00"), 60, "Friday to Monday")
        XCTAssertEqual(minutes("2024-12-27 16:00", "2025-01-02 09:00"), 60, "across New Year")
        XCTAssertEqual(minutes("2025-04-11 15:30", "2025-04-17 08:45"), 75, "across Songkran")
    }

    func testEventsOnAHolidayOrWeekend() {
        XCTAssertEqual(minutes("2025-01-01 10:00", "2025-01-01 15:00"), 0)
        XCTAssertEqual(minutes("2025-01-01 10:00", "2025-01-02 09:00"), 30)
        XCTAssertEqual(minutes("2025-01-04 10:00", "2025-01-06 09:00"), 30, "from a Saturday")
        XCTAssertEqual(minutes("2024-12-27 15:30", "2024-12-31 11:00"), 60, "to a holiday")
    }

    func testAddingWithinADay() {
        XCTAssertEqual(add(60, "2025-01-06 09:00"), "2025-01-06 10:00")
        XCTAssertEqual(add(30, "2025-01-06 16:00"), "2025-01-06 16:30", "exactly the rest of the day")
        XCTAssertEqual(add(420, "2025-01-06 08:30"), "2025-01-06 16:30")
    }

    func testAddingAcrossLunch() {
        XCTAssertEqual(add(30, "2025-01-06 11:30"), "2025-01-06 12:00", "the earliest moment: before lunch")
        XCTAssertEqual(add(31, "2025-01-06 11:30"), "2025-01-06 13:01")
        XCTAssertEqual(add(60, "2025-01-06 11:30"), "2025-01-06 13:30")
        XCTAssertEqual(add(60, "2025-01-06 12:30"), "2025-01-06 14:00", "a start in lunch counts from 13:00")
    }

    func testAddingFromOutsideOfficeHours() {
        XCTAssertEqual(add(60, "2025-01-06 07:00"), "2025-01-06 09:30")
        XCTAssertEqual(add(60, "2025-01-06 17:00"), "2025-01-07 09:30")
        XCTAssertEqual(add(60, "2025-01-04 10:00"), "2025-01-06 09:30", "from a Saturday")
    }

    func testAddingAcrossTheEndOfADay() {
        // 30 minutes on the first day, 30 on the next.
        XCTAssertEqual(add(60, "2025-01-06 16:00"), "2025-01-07 09:00")
        XCTAssertEqual(add(421, "2025-01-06 08:30"), "2025-01-07 08:31")
        XCTAssertEqual(add(840, "2025-01-06 08:30"), "2025-01-07 16:30")
        XCTAssertEqual(add(841, "2025-01-06 08:30"), "2025-01-08 08:31")
    }

    func testAddingAcrossAWeekendAndHolidays() {
        XCTAssertEqual(add(60, "2025-01-10 16:00"), "2025-01-13 09:00")
        XCTAssertEqual(add(60, "2024-12-27 16:00"), "2025-01-02 09:00")
        XCTAssertEqual(add(75, "2025-04-11 15:30"), "2025-04-17 08:45")
        XCTAssertEqual(add(4 * 60, "2025-01-01 10:00"), "2025-01-02 13:30", "from a holiday")
    }

    func testAddingNothingLeavesTheMoment() {
        XCTAssertEqual(add(0, "2025-01-04 10:00"), "2025-01-04 10:00")
    }

    func testCustomHoursWithoutLunch() {
        let hours = OfficeHours(start: 9 * 60, end: 17 * 60, lunch: nil)
        let plain = WorkCalendar(holidays: [], officeHours: hours)
        XCTAssertEqual(plain.workingMinutes(from: moment("2025-01-06 11:30"), to: moment("2025-01-06 13:30")), 120)
        XCTAssertEqual(plain.addingWorkingMinutes(480, to: moment("2025-01-06 09:00")), moment("2025-01-06 17:00"))
        XCTAssertEqual(plain.addingWorkingMinutes(481, to: moment("2025-01-06 09:00")), moment("2025-01-07 09:01"))
    }
}
