import BusinessTime
import Foundation
import GoldenFile
@testable import SopsiteKit
import XCTest

/// The case page's Gantt chart (Fixtures/gantt-site, as of Friday 27 March 2026): GT-01 has a
/// step of every kind, GT-02 was handed over on 12 March.
final class CaseGanttTests: XCTestCase {
    static let asOf = Day(iso: "2026-03-27")!
    static let out: String = {
        let out = NSTemporaryDirectory() + "sopsite-gantt-" + UUID().uuidString
        try! Build.run(BuildOptions(contentFolder: Repo.fixture("gantt-site"), outputFolder: out,
                                    themeFolder: Repo.root + "/themes/default", asOf: asOf))
        return out
    }()

    /// The chart as the case page has it, from `<svg` to `</svg>`.
    func chart(_ id: String) throws -> String {
        let page = try String(contentsOfFile: Self.out + "/cases/\(id)/index.html", encoding: .utf8)
        let start = try XCTUnwrap(page.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\""))
        let end = try XCTUnwrap(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// Each row's group, in order.
    func rows(_ svg: String) -> [String] {
        svg.components(separatedBy: "<g class=\"gantt-row ").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    func testEveryKindOfStepMatchesItsGoldenSVG() throws {
        assertGolden(try chart("GT-01"), named: "gantt/GT-01.svg")
        assertGolden(try chart("GT-02"), named: "gantt/GT-02.svg")
    }

    func testOneRowPerStepAndOnePerPassOfARepeatedStep() throws {
        let svg = try chart("GT-01")
        XCTAssertEqual(rows(svg), [
            "status-done-on-time\"", "status-done-late\"", "status-done-on-time\"", "status-done-late\"",
            "status-done-on-time\"", "status-done-on-time\"", "status-done-late\"", "status-overdue\"", "status-not-reached\"",
        ])
        XCTAssertTrue(svg.contains("<tspan x=\"8\" y=\"150.5\">3 จัดทำขอบเขตงาน</tspan><tspan x=\"8\" y=\"165.5\">รอบที่ 1</tspan>")
                      || svg.contains(">รอบที่ 1</tspan>"), "a pass is named by its round")
        XCTAssertTrue(svg.contains(">รอบที่ 2</tspan>"))
        XCTAssertTrue(svg.contains(">ยังไม่ถึงขั้นตอนนี้</text>"), "a step not reached says so where its bar would be")
    }

    func testLatePartsAreColouredAndHatchedAndTheLegendSaysSo() throws {
        let svg = try chart("GT-01")
        // Step 2 (an hour target), step 3's second pass, step 5 (per scope, agreed date), step 6 (overdue).
        XCTAssertEqual(svg.components(separatedBy: "fill=\"url(#gantt-late)\" stroke=\"#b82e00\"").count - 1, 4 + 1,
                       "four late parts, and the legend's swatch")
        XCTAssertTrue(svg.contains("<pattern id=\"gantt-late\""))
        XCTAssertTrue(svg.contains(">ส่วนที่เกินกำหนด</text>"))
        // Handed over on time everywhere it had a target: no late part, no hatching in the legend.
        let handedOver = try chart("GT-02")
        XCTAssertFalse(handedOver.contains("fill=\"url(#gantt-late)\" stroke"))
        XCTAssertFalse(handedOver.contains(">ส่วนที่เกินกำหนด</text>"))
        XCTAssertTrue(handedOver.contains(">เสร็จแล้ว</text>"), "per scope without a date: done, in grey, in the legend")
    }

    func testWeekendsAndHolidaysAreShadedAndTheAsOfDayIsALine() throws {
        let svg = try chart("GT-01")
        let shading = svg.components(separatedBy: "fill=\"#e6e9ed\"/>").count - 1
        // 2 to 27 March: three weekends, the one before the holiday of Monday 16 March three days wide
        // (CaseGanttModelTests).
        XCTAssertEqual(shading, 3, "three runs of days off (the legend's swatch has a border)")
        XCTAssertTrue(svg.contains(">ข้อมูล ณ 27 มี.ค. 2569</text>"))
        XCTAssertTrue(svg.contains("stroke=\"#1b1f24\" stroke-width=\"2\"/>"), "the as-of line")
        // GT-02 ended on 12 March: the chart ends there, with no as-of line.
        XCTAssertFalse(try chart("GT-02").contains("ข้อมูล ณ"))
    }

    func testTheChartHasATitleAndADescriptionOfEveryRow() throws {
        let svg = try chart("GT-01")
        XCTAssertTrue(svg.contains("role=\"img\" aria-labelledby=\"gantt-title gantt-desc\""))
        XCTAssertTrue(svg.contains("<title id=\"gantt-title\">แผนภูมิเวลาการดำเนินงานของคำขอ GT-01</title>"))
        let desc = try XCTUnwrap(svg.range(of: "<desc id=\"gantt-desc\">[^<]*</desc>", options: .regularExpression)).lowerBound
        let text = String(svg[desc...].prefix { $0 != "\n" })
        XCTAssertTrue(text.contains("6 ทดสอบการใช้งาน: เกินกำหนด, เกินกำหนด 2 วันทำการ"), text)
        XCTAssertTrue(text.contains("3 จัดทำขอบเขตงาน รอบที่ 2: เสร็จล่าช้า"), text)
        XCTAssertTrue(text.contains("7 ส่งมอบระบบ: ยังไม่ถึงขั้นตอนนี้"), text)
    }

    func testThePageShowsTheChartOverTheListAndLeavesItOutOfSearch() throws {
        let page = try String(contentsOfFile: Self.out + "/cases/GT-01/index.html", encoding: .utf8)
        let figure = try XCTUnwrap(page.range(of: "<figure class=\"case-gantt\" data-pagefind-ignore>")).lowerBound
        let list = try XCTUnwrap(page.range(of: "<ol class=\"timeline\">")).lowerBound
        XCTAssertLessThan(figure, list)
    }
}

/// The chart's rows worked out apart from drawing.
final class CaseGanttModelTests: XCTestCase {
    let calendar = WorkCalendar(holidays: [Day(iso: "2026-03-16")!], officeHours: .standard)

    /// Parts of charts kept (`GanttParts`: the shaded days, the legend, the hatching) and written
    /// again give each chart the bytes it has drawn on its own, whatever was drawn before it.
    func testAChartWithPartsKeptIsTheChartDrawnAlone() throws {
        var diagnostics = Diagnostics()
        let content = try XCTUnwrap(Content.load(from: Repo.fixture("gantt-site"), &diagnostics))
        let theme = try XCTUnwrap(Theme.load(path: Repo.root + "/themes/default", &diagnostics))
        let words = Words(strings: try XCTUnwrap(theme.strings[.th]), dayStyle: .thai)
        let sops = Content.byCode(content.sops)
        // Each case as of its own day and a week later: charts that share some parts and not others.
        var charts: [(id: String, sop: SOP, gantt: CaseGantt)] = []
        for asOf in [CaseGanttTests.asOf, CaseGanttTests.asOf.adding(days: 7)] {
            for c in content.cases {
                let progress = try XCTUnwrap(Following(content, asOf: asOf).follow(c, sops: sops, &diagnostics))
                charts.append((c.id, try XCTUnwrap(sops[c.sop]), CaseGantt(progress, opened: c.opened, asOf: asOf, calendar: calendar)))
            }
        }
        XCTAssertGreaterThan(charts.count, 4)
        let alone = charts.map { $0.gantt.svg(caseID: $0.id, texts: CaseGantt.texts($0.sop, words: words), words: words) }
        let shared = CaseGantt.texts(charts[0].sop, words: words)
        for order in [Array(charts.indices), charts.indices.reversed(), Array(charts.indices)] {
            for i in order {
                XCTAssertEqual(String(decoding: charts[i].gantt.svg(caseID: charts[i].id, texts: shared, words: words), as: UTF8.self),
                               String(decoding: alone[i], as: UTF8.self), "\(charts[i].id)")
            }
        }
    }

    func testADateAloneIsTheEndOfItsDayAndATimeItsMinute() throws {
        var diagnostics = Diagnostics()
        let content = try XCTUnwrap(Content.load(from: Repo.fixture("gantt-site"), &diagnostics))
        let following = Following(content, asOf: CaseGanttTests.asOf)
        let c = try XCTUnwrap(content.cases.first { $0.id == "GT-01" })
        let progress = try XCTUnwrap(following.follow(c, sops: Content.byCode(content.sops), &diagnostics))
        let gantt = CaseGantt(progress, opened: c.opened, asOf: CaseGanttTests.asOf, calendar: calendar)
        XCTAssertEqual(gantt.first, Day(iso: "2026-03-02"))
        XCTAssertEqual(gantt.days, 26, "2 to 27 March")
        XCTAssertEqual(gantt.asOf, 26, "the end of the as-of day")
        // Step 1: opened 09:00, done 10:00 the same day, due the end of the next working day.
        XCTAssertEqual(gantt.rows[0].start!, 9.0 / 24, accuracy: 1e-9)
        XCTAssertEqual(gantt.rows[0].end!, 10.0 / 24, accuracy: 1e-9)
        XCTAssertEqual(gantt.rows[0].due, 2)
        // Step 3, first pass: from 14:30 on 2 March to the end of 4 March.
        XCTAssertEqual(gantt.rows[2].end, 3)
        // Step 6 runs: its bar ends at the as-of line, late from its due date (25 March).
        XCTAssertTrue(gantt.rows[7].running)
        XCTAssertEqual(gantt.rows[7].late(asOf: gantt.asOf), 24...26)
        XCTAssertEqual(gantt.nonWorking, [5..<7, 12..<15, 19..<21])
    }
}
