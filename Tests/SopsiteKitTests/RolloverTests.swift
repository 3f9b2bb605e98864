import BusinessTime
import Foundation
@testable import SopsiteKit
import XCTest

/// The day's rollover of a long-running portal, its test clock, and /build.json.
final class RolloverTests: XCTestCase {
    func testTheTestClockStartsWhereItIsToldAndRuns() throws {
        let now = Date()
        let clock = PortalClock.fromEnvironment(["SOPSITE_TEST_NOW": "2026-03-23T23:59:57"], now: now)
        XCTAssertEqual(clock.today(), Day(iso: "2026-03-23"))
        XCTAssertEqual(clock.secondsToMidnight(), 3, accuracy: 0.5)
        XCTAssertEqual(clock.stamp().prefix(18), "2026-03-23T23:59:5")
        XCTAssertEqual(PortalClock.fromEnvironment([:]).offset, 0, "without it, the system's clock")
        XCTAssertEqual(PortalClock.fromEnvironment(["SOPSITE_TEST_NOW": "tomorrow"]).offset, 0, "unreadable: ignored")
        // Midnight in Bangkok is 17:00 UTC.
        let utc = PortalClock(offset: Date(timeIntervalSince1970: 1_774_285_200 - 60).timeIntervalSinceNow)
        XCTAssertEqual(utc.secondsToMidnight(), 60, accuracy: 0.5)
    }

    /// Rolled over to the next day, the portal equals a fresh build as of that day: RV-01's
    /// second pass of step 3 was due on 23 March, and on the 24th it is overdue.
    func testARolledOverPortalIsAFreshBuildOfTheNewDay() async throws {
        let folder = try temporaryFolder(self)
        let options = BuildOptions(contentFolder: Repo.fixture("rounds-site"), outputFolder: folder + "/live",
                                   themeFolder: Repo.root + "/themes/default", asOf: Day(iso: "2026-03-23")!)
        let site = LiveSite(options: options)
        _ = await site.buildAll()
        func state(_ root: String) throws -> String? {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: root + "/status.json"))) as! [String: Any]
            return (json["cases"] as! [[String: Any]]).first { $0["id"] as? String == "RV-01" }?["state"] as? String
        }
        XCTAssertEqual(try state(folder + "/live"), "in-progress")
        guard case let .rebuilt(changed, _) = await site.rollOver(to: Day(iso: "2026-03-24")!) else { return XCTFail() }
        XCTAssertTrue(changed.contains("cases/RV-01/index.html") && changed.contains("status.json"), "\(changed)")
        XCTAssertEqual(try state(folder + "/live"), "overdue")
        var fresh = options
        (fresh.outputFolder, fresh.asOf, fresh.search) = (folder + "/fresh", Day(iso: "2026-03-24")!, false)
        try Build.run(fresh)
        let fm = FileManager.default
        for path in (fm.subpaths(atPath: folder + "/fresh") ?? []).sorted() where !ContentFiles.isFolder(folder + "/fresh/" + path) {
            XCTAssertEqual(fm.contents(atPath: folder + "/live/" + path), fm.contents(atPath: folder + "/fresh/" + path), path)
        }
        // build.json beside the pages: as of the new day, ok, the counts.
        try await site.writeBuildInfo(clock: .system)
        let info = try String(contentsOfFile: folder + "/live/build.json", encoding: .utf8)
        XCTAssertTrue(info.contains("\"as_of\" : \"2026-03-24\"") && info.contains("\"ok\" : true") && info.contains("\"cases\" : 5"), info)
        // A full rebuild keeps it (it is not a page the portal makes).
        _ = await site.buildAll()
        XCTAssertTrue(fm.fileExists(atPath: folder + "/live/build.json"))
    }

    /// The content's commit: from the hook's file, or read from .git without running git.
    func testTheCommitIsReadFromTheRepository() throws {
        let folder = try temporaryFolder(self)
        try write([".git/HEAD": "ref: refs/heads/main\n", ".git/packed-refs": "# pack-refs\n0123abc refs/heads/main\n",
                   "content/site.yaml": "x"], in: folder)
        XCTAssertEqual(BuildInfo.commit(of: folder + "/content", environment: [:]), "0123abc")
        try write([".git/refs/heads/main": "4567def\n"], in: folder)
        XCTAssertEqual(BuildInfo.commit(of: folder + "/content", environment: [:]), "4567def", "a loose ref first")
        try write(["content/.sopsite-commit": "89abcde\n"], in: folder)
        XCTAssertEqual(BuildInfo.commit(of: folder + "/content", environment: [:]), "89abcde")
        XCTAssertEqual(BuildInfo.commit(of: folder + "/content", environment: ["SOPSITE_CONTENT_COMMIT": "feed"]), "feed")
        XCTAssertNil(BuildInfo.commit(of: try temporaryFolder(self), environment: [:]))
    }

    /// `sopsite build --build-json` writes the same file, and a build without it none.
    func testABuildWritesBuildJSONOnlyWhenAsked() throws {
        let folder = try temporaryFolder(self)
        var options = BuildOptions(contentFolder: Repo.root + "/content", outputFolder: folder + "/public",
                                   themeFolder: Repo.root + "/themes/default", asOf: Repo.asOf)
        options.search = false
        try Build.run(options)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/public/build.json"))
        options.buildInfo = true
        try Build.run(options)
        let info = try String(contentsOfFile: folder + "/public/build.json", encoding: .utf8)
        for line in ["\"as_of\" : \"2026-11-27\"", "\"cases\" : 9", "\"errors\" : []", "\"ok\" : true", "\"sops\" : 1"] {
            XCTAssertTrue(info.contains(line), info)
        }
    }
}
