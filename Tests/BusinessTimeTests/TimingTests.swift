import BusinessTime
import XCTest

/// Steps measured against their targets in the fixture calendar (2025-01-06 is a Monday).
final class TimingTests: XCTestCase {
    let calendar = Fixture.calendar

    func timing(_ target: StepDuration.Target, due: String? = nil, _ start: String, _ end: String) -> Timing {
        calendar.timing(target, agreedDue: due.map(day), start: moment(start), end: moment(end))
    }

    func testDaysWithinTarget() {
        XCTAssertEqual(timing(.days(1), "2025-01-06", "2025-01-07"),
                       Timing(used: .days(1), target: .days(1), excess: nil, due: moment("2025-01-07")))
        XCTAssertEqual(timing(.days(2), "2025-01-06 15:00", "2025-01-06 16:00").used, .days(0), "same day")
    }

    func testDaysLate() {
        let late = timing(.days(1), "2025-01-06", "2025-01-09")
        XCTAssertEqual(late, Timing(used: .days(3), target: .days(1), excess: .days(2), due: moment("2025-01-07")))
        XCTAssertTrue(late.isLate)
    }

    func testFridayToMondayIsOneDayAndOnTime() {
        let t = timing(.days(1), "2025-01-03 16:00", "2025-01-06 09:00")
        XCTAssertEqual(t.used, .days(1))
        XCTAssertFalse(t.isLate)
        XCTAssertEqual(t.due, moment("2025-01-06"), "the due moment is a date only")
    }

    func testDaysAcrossNewYearAndSongkran() {
        XCTAssertEqual(timing(.days(2), "2024-12-27", "2025-01-03"),
                       Timing(used: .days(2), target: .days(2), excess: nil, due: moment("2025-01-03")))
        XCTAssertEqual(timing(.days(1), "2025-04-11", "2025-04-18"),
                       Timing(used: .days(2), target: .days(1), excess: .days(1), due: moment("2025-04-17")))
    }

    func testAStepStartingOnAHolidayBeginsOnTheNextWorkingDay() {
        XCTAssertEqual(timing(.days(1), "2025-01-01 10:00", "2025-01-02 15:00"),
                       Timing(used: .days(1), target: .days(1), excess: nil, due: moment("2025-01-02")))
    }

    func testARangeTargetsItsUpperBound() throws {
        let duration = try StepDuration.parse("1-2 วัน")
        XCTAssertEqual(duration.target, .days(2))
        let t = calendar.timing(duration.target, agreedDue: nil, start: moment("2025-04-11"), end: moment("2025-04-18"))
        XCTAssertEqual(t, Timing(used: .days(2), target: .days(2), excess: nil, due: moment("2025-04-18")))
    }

    func testHoursWithTimes() {
        XCTAssertEqual(timing(.hours(1), "2025-01-06 16:00", "2025-01-07 09:00"),
                       Timing(used: .minutes(60), target: .minutes(60), excess: nil, due: moment("2025-01-07 09:00")))
        XCTAssertEqual(timing(.hours(1), "2025-01-06 16:00", "2025-01-07 09:20"),
                       Timing(used: .minutes(80), target: .minutes(60), excess: .minutes(20),
                              due: moment("2025-01-07 09:00")))
    }

    func testHoursAcrossLunchAWeekendAndAHoliday() {
        XCTAssertEqual(timing(.hours(1), "2025-01-06 11:30", "2025-01-06 13:30").excess, nil)
        XCTAssertEqual(timing(.hours(1), "2025-01-06 11:30", "2025-01-06 13:30").due, moment("2025-01-06 13:30"))
        XCTAssertEqual(timing(.hours(2), "2025-01-10 15:00", "2025-01-13 10:00"),
                       Timing(used: .minutes(180), target: .minutes(120), excess: .minutes(60),
                              due: moment("2025-01-13 09:00")))
        XCTAssertEqual(timing(.hours(4), "2024-12-27 14:00", "2025-01-02 09:30").due, moment("2025-01-02 10:00"))
    }

    func testHoursWithoutTimesFallBackToWholeDays() {
        // 1 to 7 hours fit in one working day (420 minutes); 8 hours need two.
        XCTAssertEqual(timing(.hours(1), "2025-01-06", "2025-01-07"),
                       Timing(used: .days(1), target: .days(1), excess: nil, due: moment("2025-01-07")))
        XCTAssertEqual(timing(.hours(7), "2025-01-06", "2025-01-08").excess, .days(1))
        XCTAssertEqual(timing(.hours(8), "2025-01-06", "2025-01-08"),
                       Timing(used: .days(2), target: .days(2), excess: nil, due: moment("2025-01-08")))
        XCTAssertEqual(timing(.hours(14), "2025-01-06", "2025-01-08").target, .days(2))
        XCTAssertEqual(timing(.hours(15), "2025-01-06", "2025-01-08").target, .days(3))
    }

    func testHoursWithOnlyOneTimeAlsoFallBackToDays() {
        XCTAssertEqual(timing(.hours(2), "2025-01-06 10:00", "2025-01-08").used, .days(2))
        XCTAssertEqual(timing(.hours(2), "2025-01-06", "2025-01-06 15:00").used, .days(0))
        XCTAssertEqual(timing(.hours(2), "2025-01-06", "2025-01-06 15:00").due, moment("2025-01-07"))
    }

    func testPerScopeWithAnAgreedDueDate() {
        XCTAssertEqual(timing(.perScope, due: "2025-01-10", "2025-01-06", "2025-01-10"),
                       Timing(used: .days(4), target: .days(4), excess: nil, due: moment("2025-01-10")))
        XCTAssertEqual(timing(.perScope, due: "2025-01-10", "2025-01-06", "2025-01-13").excess, .days(1))
        XCTAssertEqual(timing(.perScope, due: "2025-01-10", "2025-01-06", "2025-01-15").excess, .days(3))
        XCTAssertEqual(timing(.perScope, due: "2025-01-10", "2025-01-06", "2025-01-07").excess, nil, "early")
    }

    func testPerScopeFinishingOnTheWeekendAfterTheDueDateIsNotLate() {
        let t = timing(.perScope, due: "2025-01-10", "2025-01-06", "2025-01-11")
        XCTAssertFalse(t.isLate)
        XCTAssertEqual(t.used, .days(4))
    }

    func testPerScopeDueAcrossAHoliday() {
        // Agreed for 31 Dec (a holiday): finishing on 2 Jan is one working day late.
        XCTAssertEqual(timing(.perScope, due: "2024-12-31", "2024-12-23", "2025-01-02"),
                       Timing(used: .days(5), target: .days(4), excess: .days(1), due: moment("2024-12-31")))
    }

    func testPerScopeWithoutADueDateHasNoTarget() {
        let t = timing(.perScope, "2025-01-06", "2025-02-28")
        XCTAssertEqual(t, Timing(used: .days(38), target: nil, excess: nil, due: nil))
        XCTAssertFalse(t.isLate)
    }

    func testAStepInProgressIsMeasuredToTheEndOfTheAsOfDay() {
        let asOf = calendar.endOfDay(day("2025-01-10"))
        XCTAssertEqual(calendar.timing(.days(2), agreedDue: nil, start: moment("2025-01-06"), end: asOf).excess,
                       .days(2))
        let today = calendar.endOfDay(day("2025-01-06"))
        XCTAssertEqual(calendar.timing(.hours(1), agreedDue: nil, start: moment("2025-01-06 10:00"), end: today),
                       Timing(used: .minutes(330), target: .minutes(60), excess: .minutes(270),
                              due: moment("2025-01-06 11:00")))
    }
}
