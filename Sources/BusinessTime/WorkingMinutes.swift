/// Hour targets count minutes inside office hours. Every moment with a time maps to a position on
/// one line of working minutes (working days before its day × minutes per day, plus the minutes
/// worked so far that day); an amount of working time is a difference of two positions. That makes
/// the sum of two consecutive spans exactly the whole span, whatever days they cross.
extension WorkCalendar {
    /// Working minutes between two moments with times: inside office hours, on working days,
    /// lunch excluded. 0 when to <= from. A time before office hours counts from the start of
    /// office hours, a time after them from their end, a time in lunch from the end of lunch.
    /// A time on a weekend or holiday counts from the start of the next working day.
    ///
    /// Precondition: both moments have a time (`minute != nil`).
    public func workingMinutes(from: Moment, to: Moment) -> Int {
        max(0, position(to) - position(from))
    }

    /// The moment n working minutes after `from` (which has a time), inside office hours: the
    /// earliest such moment, so a total reached exactly at lunch or at closing time is 12:00 or
    /// 16:30 of that day, not 13:00 or the next morning. For n <= 0 the answer is `from` itself.
    public func addingWorkingMinutes(_ n: Int, to from: Moment) -> Moment {
        guard let minute = from.minute else { preconditionFailure("addingWorkingMinutes needs a time: \(from)") }
        guard n > 0 else { return from }
        let length = officeHours.workingLength
        var day = from.day
        var worked = 0
        if isWorkingDay(day) {
            worked = officeHours.worked(before: minute)
        } else {
            day = addingWorkingDays(1, to: day)
        }
        if n <= length - worked {
            return Moment(day: day, minute: officeHours.minute(afterWorking: worked + n))
        }
        // What is left after today fills whole working days and then part (or all) of one more.
        let rest = n - (length - worked)
        let wholeDays = (rest - 1) / length
        day = addingWorkingDays(wholeDays + 1, to: day)
        return Moment(day: day, minute: officeHours.minute(afterWorking: rest - wholeDays * length))
    }

    /// The moment's place on the line of working minutes (origin arbitrary, only differences matter).
    private func position(_ moment: Moment) -> Int {
        guard let minute = moment.minute else { preconditionFailure("working minutes need a time: \(moment)") }
        let before = workingDaysBefore(moment.day.dayNumber) * officeHours.workingLength
        return isWorkingDay(moment.day) ? before + officeHours.worked(before: minute) : before
    }
}

extension OfficeHours {
    /// Working minutes in one working day, computed the same way as the minutes within it, so the
    /// two always agree even when lunch is set partly outside office hours.
    var workingLength: Int { worked(before: end) }

    /// The lunch break clipped to office hours; nil when there is none left.
    private var effectiveLunch: ClosedRange<Int>? {
        guard let lunch else { return nil }
        let low = min(max(lunch.lowerBound, start), end)
        let high = min(max(lunch.upperBound, start), end)
        return low < high ? low...high : nil
    }

    /// Working minutes from the start of office hours to `minute` on a working day: 0 before the
    /// office opens, the whole day after it closes, and frozen during lunch.
    func worked(before minute: Int) -> Int {
        let clamped = min(max(minute, start), end)
        guard let lunch = effectiveLunch else { return clamped - start }
        let lunchTaken = max(0, min(clamped, lunch.upperBound) - lunch.lowerBound)
        return clamped - start - lunchTaken
    }

    /// The earliest minute of the day by which `worked` minutes have been worked
    /// (0 < worked <= workingLength): before lunch if the morning is enough, else after it.
    func minute(afterWorking worked: Int) -> Int {
        guard let lunch = effectiveLunch else { return start + worked }
        let morning = lunch.lowerBound - start
        return worked <= morning ? start + worked : lunch.upperBound + (worked - morning)
    }
}
