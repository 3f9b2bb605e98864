import BusinessTime
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// Handover manuals: loading, their errors, and the page a case's manual becomes.
final class ManualTests: XCTestCase {
    static let manual = """
    ---
    system: ระบบทดสอบ
    version: "1.0"
    prepared_by: งานพัฒนาระบบสารสนเทศ
    received_by: {name: นางสาวสุดา ใจงาม, position: หัวหน้างาน}
    ---
    ## บทนำ

    ดูภาพ ![หน้าจอ](images/login.png) และ ![ไม่มี](images/missing.png)

    ## การใช้งาน
    """

    func load(_ text: String, attachments: [String] = ["images/login.png"]) -> (Manual?, [String]) {
        var diagnostics = Diagnostics()
        let manual = ManualLoader.load(text, path: "cases/C1/manual.md", attachments: attachments,
                                       markdown: Markdown(), &diagnostics)
        return (manual, diagnostics.sorted.map(\.description))
    }

    func testABrokenImageIsAnErrorWithItsPosition() {
        let (_, messages) = load(Self.manual)
        XCTAssertEqual(messages, ["cases/C1/manual.md:9:39: error: image \"images/missing.png\" names no file in the case's folder"])
    }

    func testAnImageOutsideTheFolder() {
        let (_, messages) = load(Self.manual.replacingOccurrences(of: "images/missing.png", with: "../C2/x.png"))
        XCTAssertEqual(messages, ["cases/C1/manual.md:9:39: error: image \"../C2/x.png\" leaves the case's folder; put the file in the folder and link it by name"])
    }

    func testAnImageFromAnotherSiteIsRefused() {
        let (_, messages) = load(Self.manual.replacingOccurrences(of: "images/missing.png", with: "https://cdn.example.com/x.png"))
        XCTAssertEqual(messages, ["cases/C1/manual.md:9:39: error: image \"https://cdn.example.com/x.png\" is on another site; put the file in the case's folder and link it by name"])
    }

    func testLoadsTheFrontMatterAndTheContents() throws {
        let (manual, messages) = load(Self.manual, attachments: ["images/login.png", "images/missing.png"])
        XCTAssertEqual(messages, [])
        let m = try XCTUnwrap(manual)
        XCTAssertEqual(m.system, "ระบบทดสอบ")
        XCTAssertEqual(m.version, "1.0")
        XCTAssertNil(m.handedOverBy)
        XCTAssertEqual(m.receivedBy?.name, "นางสาวสุดา ใจงาม")
        XCTAssertEqual(m.body.headings.map(\.text), ["บทนำ", "การใช้งาน"])
    }

    func testMissingFields() {
        let (manual, messages) = load(Self.manual.replacingOccurrences(of: "system: ระบบทดสอบ\n", with: ""), attachments: ["images/login.png", "images/missing.png"])
        XCTAssertNil(manual)
        XCTAssertEqual(messages, ["cases/C1/manual.md:2:1: error: missing required field 'system' in the manual's front matter"])
    }

    func testTheSampleManualPage() throws {
        let out = try temporaryFolder(self) + "/public"
        try Build.run(BuildOptions(contentFolder: Repo.root + "/content", outputFolder: out,
                                   themeFolder: Repo.root + "/themes/default", asOf: Repo.asOf))
        let page = try String(contentsOfFile: out + "/cases/SW01-2568-001/manual/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<time datetime=\"2025-04-28\">28 เม.ย. 2568</time>"), "the handover date, Buddhist Era")
        XCTAssertTrue(page.contains("<a href=\"#"), "a linked table of contents")
        XCTAssertTrue(page.contains("aria-label=\"แบบสอบถามความพึงพอใจของผู้รับบริการ: https://arit.rmutl.ac.th/?case=SW01-2568-001\""))
        XCTAssertTrue(page.contains("<a href=\"https://sop.arit.rmutl.ac.th/cases/SW01-2568-001/\">"))
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"page.css\">"))
        let css = try String(contentsOfFile: out + "/cases/SW01-2568-001/manual/page.css", encoding: .utf8)
        XCTAssertTrue(css.contains("@top-center { content: \"ระบบจองห้องประชุมออนไลน์\"; }"), css)
        XCTAssertTrue(css.contains("content: \"หน้า \" counter(page) \" / \" counter(pages);"), css)
        let casePage = try String(contentsOfFile: out + "/cases/SW01-2568-001/index.html", encoding: .utf8)
        XCTAssertTrue(casePage.contains("<a href=\"manual/\">"), "the case page links to its manual")
    }
}
