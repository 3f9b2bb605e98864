import BusinessTime

/// How the cases that completed one step of an SOP went through it.
struct StepFigures: Sendable {
    /// What the step's times are counted in: working minutes for an hour step ("1 ชั่วโมง"),
    /// working days for every other step.
    enum Unit: Sendable { case days, minutes }

    let step: Step
    let unit: Unit
    /// Passes completed: a case that did the step twice (a loop back) counts twice.
    let through: Int
    /// Of those, the ones whose step had a target (a per-scope step needs an agreed due date).
    let withTarget: Int
    /// Of those with a target, the ones done within it.
    let onTime: Int
    /// The times taken in `unit`, sorted.
    let times: [Int]
    /// Passes of an hour step whose events have dates only: hours could not be counted, so they
    /// were timed in days; they count in `through` and `onTime`, not in the median or slowest.
    let unmeasured: Int
    /// How many times each case that reached the step went through it (the running pass
    /// included), sorted; empty unless some case went through it more than once.
    let rounds: [Int]

    /// Figures from every case's passes through this step, whatever their status; only
    /// completed ones count. Each pass's status and timing alone: a report reads 10,000 of them.
    init(step: Step, results: [StepResult], earlier: [[StepResult]] = []) {
        self.step = step
        let unit: Unit
        if case .hours = step.duration?.target { unit = .minutes } else { unit = .days }
        self.unit = unit
        // One pass: after a step-done edit in `serve`, filtering 10,000 records four times per
        // step took most of the reports' time.
        var through = 0, withTarget = 0, onTime = 0
        var times: [Int] = []
        func count(_ result: StepResult) {
            switch result.status {
            case .doneOnTime: onTime += 1
            case .doneLate, .done: break
            default: return
            }
            through += 1
            guard let timing = result.timing else { return }
            if timing.target != nil { withTarget += 1 }
            switch (unit, timing.used) {
            case let (.days, .days(n)), let (.minutes, .minutes(n)): times.append(n)
            default: break
            }
        }
        for result in results { count(result) }
        var looped = false
        for passes in earlier where !passes.isEmpty {
            looped = true
            for pass in passes { count(pass) }
        }
        (self.through, self.withTarget, self.onTime) = (through, withTarget, onTime)
        self.times = Median.sorted(times)
        unmeasured = through - times.count
        rounds = looped ? StepFigures.rounds(results, earlier) : []
    }

    /// Each case's count of passes, for the cases that reached the step.
    private static func rounds(_ results: [StepResult], _ earlier: [[StepResult]]) -> [Int] {
        Median.sorted(results.indices.compactMap { i in
            let n = earlier[i].count + (results[i].status.isPass ? 1 : 0)
            return n > 0 ? n : nil
        })
    }

    /// The median number of rounds and the most, for a step some case went through more than once.
    var medianRounds: Int? { Median.ofSorted(rounds) }
    var mostRounds: Int? { rounds.last }

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
    /// Cases requested and handed over, by month (`Month` numbers); months with neither left out.
    let months: [Int: (opened: Int, handedOver: Int)]

    /// `cases` may include other SOPs' cases; only this SOP's are counted.
    init(sop: SOP, cases: [CaseView], calendar: WorkCalendar) {
        self.init(ReportColumns(sop: sop, views: cases, calendar: calendar))
    }

    init(_ columns: ReportColumns) {
        let sop = columns.sop
        self.sop = sop
        steps = sop.steps.indices.filter { !sop.steps[$0].ongoing }.map { StepFigures(step: sop.steps[$0], results: columns.results[$0], earlier: columns.earlier[$0]) }
        var units = Array(repeating: CaseCounts(), count: columns.unitNames.count), years: [FiscalYear: CaseCounts] = [:]
        for i in columns.ids.indices {
            units[columns.units[i]].add(columns.states[i], daysToHandover: columns.daysToHandover[i])
            years[columns.years[i], default: CaseCounts()].add(columns.states[i], daysToHandover: columns.daysToHandover[i])
        }
        self.units = zip(columns.unitNames, units).filter { $0.1.opened > 0 }.sorted { $0.0 < $1.0 }.map { ($0.0, $0.1) }
        self.years = years.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var months: [Int: (opened: Int, handedOver: Int)] = [:]
        for i in columns.ids.indices {
            months[columns.openedMonths[i], default: (0, 0)].opened += 1
            if let handover = columns.handoverMonths[i] { months[handover, default: (0, 0)].handedOver += 1 }
        }
        self.months = months
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
