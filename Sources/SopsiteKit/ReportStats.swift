import BusinessTime

/// The middle of a list of times, as the reports count it.
enum Median {
    /// The middle value once sorted; for an even count, the lower of the two middle values
    /// (of 7, 13, 16, 20 days: 13). Not the mean of the two: the figure is then always a time
    /// some case really took, in whole working days or minutes, with no rounding to explain.
    /// Nil for no values.
    static func of(_ values: [Int]) -> Int? {
        ofSorted(sorted(values))
    }

    /// The middle of values already in order.
    static func ofSorted(_ values: [Int]) -> Int? {
        values.isEmpty ? nil : values[(values.count - 1) / 2]
    }

    /// `values` in order. Times are whole days or minutes, a few hundred or thousand apart:
    /// counted into their places in one pass, where a comparison sort of 10,000 of them, for
    /// each step, was most of the reports' time after each edit in `serve`.
    static func sorted(_ values: [Int]) -> [Int] {
        guard let low = values.min(), let high = values.max(),
              case let (span, overflow) = high.subtractingReportingOverflow(low), !overflow,
              span <= 4 * values.count + 1024 else { return values.sorted() }
        var counts = [Int](repeating: 0, count: span + 1)
        for value in values { counts[value - low] += 1 }
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for (offset, count) in counts.enumerated() where count > 0 {
            out.append(contentsOf: repeatElement(low + offset, count: count))
        }
        return out
    }
}

/// How the cases that completed one step of an SOP went through it.
struct StepFigures: Sendable {
    /// What the step's times are counted in: working minutes for an hour step ("1 ชั่วโมง"),
    /// working days for every other step.
    enum Unit: Sendable { case days, minutes }

    let step: Step
    let unit: Unit
    /// Cases that completed the step (a step done twice after a loop back counts once).
    let through: Int
    /// Of those, the ones whose step had a target (a per-scope step needs an agreed due date).
    let withTarget: Int
    /// Of those with a target, the ones done within it.
    let onTime: Int
    /// The times taken in `unit`, sorted.
    let times: [Int]
    /// Cases of an hour step whose events have dates only: hours could not be counted, so they
    /// were timed in days; they count in `through` and `onTime`, not in the median or slowest.
    let unmeasured: Int

    /// Figures from every record of this step, whatever its status; only completed ones count.
    /// Each record's status and timing alone: a report reads 10,000 of them.
    init(step: Step, results: [(status: StepStatus, timing: Timing?)]) {
        self.step = step
        if case .hours = step.duration?.target { unit = .minutes } else { unit = .days }
        // One pass: after a step-done edit in `serve`, filtering 10,000 records four times per
        // step took most of the reports' time.
        var through = 0, withTarget = 0, onTime = 0
        var times: [Int] = []
        for result in results {
            switch result.status {
            case .doneOnTime: onTime += 1
            case .doneLate, .done: break
            default: continue
            }
            through += 1
            guard let timing = result.timing else { continue }
            if timing.target != nil { withTarget += 1 }
            switch (unit, timing.used) {
            case let (.days, .days(n)), let (.minutes, .minutes(n)): times.append(n)
            default: break
            }
        }
        (self.through, self.withTarget, self.onTime) = (through, withTarget, onTime)
        self.times = Median.sorted(times)
        unmeasured = through - times.count
    }

    var median: Amount? { Median.ofSorted(times).map(amount) }
    var slowest: Amount? { times.last.map(amount) }

    /// The share done on time in whole percent, rounded to the nearest (a half rounds up):
    /// 6 of 7 is 86%. Nil when no completed case had a target.
    var onTimePercent: Int? {
        guard withTarget > 0 else { return nil }
        return (onTime * 200 + withTarget) / (withTarget * 2)
    }

    private func amount(_ n: Int) -> Amount { unit == .days ? .days(n) : .minutes(n) }
}

/// Every figure of the reports page for one SOP at the build's as-of date.
struct ReportStats: Sendable {
    let sop: SOP
    /// Every step but the ongoing one, in the SOP's order.
    let steps: [StepFigures]
    /// By requesting unit, in the order of the units' names.
    let units: [(unit: String, counts: CaseCounts)]
    /// By fiscal year of the request, oldest first.
    let years: [(year: FiscalYear, counts: CaseCounts)]

    /// `cases` may include other SOPs' cases; only this SOP's are counted.
    init(sop: SOP, cases: [CaseView], calendar: WorkCalendar) {
        self.init(ReportColumns(sop: sop, views: cases, calendar: calendar))
    }

    init(_ columns: ReportColumns) {
        let sop = columns.sop
        self.sop = sop
        steps = sop.steps.indices.filter { !sop.steps[$0].ongoing }.map { StepFigures(step: sop.steps[$0], results: columns.results[$0]) }
        var units = Array(repeating: CaseCounts(), count: columns.unitNames.count), years: [FiscalYear: CaseCounts] = [:]
        for i in columns.ids.indices {
            units[columns.units[i]].add(columns.states[i], daysToHandover: columns.daysToHandover[i])
            years[columns.years[i], default: CaseCounts()].add(columns.states[i], daysToHandover: columns.daysToHandover[i])
        }
        self.units = zip(columns.unitNames, units).filter { $0.1.opened > 0 }.sorted { $0.0 < $1.0 }.map { ($0.0, $0.1) }
        self.years = years.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

extension ReportStats {
    /// Where time goes: the steps timed in days that some case completed, the one whose median
    /// is longest first; on a tie, the longer slowest first, then the SOP's order. Hour steps
    /// are left out rather than converted: a few minutes as a fraction of a day would only
    /// ever rank last, and a fraction is not a time anyone wrote down.
    var ranking: [StepFigures] {
        // A ranked step has times, so a median and a slowest.
        let ranked = steps.enumerated().filter { $0.element.unit == .days && !$0.element.times.isEmpty }.map {
            (order: $0.offset, figures: $0.element, median: Median.ofSorted($0.element.times)!, slowest: $0.element.times.last!)
        }
        // Longer median first, then longer slowest, then the earlier step.
        return ranked.sorted { a, b in (a.median, a.slowest, b.order) > (b.median, b.slowest, a.order) }.map(\.figures)
    }

    /// The hour steps the ranking leaves out, for the page to name them.
    var leftOutOfRanking: [StepFigures] { steps.filter { $0.unit == .minutes } }
}
