import Foundation
@testable import FileWatcher
import TestFolders
import XCTest

final class WatcherTests: XCTestCase {
    func testWritingAFileIsReportedOnce() async throws {
        let (root, _, batches) = try start()
        try write(["a.md": "one"], in: root)
        let first = await batches.wait(for: 1)
        XCTAssertEqual(first, [[root + "/a.md"]])
        let count = await batches.settledCount()
        XCTAssertEqual(count, 1)
    }

    func testBurstOfWritesIsOneBatch() async throws {
        let (root, _, batches) = try start(quiet: .milliseconds(50))
        for round in 1...5 {
            try write(["a.md": String(repeating: "x", count: round)], in: root)
            try await Task.sleep(for: .milliseconds(2))
        }
        let first = await batches.wait(for: 1)
        XCTAssertEqual(first, [[root + "/a.md"]])
        let count = await batches.settledCount()
        XCTAssertEqual(count, 1)
    }

    func testNewFoldersAreWatchedAndWhatIsAlreadyInThemReported() async throws {
        let (root, _, batches) = try start(files: ["cases/OLD/index.md": "old"])
        // Created and written at once, before the watcher can have a watch on the new folders.
        try write(["cases/NEW/index.md": "new", "cases/NEW/a/b/c.md": "deep"], in: root)
        let new = ["", "/index.md", "/a", "/a/b", "/a/b/c.md"].map { root + "/cases/NEW" + $0 }
        let seen = await batches.waitToSee(Set(new))
        XCTAssertEqual(seen, Set(new))
        let count = await batches.settledCount()
        try write(["cases/NEW/a/b/later.md": "later"], in: root)
        let later = await batches.wait(for: count + 1)
        XCTAssertEqual(later.last, [root + "/cases/NEW/a/b/later.md"])
    }

    func testDeletedFilesAndFoldersAreReported() async throws {
        // A trailing slash is dropped from the reported paths.
        let (root, _, batches) = try start(files: ["a.md": "a", "cases/X/index.md": "x"], slash: true)
        try FileManager.default.removeItem(atPath: root + "/a.md")
        let first = await batches.wait(for: 1)
        XCTAssertEqual(first, [[root + "/a.md"]])
        try FileManager.default.removeItem(atPath: root + "/cases/X")
        let gone = [root + "/a.md", root + "/cases/X", root + "/cases/X/index.md"]
        let seen = await batches.waitToSee(Set(gone))
        XCTAssertEqual(seen, Set(gone))
    }

    func testReplacingByRenameReportsTheTargetOnly() async throws {
        let (root, _, batches) = try start(files: ["index.md": "old"])
        try write(["index.md.tmp": "new"], in: root)
        XCTAssertEqual(rename(root + "/index.md.tmp", root + "/index.md"), 0)
        let batch = await batches.wait(for: 1)
        XCTAssertEqual(batch, [[root + "/index.md"]])
    }

    func testEditorFilesAloneProduceNoBatch() async throws {
        let (root, _, batches) = try start(files: ["index.md": "page"])
        try write([".index.md.swp": "swap", "index.md~": "backup", "4913": ""], in: root)
        try FileManager.default.removeItem(atPath: root + "/4913")
        let count = await batches.settledCount()
        XCTAssertEqual(count, 0)
        // Still watching: the real save comes through, without the editor's files.
        try write(["index.md": "saved"], in: root)
        let batch = await batches.wait(for: 1)
        XCTAssertEqual(batch, [[root + "/index.md"]])
    }

    func testStopEndsTheStream() async throws {
        let (_, watcher, batches) = try start()
        watcher.stop()
        watcher.stop()
        let ended = await batches.waitForEnd()
        XCTAssertTrue(ended)
    }

    func testPollingReportsWritesAndDeletions() async throws {
        let (root, _, batches) = try start(files: ["cases/X/index.md": "x"], quiet: .milliseconds(20), polling: true)
        try write(["cases/X/new.md": "new", "cases/X/.new.md.swp": "swap"], in: root)
        let written = await batches.wait(for: 1)
        XCTAssertEqual(written, [[root + "/cases/X/new.md"]])
        try FileManager.default.removeItem(atPath: root + "/cases/X/index.md")
        let deleted = await batches.wait(for: 2)
        XCTAssertEqual(deleted.dropFirst(), [[root + "/cases/X/index.md"]])
    }

    func testAConstantStreamOfChangesIsReportedAfterTheCap() {
        let start = ContinuousClock.now
        var batch = WatcherBatch(quiet: .milliseconds(10), cap: .milliseconds(100))
        for ms in stride(from: 0, through: 99, by: 9) { batch.add(["b", "a", "b"], at: start + .milliseconds(ms)) }
        XCTAssertNil(batch.take(at: start + .milliseconds(99)))
        XCTAssertEqual(batch.take(at: start + .milliseconds(100)), ["a", "b"])
        XCTAssertNil(batch.due)
    }

    func testASaveThatEndsInACloseOrARenameWaitsOnlyTheSettle() {
        let start = ContinuousClock.now
        var batch = WatcherBatch(quiet: .milliseconds(15), settle: .milliseconds(3), cap: .milliseconds(150))
        batch.add(["a.md"], at: start, settled: true)
        XCTAssertEqual(batch.due, start + .milliseconds(3))
        // Something after it that is not a finished save (a file created, not yet closed).
        batch.add(["b.md"], at: start + .milliseconds(1))
        XCTAssertNil(batch.take(at: start + .milliseconds(15)))
        XCTAssertEqual(batch.take(at: start + .milliseconds(16)), ["a.md", "b.md"])
        // A settle longer than the quiet period is the quiet period.
        XCTAssertEqual(WatcherBatch(quiet: .milliseconds(5), settle: .milliseconds(9), cap: .seconds(1)).settle, .milliseconds(5))
    }

    func testAFileStillOpenWaitsTheQuietPeriodAndItsCloseOnlyTheSettle() async throws {
        let root = try temporaryFolder(self)
        let watcher = try Watcher(folders: [root], quiet: .seconds(5), settle: .milliseconds(5))
        addTeardownBlock { watcher.stop() }
        let batches = Batches(watcher)
        let path = root + "/a.md"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        try await Task.sleep(for: .milliseconds(300))  // the create's close, taken alone
        let created = await batches.wait(for: 1)
        XCTAssertEqual(created, [[path]])
        let file = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try file.write(contentsOf: Data("written, still open".utf8))
        let whileOpen = await batches.settledCount()
        XCTAssertEqual(whileOpen, 1, "a write to a file still open waits the 5 s quiet period")
        try file.close()
        let closed = await batches.wait(for: 2)
        XCTAssertEqual(closed, [[path], [path]], "its close is a finished save: taken after 5 ms")
    }

    func testMissingFolderIsAnError() {
        XCTAssertThrowsError(try Watcher(folders: ["/nonexistent-sopsite-folder"], quiet: .milliseconds(20)))
    }

    func testEditorFiles() {
        for path in [".index.md.swp", "content/.git/HEAD", "index.md~", "a.md.~2~", ".#index.md", "#index.md#",
                     "4913", "5036", ".DS_Store", "x.tmp", "index.md___jb_tmp___", "index.md___jb_old___", "sedAb3xYz"] {
            XCTAssertTrue(EditorFiles.isIgnored(path), path)
        }
        for path in ["index.md", "./content/a.md", "../site/content/a.md", "2024", "sedentary", "#", "cases/X/index.md"] {
            XCTAssertFalse(EditorFiles.isIgnored(path), path)
        }
    }

    /// A watcher on a fresh temporary folder holding `files`, stopped when the test ends.
    private func start(files: [String: String] = [:], quiet: Duration = .milliseconds(30), polling: Bool = false,
                       slash: Bool = false) throws -> (String, Watcher, Batches) {
        let root = try temporaryFolder(self)
        try write(files, in: root)
        let watcher = try Watcher(folders: [slash ? root + "/" : root], quiet: quiet, polling: polling)
        addTeardownBlock { watcher.stop() }
        return (root, watcher, Batches(watcher))
    }
}

/// A watcher's batches, gathered by a task of its own so that a test waits for them with a
/// deadline and never hangs on the stream.
private final class Batches: @unchecked Sendable {
    // @unchecked: both variables are only touched under `lock`.
    private let lock = NSLock()
    private var batches: [[String]] = []
    private var ended = false

    init(_ watcher: Watcher) {
        Task { [self] in
            for await batch in watcher.changes { lock.withLock { batches.append(batch) } }
            lock.withLock { ended = true }
        }
    }

    /// The batches once there are `count` (or after a second).
    func wait(for count: Int) async -> [[String]] {
        await waitUntil { batches.count >= count }
        return lock.withLock { batches }
    }

    /// All paths reported, once they include `paths` (or after a second): for changes that a
    /// busy machine might split over two batches.
    func waitToSee(_ paths: Set<String>) async -> Set<String> {
        await waitUntil { Set(batches.joined()).isSuperset(of: paths) }
        return lock.withLock { Set(batches.joined()) }
    }

    /// How many batches there are after waiting longer than any batch takes to come.
    func settledCount() async -> Int {
        try? await Task.sleep(for: .milliseconds(200))
        return lock.withLock { batches.count }
    }

    func waitForEnd() async -> Bool {
        await waitUntil { ended }
    }

    /// Whether `condition` came true within a second.
    @discardableResult
    private func waitUntil(_ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(1)
        while !lock.withLock(condition) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }
}
