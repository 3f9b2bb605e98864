import BusinessTime
import XCTest

/// Laws that must hold for any moments, checked on seeded random samples around the fixture's
/// holidays (Dec 2024 to May 2025), and against slow, obviously-correct counts.
final class PropertyTests: XCTestCase {
    let calendar = Fixture.calendar
    let first = day("2024-12-01").dayNumber
    let last = day("2025-05-31").dayNumber

    func randomDay(_ g: inout SeededGenerator) -> Day {
        Day(dayNumber: Int.random(in: first...last, using: &g))
    }

    /// Any minute of the day, but half of them inside office hours where the interesting cases are.
    func randomMoment(_ g: inout SeededGenerator) -> Moment {
        let minute = Bool.random(using: &g) ? Int.random(in: 0..<1440, using: &g) : Int.random(in: 500...1000, using: &g)
        return Moment(day: randomDay(&g), minute: minute)
    }

    func testMinutesAddUpAcrossAnyMiddleMoment() {
        var g = SeededGenerator(seed: 1)
        for _ in 0..<2000 {
            let sorted = (0..<3).map { _ in randomMoment(&g) }.sorted()
            let (a, b, c) = (sorted[0], sorted[1], sorted[2])
            XCTAssertEqual(calendar.workingMinutes(from: a, to: c),
                           calendar.workingMinutes(from: a, to: b) + calendar.workingMinutes(from: b, to: c),
                           "\(a) \(b) \(c)")
        }
    }

    func testAddingMinutesThenMeasuringGivesTheSameAmount() {
        var g = SeededGenerator(seed: 2)
        for _ in 0..<2000 {
            let a = randomMoment(&g)
            let n = Int.random(in: 0...3000, using: &g)
            let result = calendar.addingWorkingMinutes(n, to: a)
            XCTAssertEqual(calendar.workingMinutes(from: a, to: result), n, "\(n) after \(a) is \(result)")
            guard n > 0, let minute = result.minute else { continue }
            // The earliest such moment, on a working day, inside office hours but not in lunch.
            XCTAssertTrue(calendar.isWorkingDay(result.day), "\(result)")
            XCTAssertTrue((8 * 60 + 31...16 * 60 + 30).contains(minute), "\(result)")
            XCTAssertFalse((12 * 60 + 1...13 * 60).contains(minute), "\(result)")
            let oneEarlier = Moment(day: result.day, minute: minute - 1)
            XCTAssertEqual(calendar.workingMinutes(from: a, to: oneEarlier), n - 1, "\(n) after \(a)")
        }
    }

    func testAddingDaysThenCountingGivesTheSameAmount() {
        var g = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let a = randomDay(&g)
            let n = Int.random(in: 1...300, using: &g)
            let result = calendar.addingWorkingDays(n, to: a)
            XCTAssertEqual(calendar.workingDays(after: a, through: result), n, "\(n) after \(a)")
            XCTAssertTrue(calendar.isWorkingDay(result), "\(n) after \(a) is \(result)")
        }
    }

    /// The formulas against walking the days one by one.
    func testWorkingDaysMatchADayByDayCount() {
        var g = SeededGenerator(seed: 4)
        for _ in 0..<500 {
            let a = randomDay(&g), b = randomDay(&g)
            var count = 0
            var d = a.adding(days: 1)
            while d <= b {
                if calendar.isWorkingDay(d) { count += 1 }
                d = d.adding(days: 1)
            }
            XCTAssertEqual(calendar.workingDays(after: a, through: b), count, "\(a)…\(b)")
        }
    }

    /// Working minutes against counting each minute that is inside office hours on a working day.
    func testWorkingMinutesMatchAMinuteByMinuteCount() {
        var g = SeededGenerator(seed: 5)
        let hours = OfficeHours.standard
        for _ in 0..<300 {
            let a = randomMoment(&g)
            let b = Moment(day: a.day.adding(days: Int.random(in: 0...4, using: &g)),
                           minute: Int.random(in: 0..<1440, using: &g))
            var count = 0
            var t = a.day.dayNumber * 1440 + a.minute!
            let end = b.day.dayNumber * 1440 + b.minute!
            while t < end {
                let (dayNumber, minute) = (t / 1440, t % 1440)
                let open = minute >= hours.start && minute < hours.end
                    && !(minute >= hours.lunch!.lowerBound && minute < hours.lunch!.upperBound)
                if open && calendar.isWorkingDay(Day(dayNumber: dayNumber)) { count += 1 }
                t += 1
            }
            XCTAssertEqual(calendar.workingMinutes(from: a, to: b), count, "\(a) \(b)")
        }
    }
}
