import BusinessTime
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GoldenFile
@testable import SopsiteKit
import XCTest

/// The shipped sample portal built as of 2026-11-27: every state shows, the dashboard counts
/// them right, and the machine-readable files hold what the help desk needs.
final class SamplePortalTests: XCTestCase {
    /// Built once for the class: each test reads the same output.
    static let output: String = {
        let out = NSTemporaryDirectory() + "sopsite-sample-" + UUID().uuidString + "/public"
        try! Build.run(BuildOptions(contentFolder: Repo.root + "/content", outputFolder: out,
                                    themeFolder: Repo.root + "/themes/default", asOf: Repo.asOf))
        return out
    }()

    override class func tearDown() {
        try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: Self.output + "/" + path, encoding: .utf8)
    }

    func status() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.output + "/status.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["as_of"] as? String, "2026-11-27")
        XCTAssertEqual(json["version"] as? Int, 1)
        return try XCTUnwrap(json["cases"] as? [[String: Any]])
    }

    /// The state each sample case is written to show at 2026-11-27.
    static let expectedStates = [
        "SW01-2567-007": "maintenance",
        "SW01-2568-001": "handed-over",
        "SW01-2568-002": "handed-over",
        "SW01-2568-003": "rejected",
        "SW01-2569-004": "overdue",
        "SW01-2569-005": "in-progress",
        "SW01-2569-006": "overdue",
        "SW01-2569-008": "in-progress",
        "SW01-2569-009": "in-progress",
    ]

    func testEveryStateShows() throws {
        let cases = try status()
        var states: [String: String] = [:]
        for c in cases { states[c["id"] as! String] = c["state"] as? String }
        XCTAssertEqual(states, Self.expectedStates)
        XCTAssertEqual(Set(states.values), Set(CaseState.allCases.map(\.rawValue)))
    }

    /// Home's chart of states: a bar per state in its badge's colour, its figure after it, and
    /// the figures again in its description; the table with them beside it.
    func testHomeChartsTheStatesInTheirColours() throws {
        let home = try read("index.html")
        let start = try XCTUnwrap(home.range(of: "<figure class=\"report-chart-frame state-chart\">")).upperBound
        let chart = String(home[start...]).components(separatedBy: "</figure>")[0]
        XCTAssertTrue(chart.contains("<title id=\"home-states-title\">จำนวนตามสถานะ</title>"))
        XCTAssertTrue(chart.contains("กำลังดำเนินการ: 3; เกินกำหนด: 2; ไม่อนุมัติ: 1; ส่งมอบแล้ว: 2; ดูแลระบบ: 1</desc>"), chart)
        for (state, count) in [(CaseState.inProgress, 3), (.overdue, 2), (.rejected, 1), (.handedOver, 2), (.maintenance, 1)] {
            let bar = try XCTUnwrap(chart.range(of: "fill=\"\(Palette.states[state]!)\" stroke=\"#ffffff\""), "\(state)")
            XCTAssertTrue(chart[bar.upperBound...].contains(">\(count)</text>"))
        }
        XCTAssertTrue(home.contains("<table class=\"by-state\">"))
    }

    /// The SOP's page says beside each step's target how its cases did: the median time and the
    /// share on time, as the reports count them.
    func testTheSOPPageShowsEachStepsMedianAndShareOnTime() throws {
        let sop = try read("sops/SW01/index.html"), reports = try read("reports/index.html")
        XCTAssertTrue(sop.contains("<td>1 ชั่วโมง<p class=\"step-actual\">ใช้จริง (ค่ามัธยฐาน): 45 นาที<br>ทันกำหนด: 8 จาก 9 (89%)</p></td>"))
        XCTAssertTrue(reports.contains("<tr><th scope=\"row\">2 รับเรื่องและเสนอ ผอ. พิจารณา</th><td>1 ชั่วโมง</td><td class=\"num\">9</td>"
            + "<td class=\"num\">8 จาก 9 (89%)</td><td class=\"num\">45 นาที</td>"), "the same figures as the reports")
        // The ongoing step 9 has no passes: nothing beside it.
        let step9 = try XCTUnwrap(sop.components(separatedBy: "<tr id=\"step-9\">").last?.components(separatedBy: "</tr>").first)
        XCTAssertFalse(step9.contains("step-actual"))
        XCTAssertTrue(sop.contains("<p class=\"steps-note\">"))
    }

    /// A case in maintenance since 2024: its Gantt chart spans years, so days are not shaded
    /// (under 2 px a day they would only stripe it) and months are named far enough apart to read.
    func testAGanttChartOverYearsNamesFewerMonthsAndShadesNoDays() throws {
        let page = try read("cases/SW01-2567-007/index.html")
        let start = try XCTUnwrap(page.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt\"")).lowerBound
        let chart = String(page[start...]).components(separatedBy: "</svg>")[0]
        XCTAssertFalse(chart.contains("fill=\"#e6e9ed\"/>"))
        XCTAssertFalse(chart.contains("วันหยุดราชการและเสาร์-อาทิตย์"), "no shading, so the legend does not name it")
        let names = chart.components(separatedBy: "<text x=\"").dropFirst().filter { $0.contains("y=\"16\"") }
            .compactMap { Double($0.prefix { $0 != "\"" }) }
        XCTAssertGreaterThan(names.count, 2)
        XCTAssertTrue(zip(names, names.dropFirst()).allSatisfy { $1 - $0 >= 60 }, "\(names)")
    }

    func testStatusJSONEntries() throws {
        let overdue = try XCTUnwrap(try status().first { $0["id"] as? String == "SW01-2569-006" })
        XCTAssertEqual(overdue["current_step"] as? NSDictionary, ["id": "7", "pass": 1, "title": "ทดสอบและตรวจสอบระบบ"])
        XCTAssertTrue(overdue["outcome"] is NSNull)
        XCTAssertEqual(overdue["due"] as? String, "2026-11-13")
        XCTAssertEqual(overdue["url"] as? String, "https://sop.arit.rmutl.ac.th/cases/SW01-2569-006/")
        XCTAssertEqual(overdue["badge"] as? String, "https://sop.arit.rmutl.ac.th/cases/SW01-2569-006/badge.svg")
        let rejected = try XCTUnwrap(try status().first { $0["id"] as? String == "SW01-2568-003" })
        XCTAssertTrue(rejected["current_step"] is NSNull, "every key is present, null when absent")
        XCTAssertTrue(rejected["due"] is NSNull)
        XCTAssertTrue(rejected["outcome"] is NSNull, "SW01's no-branch names no outcome")
    }

    func testDashboardCounts() throws {
        let home = try read("index.html")
        let expected = ["in-progress": 3, "overdue": 2, "rejected": 1, "handed-over": 2, "maintenance": 1]
        for (state, count) in expected {
            XCTAssertTrue(home.contains("<span class=\"state state-\(state)\">"), state)
            let row = try XCTUnwrap(home.range(of: "<span class=\"state state-\(state)\">"))
            let rest = home[row.upperBound...]
            let cell = try XCTUnwrap(rest.range(of: "<td>"))
            XCTAssertTrue(rest[cell.upperBound...].hasPrefix("\(count)</td>"), "\(state): \(count)")
        }
        // Overdue, the one due earliest first; waiting for the director's decision.
        let overdue = try XCTUnwrap(home.range(of: "<h3>คำขอที่เกินกำหนด"))
        let waiting = try XCTUnwrap(home.range(of: "<h3>รอการพิจารณา"))
        let overdueList = String(home[overdue.upperBound..<waiting.lowerBound])
        let first = try XCTUnwrap(overdueList.range(of: "SW01-2569-006"))
        let second = try XCTUnwrap(overdueList.range(of: "SW01-2569-004"))
        XCTAssertLessThan(first.lowerBound, second.lowerBound, "step 7 fell due 13 Nov, step 3 later")
        let latest = try XCTUnwrap(home.range(of: "<h3>ความเคลื่อนไหวล่าสุด"))
        XCTAssertTrue(home[waiting.upperBound..<latest.lowerBound].contains("SW01-2569-004"))
        XCTAssertTrue(home.contains("ข้อมูล ณ วันที่ <time datetime=\"2026-11-27\">27 พ.ย. 2569</time>"))
    }

    func testCasePagesOfEveryStateMatchTheirGoldenFiles() throws {
        for id in Self.expectedStates.keys.sorted() {
            assertGolden(try read("cases/\(id)/index.html"), named: "cases/\(id).html")
        }
        assertGolden(try read("cases/index.html"), named: "cases/index.html")
        assertGolden(try read("cases/SW01-2568-001/manual/index.html"), named: "cases/SW01-2568-001-manual.html")
        assertGolden(try read("cases/SW01-2568-001/manual/page.css"), named: "cases/SW01-2568-001-manual-page.css")
    }

    func testEveryPageCarriesTheContentSecurityPolicyAndTheFooter() throws {
        let pages = FileManager.default.subpaths(atPath: Self.output)!.filter { $0.hasSuffix(".html") }
        XCTAssertEqual(pages.count, 16)
        for page in pages {
            let html = try read(page)
            // Only the search page may run WebAssembly (its index).
            let scripts = page == "search/index.html" ? "'self' 'wasm-unsafe-eval'" : "'self'"
            XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src \(scripts); style-src 'self';"), page)
            XCTAssertFalse(html.contains(" style=\""), "\(page) has an inline style")
            XCTAssertFalse(html.contains("<style"), page)
            XCTAssertFalse(html.contains("<script>"), "\(page) has an inline script")
            XCTAssertTrue(html.contains("https://noc.rmutl.ac.th") && html.contains("053921444 ต่อ 1618"), page)
        }
    }

    func testTheSurveyLinkAppearsAfterHandoverOnly() throws {
        XCTAssertTrue(try read("cases/SW01-2568-001/index.html").contains("href=\"https://arit.rmutl.ac.th/?case=SW01-2568-001\""))
        XCTAssertTrue(try read("cases/SW01-2567-007/index.html").contains("?case=SW01-2567-007"))
        XCTAssertFalse(try read("cases/SW01-2569-006/index.html").contains("?case="))
        XCTAssertFalse(try read("cases/SW01-2568-003/index.html").contains("?case="))
    }

    func testAttachmentsAreCopied() throws {
        let fm = FileManager.default
        for file in try fm.contentsOfDirectory(atPath: Repo.root + "/content/cases/SW01-2569-008") where file != "index.md" && file != "manual.md" {
            XCTAssertEqual(fm.contents(atPath: Self.output + "/cases/SW01-2569-008/" + file),
                           fm.contents(atPath: Repo.root + "/content/cases/SW01-2569-008/" + file), file)
        }
    }

    func testTheFeedAndTheBadgesAreXML() throws {
        let feed = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: Self.output + "/feed.xml")))
        XCTAssertTrue(feed.parse(), "\(feed.parserError.map { "\($0)" } ?? "")")
        let text = try read("feed.xml")
        XCTAssertTrue(text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        XCTAssertGreaterThan(text.components(separatedBy: "<entry>").count, 30)
        for id in Self.expectedStates.keys {
            let badge = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: Self.output + "/cases/\(id)/badge.svg")))
            XCTAssertTrue(badge.parse(), id)
        }
        XCTAssertTrue(try read("cases/SW01-2569-006/badge.svg").contains("<title>SW01-2569-006: เกินกำหนด</title>"))
    }
}
