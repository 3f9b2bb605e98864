import Foundation
@testable import SopsiteKit
import XCTest

/// Symbolic links that lead out of content/, attachments whose names differ only in case:
/// the portal publishes only files that are in the content folder where they belong.
/// (Unsafe case ids, ids that differ in case and links out of a case's folder are in
/// CaseFoldersTests; links with `..` and absolute paths in HostileLinkTests and CaseDocumentsTests.)
final class HostilePathsTests: XCTestCase {
    let fm = FileManager.default

    /// The XSS fixture in a temporary folder, beside a folder of "secrets" outside content/.
    func site() throws -> (content: String, secrets: String) {
        let content = try Hostile.copy("xss-site", self)
        let secrets = (content as NSString).deletingLastPathComponent + "/secrets"
        let index = try String(contentsOfFile: content + "/cases/X1-2569-001/index.md", encoding: .utf8)
        try write([
            "id_rsa": "-----BEGIN OPENSSH PRIVATE KEY-----",
            "index.md": index, "manual.md": "---\nsystem: s\nversion: \"1\"\nprepared_by: p\n---\nleaked\n",
            "site.yaml": try String(contentsOfFile: content + "/site.yaml", encoding: .utf8),
            "X2.md": try String(contentsOfFile: content + "/sops/X1.md", encoding: .utf8).replacingOccurrences(of: "code: X1", with: "code: X2"),
        ], in: secrets)
        return (content, URL(fileURLWithPath: secrets).resolvingSymlinksInPath().path)
    }

    func link(_ path: String, to target: String) throws {
        try? fm.removeItem(atPath: path)
        try fm.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    func assertRefused(_ content: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let (out, messages, failed) = try Hostile.build(content, self)
        XCTAssertTrue(failed, file: file, line: line)
        XCTAssertEqual(messages.filter { $0.contains(": error: ") }, expected, file: file, line: line)
        XCTAssertFalse(fm.fileExists(atPath: out), "nothing is published", file: file, line: line)
    }

    func testACaseFolderThatLinksOutOfCasesIsRefused() throws {
        let (content, secrets) = try site()
        try link(content + "/cases/X1-2569-002", to: "../../secrets")
        try assertRefused(content, [
            "cases/X1-2569-002:1:1: error: links to \(secrets), outside the cases folder; move the case's folder in instead",
        ])
    }

    func testContentFilesThatLinkOutOfTheirFolderAreRefused() throws {
        let (content, secrets) = try site()
        try link(content + "/cases/X1-2569-001/manual.md", to: "../../../secrets/manual.md")
        try link(content + "/sops/X2.md", to: secrets + "/X2.md")
        try assertRefused(content, [
            "cases/X1-2569-001/manual.md:1:1: error: links to \(secrets)/manual.md, outside its folder; copy the file in instead",
            "sops/X2.md:1:1: error: links to \(secrets)/X2.md, outside its folder; copy the file in instead",
        ])
        try link(content + "/cases/X1-2569-001/index.md", to: secrets + "/index.md")
        try link(content + "/site.yaml", to: secrets + "/site.yaml")
        let (_, messages, _) = try Hostile.build(content, self, writing: false)
        XCTAssertEqual(messages, [
            "cases/X1-2569-001/index.md:1:1: error: links to \(secrets)/index.md, outside its folder; copy the file in instead",
            "site.yaml:1:1: error: links to \(secrets)/site.yaml, outside its folder; copy the file in instead",
            "sops/X2.md:1:1: error: links to \(secrets)/X2.md, outside its folder; copy the file in instead",
        ])
    }

    func testAnAttachmentLinkingToTheMachineIsRefused() throws {
        let (content, secrets) = try site()
        try link(content + "/cases/X1-2569-001/key.pdf", to: secrets + "/id_rsa")
        try link(content + "/cases/X1-2569-001/etc", to: "/etc")
        try assertRefused(content, [
            "cases/X1-2569-001/etc:1:1: error: links to /etc, outside the case's folder; copy the file in instead",
            "cases/X1-2569-001/key.pdf:1:1: error: links to \(secrets)/id_rsa, outside the case's folder; copy the file in instead",
        ])
    }

    func testLinksThatStayInsideAreFollowedAndLoopsEnd() throws {
        let (content, _) = try site()
        try link(content + "/cases/X1-2569-001/copy.pdf", to: "memo.pdf")
        try link(content + "/cases/X1-2569-001/loop", to: ".")
        let start = Date()
        let (out, messages, failed) = try Hostile.build(content, self)
        XCTAssertFalse(failed, messages.joined(separator: "\n"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(fm.contents(atPath: out + "/cases/X1-2569-001/copy.pdf"), fm.contents(atPath: content + "/cases/X1-2569-001/memo.pdf"))
        XCTAssertFalse(fm.fileExists(atPath: out + "/cases/X1-2569-001/loop"))
        // (Output.copyFile publishes copy.pdf as the link itself, not a copy of memo.pdf: see docs/security.md.)
    }

    func testAttachmentsThatDifferOnlyInCase() throws {
        let (content, _) = try site()
        try write(["cases/X1-2569-001/Memo.pdf": "another memo"], in: content)
        try assertRefused(content, [
            "cases/X1-2569-001/memo.pdf:1:1: error: two attachments with one name: \"memo.pdf\" and \"Memo.pdf\" differ only in case",
        ])
    }

    func testADanglingLinkIsAnError() throws {
        let (content, _) = try site()
        try link(content + "/cases/X1-2569-001/gone.pdf", to: "nothing.pdf")
        try assertRefused(content, ["cases/X1-2569-001/gone.pdf:1:1: error: links to nothing.pdf, which does not exist"])
    }

    /// Attachments by a list of the types allowed: anything else, and every name the portal
    /// writes in a case's folder, is an error before anything is written.
    func testAttachmentsThatWouldRunScriptsOnThePortalAreRefused() throws {
        let (content, _) = try site()
        let folder = "cases/X1-2569-001/"
        try write([
            folder + "evil.html": "<script>alert(document.cookie)</script>", folder + "index.html": "<script></script>",
            folder + "images/diagram.SVG": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            folder + "badge.svg": "<svg/>", folder + "data.xml": "<x/>", folder + "app.js": "alert(1)",
            folder + "page.xhtm": "<x/>", folder + "module.es": "alert(1)", folder + "run.wasm": "\0asm", folder + "README": "x",
            folder + "manual/page.css": "body{}", folder + "manual/guide.pdf": "%PDF", folder + "manual.pdf": "%PDF",
            folder + "ok.png": "png", folder + "notes.txt": "<script>alert(1)</script>", folder + "data/sheet.XLSX": "x",
        ], in: content)
        let types = "is not among the types a case may publish (PDF, images, office documents, text, archives, audio and video); save it as a PDF, or put it in a zip"
        try assertRefused(content, [
            "cases/X1-2569-001/README:1:1: error: a file without an extension \(types)",
            "cases/X1-2569-001/app.js:1:1: error: a .js file \(types)",
            "cases/X1-2569-001/badge.svg:1:1: error: the portal writes badge.svg in the case's folder itself; rename the file",
            "cases/X1-2569-001/data.xml:1:1: error: a .xml file \(types)",
            "cases/X1-2569-001/evil.html:1:1: error: a .html file \(types)",
            "cases/X1-2569-001/images/diagram.SVG:1:1: error: a .svg file \(types)",
            "cases/X1-2569-001/index.html:1:1: error: the portal writes index.html in the case's folder itself; rename the file",
            "cases/X1-2569-001/manual:1:1: error: the portal writes manual in the case's folder itself; rename the folder",
            "cases/X1-2569-001/manual.pdf:1:1: error: the portal writes manual.pdf itself, from manual.md; rename the file",
            "cases/X1-2569-001/module.es:1:1: error: a .es file \(types)",
            "cases/X1-2569-001/page.xhtm:1:1: error: a .xhtm file \(types)",
            "cases/X1-2569-001/run.wasm:1:1: error: a .wasm file \(types)",
        ])
    }
}
