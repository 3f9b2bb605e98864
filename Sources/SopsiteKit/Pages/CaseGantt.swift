import BusinessTime

/// A case's timeline as a Gantt chart, worked out apart from drawing (`CaseGantt+SVG`): one row
/// per step, one per pass of a step done more than once; each with its planned window (from its
/// start to its due date) and its actual bar (from its start to its completion, or to the end of
/// the as-of day while it runs). Positions are in days from the chart's first day: a moment with
/// a time at its minute, a date alone at the end of that day, as `WorkCalendar.timing` counts
/// (a step done on the day it started has used no day).
struct CaseGantt {
    struct Row {
        /// The step's id: rows of one step share it.
        var step: String
        /// The step's place in the SOP (where its label is).
        var place: Int
        /// Which pass, from 1, for a step done more than once; nil for a step's only row.
        var round: Int?
        var status: StepStatus
        var start: Double? = nil
        /// Nil while the pass runs (its bar ends at the as-of line) or when it never started.
        var end: Double? = nil
        var due: Double? = nil
        /// What the row says in words (for the chart's description).
        var timing: Timing?

        var running: Bool { start != nil && end == nil }
        /// Where the actual bar ends: its completion, or the end of the as-of day.
        func finish(asOf: Double) -> Double? { start == nil ? nil : end ?? asOf }
        /// The late part of the actual bar: past the due date.
        func late(asOf: Double) -> ClosedRange<Double>? {
            guard timing?.isLate == true, let due, let finish = finish(asOf: asOf), finish > due else { return nil }
            return max(due, start ?? due)...finish
        }
    }

    let first: Day
    /// Calendar days shown, the first day's included.
    let days: Int
    let rows: [Row]
    /// The end of the as-of day, in days from the first day; the as-of line is drawn when it is
    /// inside the chart.
    let asOf: Double
    /// The days that are not working days (weekends and holidays), in runs: offsets from `first`;
    /// none in a chart longer than `shadedDays`.
    let nonWorking: [Range<Int>]
    static let shadedDays = 366

    var showsAsOf: Bool { asOf > 0 && asOf <= Double(days) }

    /// `progress` at `asOf`; holidays from `calendar`. A chart always shows at least a week.
    init(_ progress: CaseProgress, opened: Moment, asOf: Day, calendar: WorkCalendar) {
        // Each row with its moments first: positions count from the earliest of them.
        var made: [Made] = []
        made.reserveCapacity(progress.records.count)
        for i in progress.records.indices { Self.add(progress.records, i, to: &made) }
        var firstDay = opened.day, lastDay = opened.day
        func widen(_ moment: Moment?) {
            guard let moment else { return }
            firstDay = min(firstDay, moment.day)
            lastDay = max(lastDay, moment.day)
        }
        for m in made {
            widen(m.start)
            widen(m.end)
            widen(m.due)
            if m.start != nil, m.end == nil { lastDay = max(lastDay, asOf) }
        }
        if lastDay.dayNumber - firstDay.dayNumber < 6 { lastDay = firstDay.adding(days: 6) }
        first = firstDay
        days = lastDay.dayNumber - firstDay.dayNumber + 1
        func position(_ m: Moment?) -> Double? {
            guard let m else { return nil }
            let offset = Double(m.day.dayNumber - firstDay.dayNumber)
            return offset + (m.minute.map { Double($0) / 1440 } ?? 1)
        }
        rows = made.map { m in
            var row = m.row
            row.start = position(m.start)
            row.end = position(m.end)
            row.due = position(m.due)
            return row
        }
        self.asOf = Double(asOf.dayNumber - firstDay.dayNumber + 1)
        var runs: [Range<Int>] = []
        // Over a year a day is under 2 px wide: shading would only stripe the chart.
        let firstNumber = firstDay.dayNumber
        for offset in 0..<(days <= Self.shadedDays ? days : 0) where !calendar.isWorkingDay(dayNumber: firstNumber + offset) {
            if let last = runs.last, last.upperBound == offset {
                runs[runs.count - 1] = last.lowerBound..<offset + 1
            } else {
                runs.append(offset..<offset + 1)
            }
        }
        nonWorking = runs
    }

    /// A row with its moments, before positions are counted from the earliest of them.
    private typealias Made = (row: Row, start: Moment?, end: Moment?, due: Moment?)

    /// The rows of one step: its only pass (a step not reached or skipped has a row and no
    /// bar), or one per pass of a step done more than once.
    /// Record `i` is read field by field where it lies in `records`: passed as a value, even
    /// `borrowing`, a record was copied, counting a reference for each text of its step.
    private static func add(_ records: [StepRecord], _ i: Int, to made: inout [Made]) {
        let status = records[i].status
        guard !records[i].earlier.isEmpty else {
            let started = status.isPass || status == .ongoing
            made.append((Row(step: records[i].step.id, place: i, round: nil, status: status, timing: records[i].timing),
                         started ? records[i].start : nil, started ? records[i].end : nil, records[i].timing?.due))
            return
        }
        for (n, pass) in records[i].passes.enumerated() {
            made.append((Row(step: records[i].step.id, place: i, round: n + 1, status: pass.status, timing: pass.timing),
                         pass.start, pass.end, pass.timing?.due))
        }
    }

    /// The first day of each month after the chart's first day that `named(month, year)`
    /// picks, with its offset: where the axis names a month. Only the months picked are made
    /// days (a chart of a case open for years passes over tens of months, for each of 10,000).
    func monthStarts(_ named: (_ month: Int, _ year: Int) -> Bool) -> [(offset: Int, day: Day)] {
        var starts: [(offset: Int, day: Day)] = []
        let firstNumber = first.dayNumber
        let last = Month.number(first.adding(days: days - 1))
        var month = Month.number(first) + 1
        while month <= last {
            if named(month % 12 + 1, month / 12) {
                let day = Month.first(month)
                starts.append((day.dayNumber - firstNumber, day))
            }
            month += 1
        }
        return starts
    }
}
