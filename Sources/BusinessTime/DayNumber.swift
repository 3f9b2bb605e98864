/// Days as plain integers. Counting working days and minutes is arithmetic on a number line, so
/// every calculation in this module turns a `Day` into its day number, works there, and turns back.
/// The conversion is the proleptic Gregorian calendar, valid for any year (no Foundation, no zone).
extension Day {
    /// Days since 1970-01-01 (may be negative); and back.
    public var dayNumber: Int {
        // Count from 1 March so that the leap day is the last day of the counting year;
        // then 400-year eras repeat exactly (146,097 days each).
        let y = month <= 2 ? year - 1 : year
        let era = Day.floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with the given number of days since 1970-01-01; every integer is a real day.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = Day.floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let m = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        // The arithmetic only produces real dates, so the failable initialiser cannot fail.
        self.init(year: y, month: m, day: d)!
    }

    /// The day `days` calendar days later (earlier when negative).
    public func adding(days: Int) -> Day {
        Day(dayNumber: dayNumber + days)
    }

    /// 1 = Monday ... 7 = Sunday (ISO).
    public var weekday: Int { Day.weekday(dayNumber: dayNumber) }

    /// The weekday of a day by its number, without making the date.
    static func weekday(dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday (ISO 4).
        floorMod(dayNumber + 3, 7) + 1
    }

    /// Saturday or Sunday: never a working day, whatever the holiday list says.
    var isWeekend: Bool { Day.isWeekend(dayNumber: dayNumber) }

    static func isWeekend(dayNumber: Int) -> Bool { weekday(dayNumber: dayNumber) >= 6 }

    /// Division rounding towards minus infinity, so that days before 1970 count the same way.
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// The remainder that goes with `floorDiv`: always in 0..<b for positive b.
    static func floorMod(_ a: Int, _ b: Int) -> Int {
        a - floorDiv(a, b) * b
    }
}
