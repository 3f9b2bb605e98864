import Foundation
@testable import SopsiteKit
import XCTest

/// Case folders: ids safe in a URL, unique regardless of case, attachments that stay inside.
final class CaseFoldersTests: XCTestCase {
    func list(_ files: [String: String], links: [String: String] = [:]) throws -> ([CaseFolders.Folder], [String]) {
        let folder = try temporaryFolder(self)
        try write(files, in: folder)
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + link, withDestinationPath: target)
        }
        var diagnostics = Diagnostics()
        let folders = CaseFolders.list(folder + "/cases", &diagnostics)
        return (folders, diagnostics.sorted.map { $0.description.replacingOccurrences(of: folder + "/", with: "") })
    }

    func testAttachmentsAreEveryOtherFile() throws {
        let (folders, messages) = try list([
            "cases/A-1/index.md": "x", "cases/A-1/manual.md": "x", "cases/A-1/memo.pdf": "x",
            "cases/A-1/images/screen.png": "x", "cases/A-1/.DS_Store": "x",
        ])
        XCTAssertEqual(messages, [])
        XCTAssertEqual(folders.map(\.id), ["A-1"])
        XCTAssertEqual(folders.first?.attachments, ["images/screen.png", "memo.pdf"])
    }

    func testIDsThatWouldNotBeSafeInAURL() throws {
        let (folders, messages) = try list(["cases/ระบบ ใหม่/index.md": "x", "cases/a%2e/index.md": "x", "cases/ok/index.md": "x"])
        XCTAssertEqual(folders.map(\.id), ["ok"])
        XCTAssertEqual(messages, [
            "cases/a%2e:1:1: error: case id \"a%2e\" may use only letters, digits, '-', '_' and '.'; rename the folder",
            "cases/ระบบ ใหม่:1:1: error: case id \"ระบบ ใหม่\" may use only letters, digits, '-', '_' and '.'; rename the folder",
        ])
    }

    func testZeroWidthCharactersInAnID() throws {
        let (folders, messages) = try list(["cases/SW01\u{200B}-1/index.md": "x"])
        XCTAssertEqual(folders.count, 0)
        XCTAssertEqual(messages.count, 1)
    }

    func testTwoCasesWithOneID() throws {
        let (folders, messages) = try list(["cases/sw01-2569-001/index.md": "x", "cases/SW01-2569-001/index.md": "x"])
        XCTAssertEqual(folders.map(\.id), ["SW01-2569-001"])
        XCTAssertEqual(messages, [
            "cases/sw01-2569-001:1:1: error: two cases with one id: \"sw01-2569-001\" and \"SW01-2569-001\" differ only in case",
        ])
    }

    func testAFolderWithoutIndex() throws {
        let (_, messages) = try list(["cases/A/memo.pdf": "x"])
        XCTAssertEqual(messages, ["cases/A/index.md:1:1: error: the case has no index.md"])
    }

    func testASymbolicLinkOutOfTheFolderIsRefused() throws {
        let (folders, messages) = try list(["cases/A/index.md": "x", "secret.txt": "x"],
                                           links: ["cases/A/leak.txt": "../../secret.txt"])
        XCTAssertEqual(folders.first?.attachments, [])
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasPrefix("cases/A/leak.txt:1:1: error: links to "), messages[0])
        XCTAssertTrue(messages[0].hasSuffix("secret.txt, outside the case's folder; copy the file in instead"), messages[0])
    }

    /// Files are read whole whatever size the file system gives (a /proc file says 0), and a
    /// folder's listing tells files, folders and links apart.
    func testFilesAreReadWholeAndListingsTellTypes() throws {
        let folder = try temporaryFolder(self)
        let big = String(repeating: "ข้อความ ", count: 20000)
        try write(["a/empty.md": "", "a/big.md": big, "a/sub/x.md": "x"], in: folder)
        try FileManager.default.createSymbolicLink(atPath: folder + "/a/link.md", withDestinationPath: "big.md")
        XCTAssertEqual(ContentFiles.bytes(folder + "/a/empty.md"), [])
        XCTAssertEqual(ContentFiles.bytes(folder + "/a/big.md"), Array(big.utf8))
        XCTAssertEqual(ContentFiles.bytes(folder + "/a/link.md"), Array(big.utf8))
        XCTAssertNil(ContentFiles.bytes(folder + "/a/sub"))
        XCTAssertNil(ContentFiles.bytes(folder + "/a/missing.md"))
        let status = try XCTUnwrap(ContentFiles.bytes("/proc/self/status"))
        XCTAssertGreaterThan(status.count, 100)
        XCTAssertTrue(String(decoding: status, as: UTF8.self).hasSuffix("\n"))
        let entries = try XCTUnwrap(ContentFiles.entries(folder + "/a")).sorted { $0.name < $1.name }
        XCTAssertEqual(entries.map(\.name), ["big.md", "empty.md", "link.md", "sub"])
        XCTAssertEqual(entries.map(\.type), [DT_REG, DT_REG, DT_LNK, DT_DIR].map(UInt8.init))
        XCTAssertNil(ContentFiles.entries(folder + "/missing"))
    }

    /// Safe ids, read by bytes, are what the rule says of their characters: ASCII letters,
    /// digits, "-", "_" and ".", not dots alone; random names of every ASCII character and a
    /// few letters of other scripts.
    func testSafeNamesAreTheRulesOwn() {
        let rule = { (name: String) -> Bool in
            !name.isEmpty && name.unicodeScalars.allSatisfy { s in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".")
            } && !name.allSatisfy { $0 == "." }
        }
        let pool = (0..<0x80).map { String(Character(Unicode.Scalar(UInt8($0)))) } + ["ก", "é", "Ａ", "ǅ", "٣", ".", ".", "-"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let name = (0..<Int.random(in: 0...4, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(SOPLoader.isSafeName(name), rule(name), name.debugDescription)
        }
        XCTAssertTrue(SOPLoader.isSafeName("SW01-2569-004"))
        XCTAssertFalse(SOPLoader.isSafeName(".."))
    }
}

extension CaseFoldersTests {
    /// A hidden folder in cases/ is no case: skipped, and said.
    func testAHiddenFolderIsSkippedWithAWarning() throws {
        let folder = try temporaryFolder(self)
        for name in [".draft", "..."] {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: false)
        }
        try Data().write(to: URL(fileURLWithPath: folder + "/.DS_Store"))
        var found = Diagnostics()
        XCTAssertEqual(CaseFolders.list(folder, &found).map(\.id), [])
        XCTAssertEqual(found.all.map(\.description).sorted(), [".draft", "..."].sorted().map {
            "\(folder)/\($0): warning: skipped: a folder whose name starts with '.' is hidden, not a case; rename it to publish it"
        }, "a hidden file is not said; hidden folders are")
    }
}
