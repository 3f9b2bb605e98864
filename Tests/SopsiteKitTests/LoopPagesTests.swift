import BusinessTime
import Foundation
import GoldenFile
@testable import SopsiteKit
import XCTest

/// The pages of a portal whose SOP loops (Fixtures/rounds-site, as of Friday 20 March 2026): the
/// passes on a case page, the current pass in the lists and status.json, the outcome wherever
/// the case's state shows, and reports that count every pass.
final class LoopPagesTests: XCTestCase {
    static let asOf = Day(iso: "2026-03-20")!
    static let out: String = {
        let out = NSTemporaryDirectory() + "sopsite-rounds-" + UUID().uuidString
        try! Build.run(BuildOptions(contentFolder: Repo.fixture("rounds-site"), outputFolder: out,
                                    themeFolder: Repo.root + "/themes/default", asOf: asOf))
        return out
    }()

    func read(_ path: String) throws -> String { try String(contentsOfFile: Self.out + "/" + path, encoding: .utf8) }

    /// The `<li>` of a step on a case page.
    func step(_ id: String, of page: String) throws -> String {
        let start = try XCTUnwrap(page.range(of: "id=\"step-\(id)\""))
        let end = page.range(of: "<li class=\"timeline-step", range: start.upperBound..<page.endIndex)?.lowerBound
            ?? page.endIndex
        return String(page[start.lowerBound..<end])
    }

    func testTheCurrentPassIsMarkedCurrentAndEachPassHasItsOwnTime() throws {
        let page = try read("cases/RV-02/index.html")
        XCTAssertTrue(page.contains("<dd>3 จัดทำขอบเขตงาน (รอบที่ 2)<span data-pagefind-ignore> · เกินกำหนด 6 วันทำการ</span></dd>"))
        let step3 = try step("3", of: page)
        XCTAssertTrue(step3.hasPrefix("id=\"step-3\""))
        XCTAssertTrue(page.contains("<li class=\"timeline-step status-overdue\" id=\"step-3\">"),
                      "the step the case is back at is current, not 'done on time'")
        XCTAssertTrue(step3.contains("<strong>เกินกำหนด</strong> · ทำ 2 รอบ"))
        let round1 = try XCTUnwrap(step3.range(of: "<li class=\"timeline-round status-done-on-time\" id=\"step-3-round-1\">"))
        let round2 = try XCTUnwrap(step3.range(of: "<li class=\"timeline-round status-overdue\" id=\"step-3-round-2\">"))
        XCTAssertLessThan(round1.lowerBound, round2.lowerBound)
        XCTAssertTrue(step3.contains("ใช้ 2 วันทำการ จากกำหนด 2 วันทำการ"), "round 1 against its target")
        XCTAssertTrue(step3.contains("เกินกำหนด 6 วันทำการ · กำหนดเสร็จ 12 มี.ค. 2569"), "round 2, overdue, with its due date")
        // What sent the case back: the decision's answer and note.
        XCTAssertTrue(step3.contains("ส่งกลับจากขั้นตอนที่ 4 อนุมัติขอบเขตงาน · <time datetime=\"2026-03-10\">10 มี.ค. 2569</time> · <strong>ไม่อนุมัติ</strong>"))
        XCTAssertTrue(step3.contains("<p>งบประมาณไม่เพียงพอ</p>"))
        // In progress: the second pass has its meter.
        let inProgress = try read("cases/RV-01/index.html")
        XCTAssertTrue(try step("3", of: inProgress).contains("<li class=\"timeline-round status-in-progress\" id=\"step-3-round-2\">"))
        XCTAssertTrue(try step("3", of: inProgress).contains("<progress data-pagefind-ignore value=\"1\" max=\"2\">"))
    }

    func testCasePagesWithLoopsMatchTheirGoldenFiles() throws {
        assertGolden(try read("cases/RV-03/index.html"), named: "cases/RV-03.html")
        assertGolden(try read("cases/RV-04/index.html"), named: "cases/RV-04.html")
    }

    /// A step done on time and then late is late; the rounds show both.
    func testALateSecondPassShowsLate() throws {
        let page = try read("cases/RV-04/index.html")
        let step3 = try step("3", of: page)
        XCTAssertTrue(page.contains("<li class=\"timeline-step status-done-late\" id=\"step-3\">"))
        XCTAssertTrue(step3.contains("id=\"step-3-round-1\"") && step3.contains("status-done-on-time"))
        XCTAssertTrue(step3.contains("ช้ากว่ากำหนด 1 วันทำการ"))
    }

    func testTheOutcomeShowsWhereverTheStateDoes() throws {
        let words = "ปิดงานโดยศูนย์บริการ"
        let page = try read("cases/RV-04/index.html")
        XCTAssertTrue(page.contains("<p class=\"state state-rejected\">สถานะ: <strong>\(words)</strong></p>"))
        XCTAssertFalse(page.contains("สถานะ: <strong>ไม่อนุมัติ"))
        XCTAssertTrue(page.contains("<strong>ยกเลิกคำขอ · \(words)</strong>"), "the answer that ended it")
        XCTAssertTrue(try read("cases/RV-04/badge.svg").contains(words))
        XCTAssertTrue(try read("cases/index.html").contains("<span class=\"state state-rejected\">\(words)</span>"))
        XCTAssertTrue(try read("index.html").contains("ยกเลิกคำขอ · \(words)"), "the dashboard's latest events")
        XCTAssertTrue(try read("feed.xml").contains("RV-04: ขั้นตอน 7 ยืนยันรับมอบระบบ · ยกเลิกคำขอ · \(words)"))
        let status = try JSONSerialization.jsonObject(with: Data(try read("status.json").utf8)) as! [String: Any]
        let entries = status["cases"] as! [[String: Any]]
        let rv04 = try XCTUnwrap(entries.first { $0["id"] as? String == "RV-04" })
        XCTAssertEqual(rv04["state"] as? String, "rejected", "the machine state stays stable")
        XCTAssertEqual(rv04["outcome"] as? String, words)
        let rv02 = try XCTUnwrap(entries.first { $0["id"] as? String == "RV-02" })
        XCTAssertEqual(rv02["current_step"] as? NSDictionary, ["id": "3", "pass": 2, "title": "จัดทำขอบเขตงาน"])
        XCTAssertTrue(rv02["outcome"] is NSNull)
        XCTAssertTrue(try read("cases/index.html").contains("3 จัดทำขอบเขตงาน (รอบที่ 2)"), "the list shows the pass")
    }

    /// Every completed pass counts (counted by hand from the five cases' events).
    func testReportsCountEveryPass() throws {
        let html = try read("reports/index.html")
        XCTAssertTrue(html.contains("ขั้นตอนที่ทำสองรอบ (ถูกส่งกลับมาทำใหม่) นับสองครั้ง"), "the rule is on the page")
        XCTAssertTrue(html.contains("<th scope=\"col\">จำนวนรอบ (มัธยฐาน / มากที่สุด)</th>"))
        // Step 3: 1 and (running) from RV-01, 2 and (running) from RV-02, 2 and 2 from RV-03,
        // 2 and 3 (late) from RV-04, 1 from RV-05: 7 passes, 6 on time, sorted 1 1 2 2 2 2 3.
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">3 จัดทำขอบเขตงาน</th><td>2 วัน</td><td class=\"num\">7</td><td class=\"num\">6 จาก 7 (86%)</td><td class=\"num\">2 วันทำการ</td><td class=\"num\">3 วันทำการ</td><td class=\"num\">2 / 2</td></tr>"))
        // Step 5: RV-03 14 (on time) and 10 (late, due 20 Feb), RV-04 13, RV-05 15 (its second
        // pass still running): 4 passes, 3 on time, median 13, longest 15; rounds 2, 1, 2.
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">5 พัฒนาระบบ</th><td>ตามขอบเขต</td><td class=\"num\">4</td><td class=\"num\">3 จาก 4 (75%)</td><td class=\"num\">13 วันทำการ</td><td class=\"num\">15 วันทำการ</td><td class=\"num\">2 / 2</td></tr>"))
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">7 ยืนยันรับมอบระบบ</th><td>1 วัน</td><td class=\"num\">2</td><td class=\"num\">2 จาก 2 (100%)</td><td class=\"num\">1 วันทำการ</td><td class=\"num\">1 วันทำการ</td><td class=\"num\">–</td></tr>"))
        assertGolden(html, named: "rounds-reports.html")
        // An SOP whose cases never loop has no rounds column.
        XCTAssertFalse(ReportsPageTests.sample.contains("จำนวนรอบ"))
    }
}
