import BusinessTime
@testable import SopsiteKit
import XCTest

final class SiteTests: XCTestCase {
    static let valid = """
    title: Portal
    organisation: มทร.ล้านนา
    unit: งานพัฒนาระบบสารสนเทศ
    base_url: https://sop.example.ac.th
    links:
      help_desk: https://noc.rmutl.ac.th
      survey: https://arit.rmutl.ac.th
    phone: 053921444 ต่อ 1618

    """

    func load(_ text: String) throws -> (Site?, [String]) {
        let folder = try temporaryFolder(self)
        try write(["site.yaml": text], in: folder)
        var diagnostics = Diagnostics()
        let site = Content.loadSite(folder + "/site.yaml", &diagnostics)
        let messages = diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
        return (site, messages)
    }

    func testDefaults() throws {
        let (site, messages) = try load(Self.valid)
        XCTAssertEqual(messages, [])
        XCTAssertEqual(site?.baseURL, "https://sop.example.ac.th/", "a base URL always ends in /")
        XCTAssertEqual(site?.language, .th)
        XCTAssertEqual(site?.allowRawHTML, false)
        XCTAssertEqual(site?.officeHours, .standard)
    }

    func testOfficeHoursAndRawHTML() throws {
        let (site, messages) = try load(Self.valid + """
        office_hours: {start: "08:00", end: "16:00", lunch: "12:00-13:00"}
        markdown: {allow_raw_html: true}
        language: en
        """)
        XCTAssertEqual(messages, [])
        XCTAssertEqual(site?.officeHours, OfficeHours(start: 480, end: 960, lunch: 720...780))
        XCTAssertEqual(site?.allowRawHTML, true)
        XCTAssertEqual(site?.language, .en)
    }

    func testErrorsAreAllReported() throws {
        let text = Self.valid
            .replacingOccurrences(of: "https://noc.rmutl.ac.th", with: "javascript:alert(1)")
            .replacingOccurrences(of: "phone: 053921444 ต่อ 1618\n", with: "language: fr\n")
        let (site, messages) = try load(text)
        XCTAssertNil(site)
        XCTAssertEqual(messages, [
            "site.yaml:1:1: error: missing required field 'phone' in site.yaml",
            "site.yaml:6:14: error: 'help_desk' must be an http(s) or mailto: URL, not \"javascript:alert(1)\"",
            "site.yaml:8:11: error: unknown language 'fr' (known: th, en)",
        ])
    }

    func testBadOfficeHours() throws {
        let (_, messages) = try load(Self.valid + "office_hours: {start: \"8.30\", end: \"16:30\"}\n")
        XCTAssertEqual(messages, ["site.yaml:9:23: error: 'start' must be a time such as 08:30, not \"8.30\""])
    }
}
