@testable import SopsiteKit
import XCTest

/// Document links of events: an http(s) URL or a file in the case's folder, nothing else.
final class CaseDocumentsTests: XCTestCase {
    let attachments = ["memo.pdf", "images/screen.png"]

    func problem(_ link: String) -> String? { EventLoader.linkProblem(link, attachments) }

    func testLinksThatArePublished() {
        XCTAssertNil(problem("memo.pdf"))
        XCTAssertNil(problem("images/screen.png"))
        XCTAssertNil(problem("https://www.rmutl.ac.th/news/1"))
        XCTAssertNil(problem("HTTP://example.ac.th"))
    }

    func testLinksThatLeaveTheFolder() {
        for link in ["../other-case/memo.pdf", "/etc/passwd", "images/../../x.pdf", "./../x"] {
            XCTAssertEqual(problem(link), "link \"\(link)\" leaves the case's folder; put the file in the folder and link it by name", link)
        }
    }

    func testSchemesOtherThanHTTP() {
        for link in ["javascript:alert(1)", "data:text/html;base64,AAAA", "mailto:a@b.c", "file:///etc/passwd", "C:\\memo.pdf"] {
            XCTAssertEqual(problem(link), "link \"\(link)\" must be an http(s) URL or a file in the case's folder", link)
        }
    }

    func testAFileThatIsNotThere() {
        XCTAssertEqual(problem("minutes.pdf"), "link \"minutes.pdf\" names no file in the case's folder")
    }
}
