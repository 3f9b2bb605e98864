import BusinessTime

/// How one pass of a case through a step went, as the reports count it.
typealias StepResult = (status: StepStatus, timing: Timing?)

/// What the reports count of each case of one SOP, one array per figure, in the cases' id order:
/// counting 10,000 cases then reads a few arrays from start to end instead of 10,000 cases
/// scattered in memory (25 ms for the reports after each edit in `serve`, now a few). `serve`
/// keeps them up to date case by case (`replacing`).
struct ReportColumns: Sendable {
    let sop: SOP
    private(set) var ids: [String] = []
    private(set) var states: [CaseState] = []
    /// The requesting unit, as a number in `unitNames`.
    private(set) var units: [Int] = []
    private(set) var unitNames: [String] = []
    private var unitNumbers: [String: Int] = [:]
    private(set) var years: [FiscalYear] = []
    private(set) var daysToHandover: [Int?] = []
    /// The month of the request and of the handover (nil before it), as `Month` numbers.
    private(set) var openedMonths: [Int] = []
    private(set) var handoverMonths: [Int?] = []
    /// For each of the SOP's steps, each case's status and timing there (its latest pass).
    private(set) var results: [[StepResult]]
    /// For each step, each case's passes before the latest (a loop back): empty for almost all,
    /// and an empty array takes no memory of its own.
    private(set) var earlier: [[[StepResult]]]

    /// `views` may hold other SOPs' cases; only this SOP's are counted.
    init(sop: SOP, views: [CaseView], calendar: WorkCalendar) {
        self.sop = sop
        results = Array(repeating: [], count: sop.steps.count)
        earlier = Array(repeating: [], count: sop.steps.count)
        // Room for exactly these cases: appended one by one, each column would double as it
        // grew and keep up to half its room empty (14 MB at 10,000 cases in `serve`).
        reserveRoom(views.lazy.filter { $0.sop.code == sop.code }.count)
        for view in views where view.sop.code == sop.code { insert(view, at: ids.count, calendar: calendar) }
    }

    /// Room in every column for `total` cases.
    private mutating func reserveRoom(_ total: Int) {
        ids.reserveCapacity(total)
        states.reserveCapacity(total)
        units.reserveCapacity(total)
        years.reserveCapacity(total)
        daysToHandover.reserveCapacity(total)
        openedMonths.reserveCapacity(total)
        handoverMonths.reserveCapacity(total)
        for s in results.indices {
            results[s].reserveCapacity(total)
            earlier[s].reserveCapacity(total)
        }
    }

    /// With the case `id` replaced by `view` (nil: removed; a new id: added in id order).
    mutating func replacing(_ id: String, with view: CaseView?, calendar: WorkCalendar) {
        let low = ids.insertionIndex(of: id) { $0 }
        let found = low < ids.count && ids[low] == id
        switch (found, view.map { $0.sop.code == sop.code } ?? false) {
        case (true, true): set(view!, at: low, calendar: calendar)  // in place: no 10,000 entries moved
        case (true, false): remove(at: low)
        case (false, true): insert(view!, at: low, calendar: calendar)
        case (false, false): break
        }
    }

    private mutating func insert(_ view: CaseView, at i: Int, calendar: WorkCalendar) {
        // A case added in `serve` when the columns are full grows them by a little, not twice.
        if ids.count == ids.capacity { reserveRoom(ids.count + ids.count / 32 + 8) }
        ids.insert(view.c.id, at: i)
        states.insert(.inProgress, at: i)
        units.insert(0, at: i)
        years.insert(FiscalYear(year: 0), at: i)
        daysToHandover.insert(nil, at: i)
        openedMonths.insert(0, at: i)
        handoverMonths.insert(nil, at: i)
        for s in results.indices {
            results[s].insert((.notReached, nil), at: i)
            earlier[s].insert([], at: i)
        }
        set(view, at: i, calendar: calendar)
    }

    /// Entry `i` from `view`.
    private mutating func set(_ view: CaseView, at i: Int, calendar: WorkCalendar) {
        states[i] = view.progress.state
        if unitNumbers[view.c.unit] == nil {
            unitNumbers[view.c.unit] = unitNames.count
            unitNames.append(view.c.unit)
        }
        units[i] = unitNumbers[view.c.unit]!
        years[i] = FiscalYear(containing: view.c.opened.day)
        let handover = ReportColumns.handover(view, sop: sop)
        daysToHandover[i] = handover.map { calendar.workingDays(after: view.c.opened.day, through: $0) }
        openedMonths[i] = Month.number(view.c.opened.day)
        handoverMonths[i] = handover.map(Month.number)
        // Records follow the SOP's steps in order; look further only if they do not.
        view.progress.records.withUnsafeBufferPointer { records in
            for (s, step) in sop.steps.enumerated() {
                let r = s < records.count && records[s].step.id == step.id ? s : records.firstIndex { $0.step.id == step.id }
                results[s][i] = r.map { (records[$0].status, records[$0].timing) } ?? (.notReached, nil)
                let passes = r.map { records[$0].earlier } ?? []
                if !passes.isEmpty || !earlier[s][i].isEmpty { earlier[s][i] = passes.map { ($0.status, $0.timing) } }
            }
        }
    }

    private mutating func remove(at i: Int) {
        ids.remove(at: i)
        states.remove(at: i)
        units.remove(at: i)
        years.remove(at: i)
        daysToHandover.remove(at: i)
        openedMonths.remove(at: i)
        handoverMonths.remove(at: i)
        for s in results.indices {
            results[s].remove(at: i)
            earlier[s].remove(at: i)
        }
    }

    /// The day of the event of the SOP's last step before the ongoing one (SW01 step 8, the
    /// handover), for a case handed over; nil otherwise. The reports count working days from
    /// the request (`opened`) to it.
    static func handover(_ view: CaseView, sop: SOP) -> Day? {
        guard view.progress.state == .handedOver || view.progress.state == .maintenance,
              let handover = sop.steps.last(where: { !$0.ongoing }),
              let end = view.progress.records.first(where: { $0.step.id == handover.id })?.end
        else { return nil }
        return end.day
    }
}

/// A month as one number (year × 12 + month − 1), so that months count and sort as integers.
enum Month {
    static func number(_ day: Day) -> Int { day.year * 12 + day.month - 1 }
    static func first(_ number: Int) -> Day { Day(year: number / 12, month: number % 12 + 1, day: 1)! }
}
