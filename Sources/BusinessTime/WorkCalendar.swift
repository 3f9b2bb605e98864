/// The business-day calendar: Monday to Friday minus the holidays, and office hours.
///
/// Counting is done with formulas, not by walking the days, so a span of years costs the same as
/// a span of days: weekdays come from whole weeks plus a remainder, and holidays from a binary
/// search in a sorted list.
public struct WorkCalendar: Sendable {
    public let officeHours: OfficeHours
    /// Day numbers of the holidays that fall on a weekday, sorted, without repeats. Holidays on a
    /// weekend are dropped: the weekend already is not a working day, and counting them would
    /// subtract those days twice.
    private let weekdayHolidays: [Int]
    private let holidaySet: Set<Int>

    /// Holidays may come in any order, repeat, or fall on a weekend. The office hours must leave
    /// some working time each day (after lunch is taken out), or no hour target could ever be reached.
    public init(holidays: [Day], officeHours: OfficeHours) {
        precondition(officeHours.workingLength > 0, "office hours must leave some working time in a day")
        self.officeHours = officeHours
        let weekdays = Set(holidays.filter { !$0.isWeekend }.map(\.dayNumber))
        self.holidaySet = weekdays
        self.weekdayHolidays = weekdays.sorted()
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        isWorkingDay(dayNumber: day.dayNumber)
    }

    /// The same for a day by its number: a chart asks of every day it shows.
    public func isWorkingDay(dayNumber n: Int) -> Bool {
        !Day.isWeekend(dayNumber: n) && !holidaySet.contains(n)
    }

    /// The working days after `from` up to and including `to`: the days a step started on `from`
    /// and finished on `to` has used. 0 when to <= from.
    public func workingDays(after from: Day, through to: Day) -> Int {
        let a = from.dayNumber, b = to.dayNumber
        guard b > a else { return 0 }
        return workingDaysBefore(b + 1) - workingDaysBefore(a + 1)
    }

    /// The n-th working day after `day` (n >= 1); `day` itself never counts.
    /// For n <= 0 the answer is `day` itself (nothing to add).
    public func addingWorkingDays(_ n: Int, to day: Day) -> Day {
        guard n > 0 else { return day }
        // Jump to the first day whose count of working days reaches the target, found by
        // bisection on the (non-decreasing) count: it is the n-th working day after `day`.
        let base = day.dayNumber
        let target = workingDaysBefore(base + 1) + n
        // Each week has at least one working day unless the holidays fill it; widen until found.
        var low = base + 1, high = base + n * 7 / 5 + 7
        while workingDaysBefore(high + 1) < target { high += high - base }
        while low < high {
            let middle = low + (high - low) / 2
            if workingDaysBefore(middle + 1) >= target { high = middle } else { low = middle + 1 }
        }
        return Day(dayNumber: low)
    }

    /// The as-of moment: the end of office hours of `day` (state "as of a date" means as of the
    /// end of that day, so a step still open on that day has used all of it).
    public func endOfDay(_ day: Day) -> Moment {
        Moment(day: day, minute: officeHours.end)
    }

    /// Working days on day numbers below `n`, counted from a fixed origin (may be negative).
    /// Differences of this count are the only thing callers use, so the origin does not matter.
    func workingDaysBefore(_ n: Int) -> Int {
        weekdaysBefore(n) - holidaysBefore(n)
    }

    /// Monday-to-Friday days below day number `n`, counted from the Monday 1970-01-05 (number 4).
    private func weekdaysBefore(_ n: Int) -> Int {
        let offset = n - 4
        let weeks = Day.floorDiv(offset, 7)
        return weeks * 5 + min(offset - weeks * 7, 5)
    }

    /// Weekday holidays with a day number below `n`: the index where `n` would be inserted.
    private func holidaysBefore(_ n: Int) -> Int {
        var low = 0, high = weekdayHolidays.count
        while low < high {
            let middle = (low + high) / 2
            if weekdayHolidays[middle] < n { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
