import Mustache
@testable import Templates
import TestFolders
import XCTest

/// sopsite's escaping must write exactly what swift-mustache's own would: pages stay the same,
/// only faster.
final class HTMLEscapeTests: XCTestCase {
    func testTheSameAsSwiftMustache() throws {
        let template = try MustacheTemplate(string: "{{x}}")
        let samples = [
            "", "plain", "<script>alert('x')</script>", "a & b \"quoted\" 'single' <>",
            "ผอ.สำนักวิทยบริการฯ \"พิจารณา\" & <อนุมัติ>", "นํา decomposed", "e\u{301} ❤️ 👩‍💻 &amp;",
            "\u{FEFF}bom", "tab\tline\nbreak", String(repeating: "กข<&", count: 500),
        ]
        for sample in samples {
            XCTAssertEqual(PortalHTML().escapeText(sample), template.render(["x": sample]), sample)
        }
    }

    func testTheBaseTemplateAsksForIt() throws {
        let base = try String(contentsOfFile: repositoryRoot + "/themes/default/templates/base.mustache", encoding: .utf8)
        XCTAssertTrue(base.contains("{{% CONTENT_TYPE: HTML }}"))
        _ = PortalHTML.registered
        let page = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}{{x}}")
        XCTAssertEqual(page.render(["x": "<ก>"]), "&lt;ก&gt;")
    }
}
