import BusinessTime
import Foundation
import GoldenFile
import SVG
@testable import SopsiteKit
import ThaiWords
import XCTest

/// `/reports/` as built: the sample portal as of 2026-11-27 and the hand-counted fixture.
final class ReportsPageTests: XCTestCase {
    static func build(_ content: String, asOf: Day, language: Language? = nil) -> String {
        let out = NSTemporaryDirectory() + "sopsite-reports-" + UUID().uuidString
        try! Build.run(BuildOptions(contentFolder: content, outputFolder: out + "/public",
                                    themeFolder: Repo.root + "/themes/default", language: language, asOf: asOf))
        let html = try! String(contentsOfFile: out + "/public/reports/index.html", encoding: .utf8)
        try? FileManager.default.removeItem(atPath: out)
        return html
    }

    static let sample = build(Repo.root + "/content", asOf: Repo.asOf)
    static let fixture = build(Repo.fixture("reports-site"), asOf: ReportStatsTests.asOf)

    /// The text between `start` and the next `end`, for each occurrence of `start`.
    func pieces(_ html: String, from start: String, to end: String) -> [Substring] {
        var result: [Substring] = [], rest = html[...]
        while let a = rest.range(of: start), let b = rest[a.upperBound...].range(of: end) {
            result.append(rest[a.lowerBound..<b.upperBound])
            rest = rest[b.upperBound...]
        }
        return result
    }

    func count(_ needle: String, in text: Substring) -> Int { text.components(separatedBy: needle).count - 1 }

    func testTheSamplePageHasTheThreeSections() {
        let html = Self.sample
        for id in ["report-SW01-steps", "report-SW01-counts", "report-SW01-units", "report-SW01-years", "report-SW01-time"] {
            XCTAssertTrue(html.contains("id=\"\(id)\""), id)
        }
        XCTAssertTrue(html.contains("<h3 id=\"report-SW01-steps\">เวลาที่ใช้ในแต่ละขั้นตอน</h3>"))
        XCTAssertTrue(html.contains("<h3 id=\"report-SW01-time\">ขั้นตอนที่ใช้เวลามากที่สุด</h3>"))
        XCTAssertTrue(html.contains("<a href=\"../reports/\">รายงาน</a>"), "the nav links to the page")
        // Opened 9 Nov 2026 and later: fiscal year 2570.
        XCTAssertTrue(html.contains(">ปีงบประมาณ 2568<") && html.contains(">ปีงบประมาณ 2570<"))
    }

    /// Each chart: an image with a title and a description, followed by its table, one bar a row.
    func testEveryChartHasATitleADescriptionAndABarPerTableRow() {
        for html in [Self.sample, Self.fixture] {
            let figures = pieces(html, from: "<div class=\"report-figure\"", to: "</table>")
            XCTAssertEqual(figures.count, 5, "steps, units, years, months, time")
            for figure in figures {
                let svg = pieces(String(figure), from: "<svg", to: "</svg>")
                XCTAssertEqual(svg.count, 1)
                guard let chart = svg.first else { continue }
                XCTAssertTrue(chart.contains("role=\"img\""))
                XCTAssertEqual(count("<title id=", in: chart), 1)
                XCTAssertEqual(count("<desc id=", in: chart), 1)
                let body = pieces(String(figure), from: "<tbody>", to: "</tbody>")
                XCTAssertEqual(body.count, 1)
                let rows = count("<tr>", in: body[0])
                XCTAssertGreaterThan(rows, 0)
                XCTAssertEqual(count("<g class=\"bar\">", in: chart), rows)
                XCTAssertGreaterThanOrEqual(count("<text ", in: chart), 2 * rows, "a label and a figure per bar, as text")
                XCTAssertTrue(figure.contains("<caption>") && figure.contains("scope=\"col\"") && figure.contains("scope=\"row\""))
            }
        }
    }

    func testNoInlineStyleAndNoScript() {
        for html in [Self.sample, Self.fixture] {
            XCTAssertFalse(html.contains(" style="))
            XCTAssertFalse(html.contains("<style"))
            XCTAssertFalse(html.contains("<script"))
        }
    }

    /// The fixture's figures as the tables word them (the numbers are checked in ReportStatsTests).
    func testTheFixtureTablesWordTheFigures() {
        let html = Self.fixture
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">2 รับเรื่องและเสนอ ผอ. พิจารณา</th><td>1 ชั่วโมง</td>"
            + "<td class=\"num\">7</td><td class=\"num\">5 จาก 7 (71%)</td><td class=\"num\">45 นาที</td>"
            + "<td class=\"num\">3 ชั่วโมง</td></tr>"))
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">6 สร้าง/พัฒนาระบบ</th><td>ตามขอบเขต</td><td class=\"num\">4</td>"
            + "<td class=\"num\">3 จาก 4 (75%)</td><td class=\"num\">44 วันทำการ</td><td class=\"num\">65 วันทำการ</td></tr>"))
        XCTAssertTrue(html.contains("ขั้นตอนที่ 2: 1 คำขอบันทึกแต่วันที่"))
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">คณะวิศวกรรมศาสตร์</th><td class=\"num\">4</td><td class=\"num\">3</td>"
            + "<td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">71 วันทำการ</td></tr>"))
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">ปีงบประมาณ 2569<span class=\"report-span\">1 ต.ค. 2568 – 30 ก.ย. 2569</span></th>"
            + "<td class=\"num\">3</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">2</td><td class=\"num\">1</td>"
            + "<td class=\"num\">95 วันทำการ</td></tr>"))
        XCTAssertTrue(html.contains("<tr><td class=\"num\">1</td><th scope=\"row\">6 สร้าง/พัฒนาระบบ</th>"
            + "<td class=\"num\">44 วันทำการ</td><td class=\"num\">65 วันทำการ</td><td>ตามขอบเขต</td></tr>"))
        XCTAssertTrue(html.contains("ไม่นำมาจัดอันดับ (ดูเวลาในตารางแรก): 2 รับเรื่องและเสนอ ผอ. พิจารณา"))
        // The chart's description repeats the figures for a screen reader.
        XCTAssertTrue(html.contains("2 รับเรื่องและเสนอ ผอ. พิจารณา: 71%"))
        XCTAssertTrue(html.contains("คณะวิศวกรรมศาสตร์: ยื่นคำขอ 4 (ส่งมอบแล้ว 3, กำลังดำเนินการ 0, เกินกำหนด 1, ไม่อนุมัติ 0)"))
    }

    /// Stacked bars in the states' colours (their badges'), each part's figure written on it in
    /// white where it fits; other bars in the accent colour.
    func testStackedPartsTakeTheStatesColoursAndCarryTheirFigures() throws {
        let html = Self.fixture
        let units = try XCTUnwrap(pieces(html, from: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\"", to: "</svg>")
            .first { $0.contains("report-SW01-units-chart") })
        let engineering = try XCTUnwrap(units.range(of: ">คณะวิศวกรรมศาสตร์</text>")).upperBound
        let bar = String(units[engineering...]).components(separatedBy: "</g>")[0]
        // Handed over 3, then overdue 1: green then the overdue colour, each with its figure.
        XCTAssertTrue(bar.contains("fill=\"\(Palette.states[.handedOver]!)\" stroke=\"#ffffff\""), bar)
        XCTAssertTrue(bar.contains("fill=\"\(Palette.states[.overdue]!)\" stroke=\"#ffffff\""), bar)
        XCTAssertTrue(bar.contains("font-size=\"11\" fill=\"#ffffff\" text-anchor=\"middle\">3</text>"), bar)
        XCTAssertTrue(bar.contains("font-size=\"11\" fill=\"#ffffff\" text-anchor=\"middle\">1</text>"), bar)
        // The legend's swatches in the same colours, in its order.
        for state in [CaseState.handedOver, .inProgress, .overdue, .rejected] {
            XCTAssertTrue(units.contains("width=\"14\" height=\"14\" fill=\"\(Palette.states[state]!)\"/>"), "\(state)")
        }
        let steps = try XCTUnwrap(pieces(html, from: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\"", to: "</svg>")
            .first { $0.contains("report-SW01-steps-chart") })
        XCTAssertTrue(steps.contains("fill=\"\(Palette.accent)\""))
        XCTAssertFalse(steps.contains("text-anchor=\"middle\""), "a plain bar's figure is after it, not on it")
    }

    /// Fiscal year 2569 to the as-of month (20 March 2026): one request in October, two in
    /// March; handovers in January and February (the one handed over in July 2025 was the
    /// year before). The chart draws both figures of each month, the legend names them.
    func testCasesRequestedAndHandedOverEachMonthOfTheFiscalYear() throws {
        let html = Self.fixture
        let months = try XCTUnwrap(pieces(html, from: "<div class=\"report-figure\" id=\"report-SW01-months\">", to: "</table>").first)
        XCTAssertTrue(months.contains("<caption>คำขอที่ยื่นและที่ส่งมอบในแต่ละเดือนของปีงบประมาณ 2569 (SW01)</caption>"))
        let rows = pieces(String(months), from: "<tr><th scope=\"row\">", to: "</tr>").map(String.init)
        XCTAssertEqual(rows, [("ต.ค. 2568", 1, 0), ("พ.ย. 2568", 0, 0), ("ธ.ค. 2568", 0, 0), ("ม.ค. 2569", 0, 1),
                              ("ก.พ. 2569", 0, 1), ("มี.ค. 2569", 2, 0)].map {
            "<tr><th scope=\"row\">\($0.0)</th><td class=\"num\">\($0.1)</td><td class=\"num\">\($0.2)</td></tr>"
        })
        XCTAssertTrue(months.contains("มี.ค. 2569: ยื่นคำขอ 2, ส่งมอบในเดือนนั้น 0</desc>"))
        XCTAssertTrue(months.contains("width=\"14\" height=\"14\" fill=\"\(Palette.states[.handedOver]!)\"/>"), "the legend's second swatch")
        XCTAssertTrue(months.contains(">ส่งมอบในเดือนนั้น</text>"))
        XCTAssertEqual(count("<rect", in: months), 2 + 4, "the legend's two swatches and a bar per non-zero figure")
    }

    func testEnglishWordsTheFiscalYearInTheGregorianCalendar() {
        let html = Self.build(Repo.fixture("reports-site"), asOf: ReportStatsTests.asOf, language: .en)
        XCTAssertTrue(html.contains("<th scope=\"row\">FY 2026<span class=\"report-span\">1 Oct 2025 – 30 Sep 2026</span></th>"))
        XCTAssertTrue(html.contains("<td class=\"num\">5 of 7 (71%)</td><td class=\"num\">45 min</td>"))
    }

    func testAnSOPWithoutCasesSaysSo() {
        let html = Self.build(Repo.fixture("loop-site"), asOf: ReportStatsTests.asOf)  // in English
        XCTAssertTrue(html.contains("<p>No case follows this SOP yet.</p>"))
        XCTAssertFalse(html.contains("<svg"))
    }

    func testTheSamplePageMatchesItsGoldenFile() {
        assertGolden(Self.sample, named: "reports.html")
    }
}

/// A bar's label longer than the chart is wide wraps between words, and the bar moves down.
final class ReportChartLabelTests: XCTestCase {
    func testALongThaiLabelWrapsBetweenWordsAndStaysInTheChart() throws {
        let long = "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ มหาวิทยาลัยเทคโนโลยีราชมงคลล้านนา เชียงใหม่ ศูนย์ข้อมูลกลาง"
        let chart = ReportChart(id: "c", title: "t", desc: "d", bars: [
            ReportChart.Bar(label: "ระบบ", parts: [3], value: "3"),
            ReportChart.Bar(label: long, parts: [5], value: "5"),
        ]).svg()
        let lines = chart.components(separatedBy: "<tspan").dropFirst().map {
            String($0.split(separator: ">", maxSplits: 1)[1].prefix { $0 != "<" })
        }
        XCTAssertGreaterThan(lines.count, 1, chart)
        XCTAssertEqual(lines.joined().filter { !$0.isWhitespace }, long.filter { !$0.isWhitespace })
        for line in lines {
            XCTAssertLessThanOrEqual(TextWrap.width(line, fontSize: 14), ReportChart.width - 2 * ReportChart.margin, line)
        }
        // No line ends inside a word: each ends where libthai's words end.
        var ends = Set<Int>(), at = 0
        for word in ThaiWords.words(in: long) { at += word.count; ends.insert(at) }
        var offset = 0
        for line in lines.dropLast() {
            offset += line.filter { !$0.isWhitespace }.count
            XCTAssertTrue(ends.contains(offset), "\(lines)")
        }
        // The second bar's rectangle sits below its label's last line.
        let rects = chart.components(separatedBy: "<rect").dropFirst().compactMap { piece -> Double? in
            guard let y = piece.range(of: "y=\"") else { return nil }
            return Double(piece[y.upperBound...].prefix { $0 != "\"" })
        }
        XCTAssertEqual(rects.count, 2)
        XCTAssertGreaterThan(rects[1] - rects[0], ReportChart.rowHeight + Double(lines.count - 1) * ReportChart.labelLineHeight - 1)
    }
}
