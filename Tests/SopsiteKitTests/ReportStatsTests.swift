import BusinessTime
@testable import SopsiteKit
import XCTest

/// Every figure of the reports for `Fixtures/reports-site` as of 2026-03-20, counted by hand.
/// Two units: คณะวิศวกรรมศาสตร์ and กองคลัง.
/// Working days skip weekends and the holidays listed in the fixture's holidays.yaml.
///
/// | case | opened     | FY   | state        | step times (working days; step 2 in minutes)      | to handover |
/// |------|------------|------|--------------|---------------------------------------------------|-------------|
/// | R-01 | 2024-11-04 | 2568 | handed over  | 0, 30m, 2, 1, 5, 24, 13, 2        all on time     | 47          |
/// | R-02 | 2025-04-09 | 2568 | maintenance  | 2L, 120mL, 3L, 1, 9, 45L, 7, 4L                   | 71          |
/// | R-03 | 2025-06-02 | 2568 | rejected     | 0, 45m, 2 (answer no)                             |             |
/// | R-04 | 2025-09-29 | 2568 | handed over  | 0, (1 day: no times), 2, 1, 8, 44, 20L, 2         | 78          |
/// | R-05 | 2025-10-06 | 2569 | handed over  | 0, 30m, 2, 2, 9L, 65, 16, 1                       | 95          |
/// | R-06 | 2026-03-02 | 2569 | in progress  | 0, 50m, 2, 1, at step 5 (due 3 Apr)               |             |
/// | R-07 | 2026-03-09 | 2569 | overdue      | 0, 180mL, at step 3 (8 days of 2)                 |             |
///
/// (L: late.) Holidays that count: R-02 step 3 skips 14–15 Apr 2025; R-01 step 6 skips 5 and
/// 10 Dec 2024; R-05 step 5 skips 13 and 23 Oct 2025.
final class ReportStatsTests: XCTestCase {
    static let asOf = Day(iso: "2026-03-20")!

    func stats() throws -> ReportStats {
        var diagnostics = Diagnostics()
        let (content, progress) = try loadFollowed(Repo.fixture("reports-site"), asOf: Self.asOf, &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(progress.count, 7)
        let sop = try XCTUnwrap(content.sop("SW01"))
        let words = Words(strings: [:], dayStyle: .thai)
        let cases = content.cases.map { CaseView(c: $0, sop: sop, progress: progress[$0.id]!, words: words, baseURL: "") }
        return ReportStats(sop: sop, cases: cases, calendar: content.calendar)
    }

    /// (through, with target, on time, percent, median, slowest, unmeasured) per step, 1 to 8.
    func testPerStepFigures() throws {
        let steps = try stats().steps
        XCTAssertEqual(steps.map(\.step.id), ["1", "2", "3", "4", "5", "6", "7", "8"], "the ongoing step 9 is left out")
        typealias Row = (through: Int, target: Int, onTime: Int, percent: Int?, median: Amount?, slowest: Amount?, unmeasured: Int)
        let expected: [Row] = [
            // 1: all seven; only R-02 late (2 days). Times 0,0,0,0,0,0,2.
            (7, 7, 6, 86, .days(0), .days(2), 0),
            // 2: all seven; R-02 (120m) and R-07 (180m) late; R-04 timed in days (on time).
            //    Minutes 30,30,45,50,120,180: the lower middle is 45 (the mean would be 47.5).
            (7, 7, 5, 71, .minutes(45), .minutes(180), 1),
            // 3: all but R-07 (at it); R-02 late (3 days). Times 2,2,2,2,2,3.
            (6, 6, 5, 83, .days(2), .days(3), 0),
            // 4: 1,1,1,2,1 days, all within 2.
            (5, 5, 5, 100, .days(1), .days(2), 0),
            // 5: R-01 5, R-02 9, R-04 8, R-05 9 (late: due 24 Oct, done 27 Oct). Sorted 5,8,9,9.
            (4, 4, 3, 75, .days(8), .days(9), 0),
            // 6: R-01 24, R-02 45 (late), R-04 44, R-05 65. Sorted 24,44,45,65.
            (4, 4, 3, 75, .days(44), .days(65), 0),
            // 7: R-01 13, R-02 7, R-04 20 (late), R-05 16. Sorted 7,13,16,20: lower middle 13.
            (4, 4, 3, 75, .days(13), .days(20), 0),
            // 8: R-01 2, R-02 4 (late), R-04 2, R-05 1. Sorted 1,2,2,4.
            (4, 4, 3, 75, .days(2), .days(4), 0),
        ]
        for (f, e) in zip(steps, expected) {
            let id = "step \(f.step.id)"
            XCTAssertEqual(f.through, e.through, id)
            XCTAssertEqual(f.withTarget, e.target, id)
            XCTAssertEqual(f.onTime, e.onTime, id)
            XCTAssertEqual(f.onTimePercent, e.percent, id)
            XCTAssertEqual(f.median, e.median, id)
            XCTAssertEqual(f.slowest, e.slowest, id)
            XCTAssertEqual(f.unmeasured, e.unmeasured, id)
        }
        XCTAssertEqual(steps[1].times, [30, 30, 45, 50, 120, 180])
        XCTAssertEqual(steps[5].times, [24, 44, 45, 65])
    }

    func testPerUnitRows() throws {
        let units = try stats().units
        // Sorted by name: ก (กองคลัง) comes before ค (คณะ...).
        XCTAssertEqual(units.map(\.unit), ["กองคลัง", "คณะวิศวกรรมศาสตร์"])
        // กองคลัง: R-03 rejected, R-04 handed over (78 days), R-06 in progress.
        XCTAssertEqual(units[0].counts, CaseCounts(opened: 3, handedOver: 1, rejected: 1, open: 1, overdue: 0,
                                                   daysToHandover: [78]))
        XCTAssertEqual(units[0].counts.medianDaysToHandover, 78)
        // คณะวิศวกรรมศาสตร์: R-01 (47), R-02 in maintenance (71), R-05 (95) handed over; R-07 overdue.
        XCTAssertEqual(units[1].counts.opened, 4)
        XCTAssertEqual(units[1].counts.handedOver, 3)
        XCTAssertEqual(units[1].counts.rejected, 0)
        XCTAssertEqual(units[1].counts.open, 1)
        XCTAssertEqual(units[1].counts.overdue, 1)
        XCTAssertEqual(units[1].counts.daysToHandover.sorted(), [47, 71, 95])
        XCTAssertEqual(units[1].counts.medianDaysToHandover, 71)
    }

    func testPerFiscalYearRows() throws {
        let years = try stats().years
        XCTAssertEqual(years.map(\.year.buddhistYear), [2568, 2569])
        // 2568 (1 Oct 2024 – 30 Sep 2025): and R-04 (opened 29 Sep 2025, handed
        // over in 2569: it counts where it was opened).
        let fy2568 = years[0].counts
        XCTAssertEqual([fy2568.opened, fy2568.handedOver, fy2568.rejected, fy2568.open, fy2568.overdue], [4, 3, 1, 0, 0])
        XCTAssertEqual(fy2568.daysToHandover.sorted(), [47, 71, 78])
        XCTAssertEqual(fy2568.medianDaysToHandover, 71)
        // 2569: R-05 handed over (95), R-06 in progress, R-07 overdue.
        let fy2569 = years[1].counts
        XCTAssertEqual([fy2569.opened, fy2569.handedOver, fy2569.rejected, fy2569.open, fy2569.overdue], [3, 1, 0, 2, 1])
        XCTAssertEqual(fy2569.medianDaysToHandover, 95)
    }

    /// Day steps by median, longest first; 3 and 8 tie at 2 days and 8's slowest (4) is longer.
    func testWhereTimeGoes() throws {
        let s = try stats()
        XCTAssertEqual(s.ranking.map(\.step.id), ["6", "7", "5", "8", "3", "4", "1"])
        XCTAssertEqual(s.ranking.map { Median.of($0.times) }, [44, 13, 8, 2, 2, 1, 0])
        XCTAssertEqual(s.leftOutOfRanking.map(\.step.id), ["2"], "the hour step is not ranked")
    }

    func testMedianTakesTheLowerMiddleOfAnEvenCount() {
        XCTAssertNil(Median.of([]))
        XCTAssertEqual(Median.of([5]), 5)
        XCTAssertEqual(Median.of([20, 7, 16, 13]), 13, "sorted 7, 13, 16, 20: not 14.5")
        XCTAssertEqual(Median.of([1, 2]), 1)
        XCTAssertEqual(Median.of([3, 1, 2]), 2)
        // Counted into place or compared, the order is the same; negative and far-apart times too.
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let spread = [3, 50, 4000, 1_000_000][round % 4]
            let values = (0..<Int.random(in: 0...300, using: &generator)).map { _ in Int.random(in: -5...spread, using: &generator) }
            XCTAssertEqual(Median.sorted(values), values.sorted())
            XCTAssertEqual(Median.of(values), values.isEmpty ? nil : values.sorted()[(values.count - 1) / 2])
        }
        XCTAssertEqual(Median.of([9, 9, 0, 0, 0, 9]), 0)
    }

    func testFiscalYearStartsOnTheFirstOfOctober() {
        XCTAssertEqual(FiscalYear(containing: Day(iso: "2025-09-30")!).buddhistYear, 2568)
        XCTAssertEqual(FiscalYear(containing: Day(iso: "2025-10-01")!).buddhistYear, 2569)
        XCTAssertEqual(FiscalYear(containing: Day(iso: "2026-09-30")!).year, 2026)
        let fy = FiscalYear(year: 2026)
        XCTAssertEqual("\(fy.first) \(fy.last)", "2025-10-01 2026-09-30")
        let thai = Words(strings: ["reports_fiscal_year": "ปีงบประมาณ {year}"], dayStyle: .thai)
        let english = Words(strings: ["reports_fiscal_year": "FY {year}"], dayStyle: .english)
        XCTAssertEqual(thai.fiscalYear(fy), "ปีงบประมาณ 2569")
        XCTAssertEqual(english.fiscalYear(fy), "FY 2026")
        XCTAssertEqual(thai.fiscalYearSpan(fy), "1 ต.ค. 2568 – 30 ก.ย. 2569")
    }
}
