import BusinessTime
@testable import SopsiteKit
import XCTest

final class HolidaysTests: XCTestCase {
    func load(_ text: String) throws -> (Holidays, [String]) {
        let folder = try temporaryFolder(self)
        try write(["holidays.yaml": text], in: folder)
        var diagnostics = Diagnostics()
        let holidays = Holidays.load(folder + "/holidays.yaml", &diagnostics)
        return (holidays, diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder + "/", with: "") })
    }

    func testTheShippedFileCoversEveryYearFrom2021To2026() throws {
        var diagnostics = Diagnostics()
        let holidays = Holidays.load(Repo.root + "/content/holidays.yaml", &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(holidays.lastYear, 2026)
        for year in 2021...2026 {
            let days = holidays.days.filter { $0.year == year }
            XCTAssertGreaterThanOrEqual(days.count, 15, "\(year)")
            XCTAssertTrue(days.contains(Day(year: year, month: 1, day: 1)!), "New Year \(year)")
            XCTAssertTrue(days.contains(Day(year: year, month: 4, day: 13)!), "Songkran \(year)")
        }
        XCTAssertEqual(holidays.names[Day(iso: "2025-04-14")!]?.contains("สงกรานต์"), true)
    }

    func testMistakesAreErrors() throws {
        let (_, messages) = try load("""
        2025:
          - {date: 2025-01-01, name: วันขึ้นปีใหม่}
          - {date: 2026-01-02, name: ผิดปี}
          - {date: 2025-01-01, name: ซ้ำ}
          - {date: 2025-02-30, name: ไม่มีวันนี้}
        25x: []
        """)
        XCTAssertEqual(messages, [
            "holidays.yaml:3:12: error: 2026-01-02 is listed under 2025",
            "holidays.yaml:4:12: error: 2025-01-01 is listed twice (also as วันขึ้นปีใหม่); give one entry both names",
            "holidays.yaml:5:12: error: 'date' must be a date that exists, written YYYY-MM-DD or YYYY-MM-DD HH:MM, not \"2025-02-30\"",
            "holidays.yaml:6:1: error: '25x' must be a Gregorian year such as 2025",
        ])
    }

    func testACaseRunningPastTheLastYearIsAWarning() throws {
        let folder = try temporaryFolder(self)
        try write([
            "content/site.yaml": try String(contentsOfFile: Repo.root + "/content/site.yaml", encoding: .utf8),
            "content/sops/SW01.md": try String(contentsOfFile: Repo.root + "/content/sops/SW01.md", encoding: .utf8),
            "content/holidays.yaml": "2025:\n  - {date: 2025-01-01, name: วันขึ้นปีใหม่}\n",
            "content/cases/C1/index.md": "---\nsop: SW01\ntitle: t\nunit: u\nopened: 2025-12-29\nevents: []\n---\n",
        ], in: folder)
        let warnings = try Build.run(BuildOptions(contentFolder: folder + "/content", outputFolder: folder + "/public",
                                                  themeFolder: Repo.root + "/themes/default", asOf: Day(iso: "2026-01-05")!))
        XCTAssertEqual(warnings.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }, [
            "content/cases/C1/index.md:2:1: warning: the case runs into 2026, past the last year holidays.yaml covers (2025); add that year's holidays, or its working days count none",
        ])
    }
}
