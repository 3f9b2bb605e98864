import Foundation
@testable import SopsiteKit
import XCTest

/// Hidden entries at the top of the output (a deploy repository's `.git`) are the user's: a
/// build killed while it publishes loses none of them, and neither does the build after it.
extension FaultTests {
    func testBuildsKilledWhilePublishingLoseNoHiddenEntry() throws {
        let folder = try temporaryFolder(self)
        let content = folder + "/content", published = folder + "/out/public"
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: content)
        _ = try timedBuild(content, into: published, search: false)
        // A deploy repository's .git, and many hidden files so that moving them takes a while.
        var hidden: [String: Data] = [".git/HEAD": Data("ref: refs/heads/main\n".utf8),
                                      ".git/objects/ab/cdef": Data([1, 2, 3]), ".well-known/security.txt": Data("Contact: it@example.ac.th\n".utf8)]
        for n in 0..<20_000 { hidden[String(format: ".hidden-%05d", n)] = Data("\(n)".utf8) }
        for (path, bytes) in hidden {
            let file = published + "/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: file))
        }
        let last = published + "/.hidden-19999", git = published + "/.git/HEAD"
        func stillThere() -> [String: Data] {
            var found: [String: Data] = [:]
            for place in [published] + leftBeside(published) {
                for (path, bytes) in filesWithBytes(in: place) where path.hasPrefix(".") { found[path] = found[path] ?? bytes }
            }
            return found
        }

        var caught = 0
        for round in 1...4 {
            let build = try start(["build", "--quiet", "--no-search", "--content", content, "--output", published])
            // While it publishes, some hidden entry is not in the output: kill it then.
            while build.isRunning, access(last, F_OK) == 0, access(git, F_OK) == 0 { usleep(200) }
            if build.isRunning {
                kill(build.processIdentifier, SIGKILL)
                caught += 1
            }
            build.waitUntilExit()
            XCTAssertEqual(stillThere(), hidden, "round \(round): every hidden entry is in the output or beside it")

            _ = try timedBuild(content, into: published, search: false)
            XCTAssertEqual(filesWithBytes(in: published).filter { $0.key.hasPrefix(".") }, hidden,
                           "round \(round): the next build has every hidden entry in the output")
            XCTAssertEqual(leftBeside(published), [], "round \(round): and nothing left beside it")
        }
        XCTAssertGreaterThan(caught, 0, "no build was killed while it published")
    }

    /// A build by another user than the one who built the last portal and installed the theme
    /// (root's, here): the theme's files are copied as the builder's own, the new portal is
    /// published, and the old one it cannot remove is a warning that names it.
    func testABuildByAnotherUserOverRootsPortalAndTheme() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root, to build as another user") }
        let folder = try temporaryFolder(self)
        let content = folder + "/content", site = folder + "/site", published = site + "/public"
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: content)
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: false)
        _ = try timedBuild(content, into: published, search: false)
        try Data().write(to: URL(fileURLWithPath: published + "/.gitkeep"))
        // Everything root's and readable by all (the theme is the repository's); only the folder
        // beside the portal is nobody's.
        var path = folder
        while path != "/" { chmod(path, 0o755); path = (path as NSString).deletingLastPathComponent }
        XCTAssertEqual(chown(site, 65534, 65534), 0)

        let log = folder + "/build.log"
        let build = try start(["build", "--quiet", "--no-search", "--content", content, "--output", published],
                              log: log, user: 65534)
        build.waitUntilExit()
        let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        XCTAssertEqual(build.terminationStatus, 0, said)
        let owner = try FileManager.default.attributesOfItem(atPath: published + "/static/style.css")[.ownerAccountID] as? NSNumber
        XCTAssertEqual(owner?.intValue, 65534, "the new portal is in place, the theme's files the builder's own")
        let old = leftBeside(published)
        XCTAssertEqual(old.count, 1, "the old portal, which nobody may empty, is beside it")
        XCTAssertTrue(said.contains(old.first.map { ($0 as NSString).lastPathComponent } ?? "?") && said.contains("warning:"), said)
        XCTAssertFalse(said.contains("error"), said)
    }

    /// What builds left beside `output` (staging folders, old portals).
    private func leftBeside(_ output: String) -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
            .filter { $0.hasPrefix(".public.staging-") }.map { parent + "/" + $0 }
    }
}
