import Foundation
@testable import SopsiteKit
import XCTest

/// What `serve` and `publish` leave in the search index when cases go: nothing of theirs, and
/// nothing a fresh build of the same content would not hold. Cases name people and telephone
/// numbers, and a `public/` made by serve may be copied to a server as it is.
extension FaultTests {
    func testServeLeavesTheSearchIndexAFreshBuildMakes() throws {
        try searchIndexAfterCasesGo(["serve", "--port", "\(try freePort())"])
    }

    func testPublishLeavesTheSearchIndexAFreshBuildMakes() throws {
        try searchIndexAfterCasesGo(["publish"])
    }

    /// One case deleted, one renamed (its folder, so its id), one retitled, with `command`
    /// running; then its `pagefind/` is compared with a fresh build's, file by file.
    private func searchIndexAfterCasesGo(_ command: [String]) throws {
        try requireSopsiteAndPagefind()
        let folder = try temporaryFolder(self)
        let content = try sampleContent(in: folder, copying: "SW01-2569-008", copies: 3, paragraphs: 1)
        // Words no other page has, in the body of one case and in the title of another.
        try append("\nติดต่อคุณ Quokkamarker โทร 0812345678\n", to: content + "/cases/SW01-2569-008-copy0000/index.md")
        try append("\nผู้ประสานงาน Bilbymarker\n", to: content + "/cases/SW01-2569-008-copy0002/index.md")
        let retitled = content + "/cases/SW01-2569-008-copy0001/index.md"
        let text = try String(contentsOfFile: retitled, encoding: .utf8)
        let title = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("title:") })
        try text.replacingOccurrences(of: title, with: "title: ระบบ Wombatmarker")
            .write(toFile: retitled, atomically: false, encoding: .utf8)

        let out = folder + "/public", log = folder + "/\(command[0]).log"
        let running = try start(command + ["--content", content, "--output", out], log: log)
        defer { if running.isRunning { kill(running.processIdentifier, SIGKILL) } }
        let said = { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        let runs = { said().components(separatedBy: "search index: ").count - 1 }
        try wait(120, "\(command[0]) never told of its first search index: \(said())") { runs() >= 1 }
        XCTAssertTrue(said().contains("parts indexed in"), said())
        let marked = ["quokkamarker", "wombatmarker", "bilbymarker", "sw01-2569-008-copy0002"]
        XCTAssertEqual(try indexed(in: out, mentioning: marked), marked)

        // Each change waits for the index after it, so that each is indexed on its own.
        try FileManager.default.removeItem(atPath: content + "/cases/SW01-2569-008-copy0000")
        try wait(60, "no index after the delete: \(said())") { runs() >= 2 }
        try text.replacingOccurrences(of: title, with: "title: ระบบทะเบียนใหม่ Numbatmarker")
            .write(toFile: retitled, atomically: false, encoding: .utf8)
        try wait(60, "no index after the new title: \(said())") { runs() >= 3 }
        try FileManager.default.moveItem(atPath: content + "/cases/SW01-2569-008-copy0002",
                                         toPath: content + "/cases/SW01-2569-008-moved")
        try wait(60, "no index after the rename: \(said())") { runs() >= 4 }
        XCTAssertFalse(said().contains("search index: error") || said().contains("made again whole"), said())
        XCTAssertEqual(try indexed(in: out, mentioning: ["quokkamarker", "wombatmarker", "0812345678", "sw01-2569-008-copy0002"]), [], said())
        // The index still holds the cases that stay, the renamed one under its new name.
        XCTAssertEqual(try indexed(in: out, mentioning: ["numbatmarker", "bilbymarker", "sw01-2569-008-moved"]),
                       ["numbatmarker", "bilbymarker", "sw01-2569-008-moved"], said())
        running.terminate()
        running.waitUntilExit()

        let fresh = folder + "/fresh"
        _ = try timedBuild(content, into: fresh)
        let served = filesWithBytes(in: out + "/pagefind"), built = filesWithBytes(in: fresh + "/pagefind")
        XCTAssertGreaterThan(built.keys.filter { $0.contains("/fragment/") }.count, 5, "a fresh build indexes the cases")
        XCTAssertEqual(served.keys.sorted(), built.keys.sorted(), "the index's files are a fresh build's")
        XCTAssertEqual(served.keys.filter { served[$0] != built[$0] }.sorted(), [], "byte for byte")
    }

    /// A build keeps the index parts of the output it replaces whose pages did not change (the
    /// same files, linked), and indexes again only the part of an edited case; the result is
    /// what a fresh build makes.
    func testABuildIndexesAgainOnlyThePartsWhosePagesChanged() throws {
        try requireSopsiteAndPagefind()
        let folder = try temporaryFolder(self)
        let content = try sampleContent(in: folder, copying: "SW01-2569-008", copies: 2, paragraphs: 1)
        let out = folder + "/public", fresh = folder + "/fresh"
        _ = try timedBuild(content, into: out)
        let first = try parts(of: out)
        XCTAssertGreaterThan(first.count, 2, "the sample has the SOPs and cases of several quarters")

        _ = try timedBuild(content, into: out)
        XCTAssertEqual(try parts(of: out), first, "nothing changed: every part is the last build's")

        try append("\nติดต่อคุณ Numbatmarker\n", to: content + "/cases/SW01-2569-008-copy0000/index.md")
        _ = try timedBuild(content, into: out)
        let third = try parts(of: out)
        let remade = first.keys.filter { third[$0]?.file != first[$0]?.file }
        XCTAssertEqual(remade.count, 1, "only the edited case's part is indexed again: \(remade)")
        XCTAssertEqual(first.keys.filter { third[$0]?.digest != first[$0]?.digest }, remade)
        XCTAssertEqual(try indexed(in: out, mentioning: ["numbatmarker"]), ["numbatmarker"])

        _ = try timedBuild(content, into: fresh)
        XCTAssertEqual(try parts(of: fresh).mapValues(\.digest), third.mapValues(\.digest))
    }

    /// Each part of the output's index: what shards.json says it was made from, and the inode
    /// of its pagefind-entry.json (the same file when the part was kept, linked).
    private func parts(of out: String) throws -> [String: Part] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/pagefind/shards.json"))
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let digests = try XCTUnwrap(list["digests"] as? [String: String])
        var parts: [String: Part] = [:]
        for (name, digest) in digests {
            let attributes = try FileManager.default.attributesOfItem(atPath: out + "/pagefind/\(name)/pagefind-entry.json")
            parts[name] = Part(digest: digest, file: try XCTUnwrap(attributes[.systemFileNumber] as? NSNumber).uint64Value)
        }
        return parts
    }

    private struct Part: Equatable {
        let digest: String
        let file: UInt64
    }

    /// Which of `words` are in any file of the output's search index, decompressed
    /// (Pagefind gzips its index and fragments).
    private func indexed(in out: String, mentioning words: [String]) throws -> [String] {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "find \"$0\" -type f -name '*.pf_*' -exec gzip -dcf {} +", out + "/pagefind"]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        return words.filter { text.contains($0) }
    }

    private func append(_ text: String, to path: String) throws {
        let file = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try file.seekToEnd()
        try file.write(contentsOf: Data(text.utf8))
        try file.close()
    }
}
