import BusinessTime

/// A Thai government fiscal year: 1 October to 30 September, named after the year it ends in.
/// Fiscal year 2569 (BE) is FY 2026: 1 Oct 2025 – 30 Sep 2026.
struct FiscalYear: Sendable, Hashable, Comparable {
    /// The Gregorian year it ends in.
    let year: Int

    init(year: Int) { self.year = year }

    /// The fiscal year a day falls in: October to December belong to the next year's.
    init(containing day: Day) { year = day.month >= 10 ? day.year + 1 : day.year }

    var buddhistYear: Int { year + 543 }

    /// The first and the last day.
    var first: Day { Day(year: year - 1, month: 10, day: 1)! }
    var last: Day { Day(year: year, month: 9, day: 30)! }

    static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.year < b.year }
}

/// The cases of one group (a requesting unit, a fiscal year) by how they stand at the as-of date.
struct CaseCounts: Sendable, Equatable {
    /// Every case of the group: each is in exactly one of handed over, rejected and open.
    var opened = 0
    /// Handed over, including those now in maintenance (the ongoing step has events).
    var handedOver = 0
    var rejected = 0
    /// Still moving through the SOP: in progress or overdue.
    var open = 0
    /// Of the open ones, those past their current step's target.
    var overdue = 0
    /// Working days from request to handover, one per handed-over case, in the order added.
    var daysToHandover: [Int] = []

    mutating func add(_ state: CaseState, daysToHandover days: Int?) {
        opened += 1
        switch state {
        case .handedOver, .maintenance: handedOver += 1
        case .rejected: rejected += 1
        case .inProgress: open += 1
        case .overdue: open += 1; overdue += 1
        }
        if let days { daysToHandover.append(days) }
    }

    /// The median working days from request to handover (lower middle for an even count);
    /// nil when no case of the group has been handed over.
    var medianDaysToHandover: Int? { Median.of(daysToHandover) }
}

extension Words {
    /// "ปีงบประมาณ 2569" in Thai, "FY 2026" in English.
    func fiscalYear(_ fy: FiscalYear) -> String {
        fill("reports_fiscal_year", ["year": String(dayStyle == .thai ? fy.buddhistYear : fy.year)])
    }

    /// "1 ต.ค. 2568 – 30 ก.ย. 2569".
    func fiscalYearSpan(_ fy: FiscalYear) -> String { "\(day(fy.first)) – \(day(fy.last))" }
}
