import BusinessTime
import Foundation
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// Very large and very deep content: the build finishes, in seconds, without a crash.
/// (Inputs that make cmark-gfm 0.29.0.gfm.6 quadratic are bounded by `MarkdownLimits`; the
/// corpus of them is HostileMarkdownTests.)
final class HostileSizeTests: XCTestCase {
    func seconds(_ body: () throws -> Void) rethrows -> TimeInterval {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    /// A report just under the size limit is read, checked and rendered; a 20 MB one is refused
    /// with the limit's name, before cmark-gfm sees it.
    func testAMegabyteReportLoadsAndRendersAndTwentyAreRefused() throws {
        let paragraph = "ระบบจองห้องประชุม **ตัวหนา** [บันทึก](memo.pdf) `code` ข้อความภาษาไทยยาว ๆ 1234567890\r\n\r\n"
        let count = (MarkdownLimits.standard.bytes - 100) / paragraph.utf8.count
        let body = String(repeating: paragraph, count: count)
        var c: Case?
        var diagnostics = Diagnostics()
        let time = seconds {
            c = CaseLoader.load(CaseRulesTests.valid + "\n" + body + "![ภาพ](missing.png)\n", id: "C1", folder: "cases/C1",
                                path: "cases/C1/index.md", attachments: ["memo.pdf"], sops: ["SW01": CaseRulesTests.sop],
                                markdown: Markdown(), &diagnostics)
        }
        // The image's line is counted right through a megabyte of Windows line endings.
        let line = 22 + 2 * count
        XCTAssertEqual(diagnostics.all.map(\.description), ["cases/C1/index.md:\(line):1: error: image \"missing.png\" names no file in the case's folder"])
        XCTAssertNil(c)
        XCTAssertLessThan(time, 10, "a fraction of a second in a debug build")
        let html = Markdown().render(paragraph + paragraph).html
        XCTAssertTrue(html.hasPrefix("<p>ระบบจองห้องประชุม <strong>ตัวหนา</strong> <a href=\"memo.pdf\">บันทึก</a> <code>code</code>"))

        let twenty = String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count)
        diagnostics = Diagnostics()
        let refused = CaseLoader.load(CaseRulesTests.valid + "\n" + twenty, id: "C1", folder: "cases/C1", path: "cases/C1/index.md",
                                      attachments: ["memo.pdf"], sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
        XCTAssertNil(refused)
        let message = try XCTUnwrap(diagnostics.all.map(\.description).first)
        XCTAssertEqual(diagnostics.all.count, 1)
        XCTAssertTrue(message.hasPrefix("cases/C1/index.md:21:1: error: the text is "), message)
        XCTAssertTrue(message.hasSuffix(" bytes, over the limit of 1048576 (max_bytes under markdown: in site.yaml); split it, or link a PDF"), message)
    }

    func testDeepNestingAndAHugeTableBuildAWholeSite() throws {
        let content = try Hostile.copy("xss-site", self)
        let deepList = String(repeating: "- ", count: 10_000) + "ลึก\n"
        let deepQuote = String(repeating: ">", count: 10_000) + " ลึก\n"
        let deepOrdered = String(repeating: "1. ", count: 10_000) + "ลึก\n"
        let mixed = String(repeating: "> - ", count: 5_000) + "ลึก\n"
        let table = "| ขั้นตอน | ผู้รับผิดชอบ | เวลา |\n|---|---|---|\n"
            + (1...10_000).map { "| \($0) | งาน **\($0)** | [\($0) วัน](memo.pdf) |" }.joined(separator: "\n") + "\n"
        let report = [deepList, deepQuote, deepOrdered, mixed, table].joined(separator: "\n\n")
        let path = content + "/cases/X1-2569-001/index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "\n" + report).write(toFile: path, atomically: true, encoding: .utf8)
        var result: (out: String, messages: [String], failed: Bool)!
        let time = try seconds { result = try Hostile.build(content, self) }
        XCTAssertFalse(result.failed, result.messages.joined(separator: "\n"))
        XCTAssertLessThan(time, 10, "about 1 s in a debug build")
        let page = try XCTUnwrap(try String(contentsOfFile: result.out + "/cases/X1-2569-001/index.html", encoding: .utf8)
            .components(separatedBy: "<h2 id=\"report-heading\">").last?.components(separatedBy: "<footer").first)
        XCTAssertEqual(page.components(separatedBy: "<ul>").count - 1, 10_000 + 5_000)
        XCTAssertEqual(page.components(separatedBy: "<blockquote>").count - 1, 10_000 + 5_000)
        XCTAssertEqual(page.components(separatedBy: "<ol>").count - 1, 10_000)
        XCTAssertEqual(page.components(separatedBy: "<tr>").count - 1, 10_001)
        XCTAssertTrue(page.contains("<td>10000</td>\n<td>งาน <strong>10000</strong></td>\n<td><a href=\"memo.pdf\">10000 วัน</a></td>"))
    }

    func testManyEventsAndStepsStayLinear() throws {
        // An ongoing step takes any number of events: 20,000 of them, each read, walked and shown.
        var text = CaseRulesTests.valid.replacingOccurrences(of: "\n---\nreport", with: "\n")
        text = text.replacingOccurrences(of: "      6: 2025-03-31\n", with: "      6: 2025-03-31\n      7: 2025-04-18\n")
        for (step, date) in [("5", "2025-01-20"), ("6", "2025-03-03"), ("7", "2025-04-01")] {
            text += "  - step: \(step)\n    date: \(date)\n"
        }
        text += "  - step: 8\n    date: 2025-04-02\n"
        text += String(repeating: "  - {step: 9, date: 2025-06-02, note: สำรองฐานข้อมูล}\n", count: 20_000) + "---\n"
        var diagnostics = Diagnostics()
        var progress: CaseProgress?
        let time = seconds {
            let c = CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: [],
                                    sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
            progress = c.flatMap {
                CaseProgress.follow($0, sop: CaseRulesTests.sop, calendar: WorkCalendar(holidays: [], officeHours: .standard),
                                  asOf: Day(iso: "2025-07-01")!, &diagnostics)
            }
        }
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(progress?.state, .maintenance)
        XCTAssertEqual(progress?.records.last?.events.count, 20_000)
        XCTAssertLessThan(time, 5, "about 0.5 s in a debug build")
    }
}
