import FlyingFox
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

    func request(_ path: String, _ method: HTTPMethod = .GET) -> HTTPRequest {
        var request = HTTPRequest(method: method, version: .http11, path: path, query: [], headers: [:], body: Data())
        request.target = HTTPRequest.Target(path: path, query: "")
        return request
    }

    func testServingTheOutputFolder() async throws {
        let root = NSTemporaryDirectory() + "sopsite-files-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/cases/A", withIntermediateDirectories: true)
        try Data("<html><body>case A</body></html>".utf8).write(to: URL(fileURLWithPath: root + "/cases/A/index.html"))
        try Data("<svg/>".utf8).write(to: URL(fileURLWithPath: root + "/cases/A/badge.svg"))
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: root + "/font.woff2"))
        let files = SiteFiles(root: root, hub: LiveReload())

        let page = try await files.handleRequest(request("/cases/A/"))
        XCTAssertEqual(page.statusCode, .ok)
        XCTAssertEqual(page.headers[.contentType], "text/html; charset=utf-8")
        let pageBody = String(decoding: try await page.bodyData, as: UTF8.self)
        XCTAssertTrue(pageBody.contains("case A<script src=\"/_sopsite/live.js\""), pageBody)

        let redirect = try await files.handleRequest(request("/cases/A"))
        XCTAssertEqual(redirect.statusCode, .movedPermanently)
        XCTAssertEqual(redirect.headers[.location], "/cases/A/")

        for asked in ["//cases/A", "//cases//A"] {
            let redirect = try await files.handleRequest(request(asked))
            XCTAssertEqual(redirect.headers[.location], "/cases/A/", "never //, which a browser reads as a host")
        }
        let elsewhere = try await files.handleRequest(request("//example.org"))
        XCTAssertEqual(elsewhere.statusCode, .notFound)
        XCTAssertNil(elsewhere.headers[.location])

        let head = try await files.handleRequest(request("/cases/A/", .HEAD))
        XCTAssertEqual(head.statusCode, .ok)
        XCTAssertEqual(head.headers[.contentLength], String(pageBody.utf8.count), "GET's length")
        let headBody = try await head.bodyData
        XCTAssertEqual(headBody, Data(), "and no body")
        let post = SiteFiles.notAllowed(request("/cases/A/", .POST))
        XCTAssertEqual(post.statusCode, .methodNotAllowed)
        XCTAssertEqual(post.headers[.init("Allow")], "GET, HEAD")

        let badge = try await files.handleRequest(request("/cases/A/badge.svg"))
        XCTAssertEqual(badge.headers[.contentType], "image/svg+xml")
        let badgeBody = String(decoding: try await badge.bodyData, as: UTF8.self)
        XCTAssertEqual(badgeBody, "<svg/>", "only HTML gets the script")
        let font = try await files.handleRequest(request("/font.woff2"))
        XCTAssertEqual(font.headers[.contentType], "font/woff2")

        let missing = try await files.handleRequest(request("/nothing/here"))
        XCTAssertEqual(missing.statusCode, .notFound)
        let missingBody = String(decoding: try await missing.bodyData, as: UTF8.self)
        XCTAssertTrue(missingBody.contains("404"))

        let outside = try await files.handleRequest(request("/../../etc/passwd"))
        XCTAssertEqual(outside.statusCode, .forbidden)
    }
}
