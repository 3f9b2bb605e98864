/// An amount of business time: working days or working minutes.
public enum Amount: Sendable, Hashable {
    case days(Int)
    case minutes(Int)
}

/// How a step's time compares with its target.
public struct Timing: Sendable, Equatable {
    public var used: Amount
    /// Nil when there is no target (per scope with no agreed due date).
    public var target: Amount?
    /// How far past the target; nil when within it (or no target).
    public var excess: Amount?
    /// When the step is or was due; nil without a target.
    public var due: Moment?
    public var isLate: Bool { excess != nil }

    public init(used: Amount, target: Amount?, excess: Amount?, due: Moment?) {
        self.used = used
        self.target = target
        self.excess = excess
        self.due = due
    }
}

extension WorkCalendar {
    /// Measures a step that started at `start` (the previous step's completion, or the case's opening)
    /// and ended at `end` (its completion, or `endOfDay(asOf)` for a step still in progress).
    ///
    /// - `.days(N)`: used = working days after `start.day` through `end.day`; target N days; due on
    ///   the N-th working day after `start.day` (date only); late by `used − N` days when used > N.
    ///   A step that starts on a weekend or holiday thus begins counting on the next working day,
    ///   and one that starts and ends on the same day has used 0 days.
    /// - `.hours(N)` when both moments have a time: used = working minutes between them; target
    ///   N×60 minutes; due N×60 working minutes after `start`; late by the minutes over the target.
    /// - `.hours(N)` when either moment has only a date: hours cannot be counted, so the target is
    ///   rounded up to whole working days, D = ⌈N×60 ÷ working minutes per day⌉ (1 to 7 hours → 1 day,
    ///   8 hours → 2 with the standard hours), and the step is measured exactly as `.days(D)`.
    /// - `.perScope` with an agreed due date D: used as for days; target = working days after
    ///   `start.day` through D; due on D (date only); late iff the step ended on a working day after D,
    ///   by the working days after D through `end.day`. Ending on the weekend right after D is not
    ///   late: no working day was lost.
    /// - `.perScope` without one: used in days; no target, so never late and never due.
    public func timing(_ target: StepDuration.Target, agreedDue: Day?, start: Moment, end: Moment) -> Timing {
        switch target {
        case .days(let n):
            return dayTiming(n, start: start, end: end)
        case .hours(let n):
            guard start.minute != nil, end.minute != nil else {
                let length = officeHours.workingLength
                return dayTiming((n * 60 + length - 1) / length, start: start, end: end)
            }
            let used = workingMinutes(from: start, to: end)
            let limit = n * 60
            return Timing(used: .minutes(used), target: .minutes(limit),
                          excess: used > limit ? .minutes(used - limit) : nil,
                          due: addingWorkingMinutes(limit, to: start))
        case .perScope:
            let used = Amount.days(workingDays(after: start.day, through: end.day))
            guard let agreedDue else { return Timing(used: used, target: nil, excess: nil, due: nil) }
            let over = workingDays(after: agreedDue, through: end.day)
            return Timing(used: used, target: .days(workingDays(after: start.day, through: agreedDue)),
                          excess: over > 0 ? .days(over) : nil, due: Moment(day: agreedDue))
        }
    }

    private func dayTiming(_ n: Int, start: Moment, end: Moment) -> Timing {
        let used = workingDays(after: start.day, through: end.day)
        return Timing(used: .days(used), target: .days(n), excess: used > n ? .days(used - n) : nil,
                      due: Moment(day: addingWorkingDays(n, to: start.day)))
    }
}
