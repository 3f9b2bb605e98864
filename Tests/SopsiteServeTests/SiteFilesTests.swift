import Foundation
@testable import SopsiteServe
import XCTest

/// The server's side of serving files: paths that stay inside the site, the live-reload script
/// added to HTML on the way out, the right types, index.html for folders and a 404 page.
final class SiteFilesTests: XCTestCase {
    func testPathsThatLeaveTheSiteAreRefused() {
        XCTAssertEqual(SiteFiles.safePath("/cases/SW01-2568-001/"), "cases/SW01-2568-001")
        XCTAssertEqual(SiteFiles.safePath("/"), "")
        XCTAssertEqual(SiteFiles.safePath("/static//style.css"), "static/style.css")
        for path in ["/../etc/passwd", "/cases/../../x", "/%2e%2e/secret", "/a/%2E%2E/%2E%2E/b", "/a\\..\\b", "/a%00b", "/./x"] {
            XCTAssertNil(SiteFiles.safePath(path), path)
        }
    }

    func testTheScriptGoesBeforeTheEndOfTheBody() {
        let page = Data("<html><body><p>x</p></body></html>".utf8)
        let out = String(decoding: LiveClient.inject(into: page, version: 3), as: UTF8.self)
        XCTAssertEqual(out, "<html><body><p>x</p><script src=\"/_sopsite/live.js\" data-build=\"3\"></script>\n</body></html>")
    }

    func testServingTheOutputFolder() async throws {
        let root = NSTemporaryDirectory() + "sopsite-files-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/cases/A", withIntermediateDirectories: true)
        try Data("<html><body>case A</body></html>".utf8).write(to: URL(fileURLWithPath: root + "/cases/A/index.html"))
        try Data("<svg/>".utf8).write(to: URL(fileURLWithPath: root + "/cases/A/badge.svg"))
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: root + "/font.woff2"))
        let files = SiteFiles(root: root, hub: LiveReload())
        func get(_ target: String, _ method: String = "GET") async -> SiteFiles.Reply {
            await files.answer(method: method, target: target)
        }

        let page = await get("/cases/A/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.header("Content-Type"), "text/html; charset=utf-8")
        let pageBody = String(decoding: page.body, as: UTF8.self)
        XCTAssertTrue(pageBody.contains("case A<script src=\"/_sopsite/live.js\""), pageBody)
        XCTAssertEqual(page.header("Content-Length"), String(page.body.count))
        let queried = await get("/cases/A/?q=x")
        XCTAssertEqual(queried.body, page.body, "the query is not part of the path")

        let redirect = await get("/cases/A")
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.header("Location"), "/cases/A/")

        for asked in ["//cases/A", "//cases//A"] {
            let redirect = await get(asked)
            XCTAssertEqual(redirect.header("Location"), "/cases/A/", "never //, which a browser reads as a host")
        }
        let elsewhere = await get("//example.org")
        XCTAssertEqual(elsewhere.status, 404)
        XCTAssertNil(elsewhere.header("Location"))

        let head = await get("/cases/A/", "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Content-Length"), String(pageBody.utf8.count), "GET's length")
        XCTAssertEqual(head.body, Data(), "and no body")
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            let refused = await get("/cases/A/", method)
            XCTAssertEqual(refused.status, 405, method)
            XCTAssertEqual(refused.header("Allow"), "GET, HEAD")
            XCTAssertEqual(refused.header("Content-Length"), String(refused.body.count))
        }

        let badge = await get("/cases/A/badge.svg")
        XCTAssertEqual(badge.header("Content-Type"), "image/svg+xml")
        XCTAssertEqual(String(decoding: badge.body, as: UTF8.self), "<svg/>", "only HTML gets the script")
        let font = await get("/font.woff2")
        XCTAssertEqual(font.header("Content-Type"), "font/woff2")

        let missing = await get("/nothing/here")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(String(decoding: missing.body, as: UTF8.self).contains("404"))

        let outside = await get("/../../etc/passwd")
        XCTAssertEqual(outside.status, 403)
    }
}
