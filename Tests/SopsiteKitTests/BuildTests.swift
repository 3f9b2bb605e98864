import GoldenFile
@testable import SopsiteKit
import XCTest

/// Whole builds through the library: the shipped portal, the fixture sites, and a failed build
/// that must leave the output folder as it was.
final class BuildTests: XCTestCase {
    func options(content: String, output: String, language: Language? = nil) -> BuildOptions {
        BuildOptions(contentFolder: content, outputFolder: output, themeFolder: Repo.root + "/themes/default",
                     language: language, asOf: Repo.asOf)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Cases followed as they are read (a build, on every core) are followed as they would be one
    /// after the other after loading: the same states and timelines, in the cases' order, and the
    /// same findings, in every fixture.
    func testCasesFollowedAsTheyAreReadAsAfterLoading() throws {
        // The shipped content with cases whose following finds something: an event out of the
        // SOP's order, dates out of order, a due date past the holidays listed.
        let broken = try temporaryFolder(self) + "/content"
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: broken)
        let edits = [
            ("SW01-2569-004", "  - step: 2\n    date: 2026-11-19 09:30", "  - step: 3\n    date: 2026-11-19 09:30"),
            ("SW01-2569-005", "date: 2026-", "date: 2021-"),
            ("SW01-2569-006", "events:\n  - step: 1\n", "events:\n  - step: 1\n    due:\n      2: 2031-01-05\n"),
        ]
        for (id, from, to) in edits {
            let path = broken + "/cases/\(id)/index.md"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.contains(from), id)
            try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
        }
        for folder in [broken, Repo.root + "/content", Repo.fixture("reports-site"), Repo.fixture("loop-site"),
                       Repo.fixture("invalid-site")] {
            var apart = Diagnostics(), together = Diagnostics()
            // The reference: every case loaded first, then each followed, one after the other.
            let content = Content.load(from: folder, &apart)
            var progress: [String: CaseProgress] = [:]
            if let content {
                let following = Following(content, asOf: Repo.asOf)
                following.warnNoHolidays(content, &apart)
                for c in content.cases {
                    progress[c.id] = following.follow(c, sops: Content.byCode(content.sops), &apart)
                }
            }
            let loaded = Content.load(from: folder, following: Repo.asOf, &together)
            let describe = { (p: [String: CaseProgress]) in
                p.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.state) \($0.value.records.map { "\($0.status)" })" }
            }
            let followed = loaded.map { Dictionary(uniqueKeysWithValues: zip($0.content.cases.map(\.id), $0.progress).compactMap { id, p in p.map { (id, $0) } }) }
            XCTAssertEqual(loaded?.progress.count, loaded?.content.cases.count, folder)
            XCTAssertEqual(describe(followed ?? [:]), describe(progress), folder)
            XCTAssertEqual(together.sorted.map(\.description), apart.sorted.map(\.description), folder)
            XCTAssertEqual(loaded?.content.cases.map(\.id), content?.cases.map(\.id), folder)
            if folder == broken { XCTAssertGreaterThanOrEqual(apart.all.count, 3, "\(apart.sorted.map(\.description))") }
        }
    }

    func testTheShippedPortalBuilds() throws {
        let out = try temporaryFolder(self) + "/public"
        let warnings = try Build.run(options(content: Repo.root + "/content", output: out))
        XCTAssertEqual(warnings.map(\.description), [])
        let home = try read(out + "/index.html")
        XCTAssertTrue(home.contains("<html lang=\"th\">"))
        XCTAssertTrue(home.contains("มทร.ล้านนา"))
        XCTAssertTrue(home.contains("href=\"sops/SW01/\""))
        for page in [home, try read(out + "/sops/SW01/index.html")] {
            XCTAssertTrue(page.contains("** แจ้งปัญหาการใช้งานทางด้าน IT ได้ที่ <a href=\"https://noc.rmutl.ac.th\">"))
            XCTAssertTrue(page.contains("** แบบสอบถามความพึงพอใจของผู้รับบริการ <a href=\"https://arit.rmutl.ac.th\">"))
            XCTAssertTrue(page.contains("** ติดต่องานพัฒนาระบบสารสนเทศ โทร.053921444 ต่อ 1618"))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/static/fonts/Sarabun-Regular.woff2"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/static/fonts/OFL.txt"))
    }

    func testTheSW01PageMatchesItsGoldenFile() throws {
        let out = try temporaryFolder(self) + "/public"
        try Build.run(options(content: Repo.root + "/content", output: out))
        assertGolden(try read(out + "/sops/SW01/index.html"), named: "sw01.html")
    }

    func testTheSW01PageShowsTheSeedVerbatim() throws {
        let out = try temporaryFolder(self) + "/public"
        try Build.run(options(content: Repo.root + "/content", output: out))
        let page = try read(out + "/sops/SW01/index.html")
        // The header block.
        for text in ["มทร.ล้านนา", "มาตรฐานขั้นตอนการปฏิบัติงาน (Standard Operating Procedure)",
                     "งานสร้างและพัฒนาระบบสารสนเทศ", "SW01", "22 มิ.ย. 2564", "งานพัฒนาระบบสารสนเทศ",
                     "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ", "ผู้อำนวยการฯ"] {
            XCTAssertTrue(page.contains(text), text)
        }
        // The step table: every procedure, document and duration of the seed, word for word.
        let seed = try read(Repo.fixture("seed/SW01-seed.txt"))
        let cells = seed.components(separatedBy: "<p>").dropFirst().compactMap { $0.components(separatedBy: "</p>").first }
            .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
            .filter { !$0.isEmpty && $0 != "ออกวันที่ 22 มิ.ย.2564" && !$0.hasPrefix("เขียนโดย") && $0 != "รหัสเอกสาร SW01"
                && !$0.hasPrefix("มาตรฐานขั้นตอน") }
        XCTAssertGreaterThan(cells.count, 30)
        for cell in cells {
            XCTAssertTrue(page.contains(cell), "the page lacks the seed's text: \(cell)")
        }
        for header in ["ผู้รับผิดชอบ", "ขั้นตอน/วิธีดำเนินการ", "เอกสารที่เกี่ยวข้อง", "ระยะเวลาดำเนินการ"] {
            XCTAssertTrue(page.contains("<th scope=\"col\">\(header)</th>"), header)
        }
        XCTAssertEqual(page.components(separatedBy: "<tr id=\"step-").count - 1, 9)
        XCTAssertEqual(page.components(separatedBy: "class=\"fc-step").count - 1, 9)
    }

    func testEnglishInterface() throws {
        let out = try temporaryFolder(self) + "/public"
        try Build.run(options(content: Repo.root + "/content", output: out, language: .en))
        let page = try read(out + "/sops/SW01/index.html")
        XCTAssertTrue(page.contains("<html lang=\"en\">"))
        XCTAssertTrue(page.contains("22 Jun 2021"))
        XCTAssertTrue(page.contains("Responsible party"))
    }

    func testAFixtureWithALoopAndTwoDecisionsBuilds() throws {
        let out = try temporaryFolder(self) + "/public"
        try Build.run(options(content: Repo.fixture("loop-site"), output: out))
        let page = try read(out + "/sops/DEV02/index.html")
        XCTAssertEqual(page.components(separatedBy: "fc-decision").count - 1, 2)
        XCTAssertTrue(page.contains("Tests pass?"))
    }

    func testAFailedBuildReportsEveryErrorAndLeavesTheOutputAlone() throws {
        let out = try temporaryFolder(self) + "/public"
        try write(["index.html": "the last good site", ".gitkeep": ""], in: out)
        XCTAssertThrowsError(try Build.run(options(content: Repo.fixture("invalid-site"), output: out))) { error in
            let messages = (error as? BuildFailed)?.diagnostics.map {
                $0.description.replacingOccurrences(of: Repo.fixture("invalid-site") + "/", with: "")
            } ?? []
            XCTAssertEqual(messages.count, 6, messages.joined(separator: "\n"))
            XCTAssertTrue(messages[0].hasPrefix("sops/BAD.md:18:15: error: unknown duration \"1 fortnight\""), messages[0])
            XCTAssertEqual(Array(messages[1...4]), [
                "sops/BAD.md:21:11: error: unknown role 'boss' in step 2 (the SOP's roles: dev, unit)",
                "sops/BAD.md:26:31: error: leads to step '9', which does not exist",
                "sops/BAD.md:28:5: error: missing required field 'title' in step 2",
                "sops/BAD.md:28:5: error: two steps with id '2'; the first is at line 19",
            ])
            XCTAssertTrue(messages[5].hasPrefix("sops/YAML.md:4:1: error: invalid YAML"), messages[5])
        }
        XCTAssertEqual(try read(out + "/index.html"), "the last good site")
        let left = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        XCTAssertEqual(left.sorted(), ["public"], "no staging folder is left behind")
    }

    func testASuccessfulBuildReplacesTheOutputButKeepsItsHiddenFiles() throws {
        let out = try temporaryFolder(self) + "/public"
        try write(["stale.html": "from a deleted page", ".gitkeep": "keep"], in: out)
        try Build.run(options(content: Repo.root + "/content", output: out))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/stale.html"), "pages whose source is gone are removed")
        XCTAssertEqual(try read(out + "/.gitkeep"), "keep")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/index.html"))
        let left = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        XCTAssertEqual(left.sorted(), ["public"])
    }

    func testBuildsAreByteIdentical() throws {
        let a = try temporaryFolder(self) + "/a"
        let b = try temporaryFolder(self) + "/b"
        try Build.run(options(content: Repo.root + "/content", output: a))
        try Build.run(options(content: Repo.root + "/content", output: b))
        let files = FileManager.default.subpaths(atPath: a)!.filter { !ContentFiles.isFolder(a + "/" + $0) }.sorted()
        XCTAssertGreaterThan(files.count, 30)
        XCTAssertEqual(files, FileManager.default.subpaths(atPath: b)!.filter { !ContentFiles.isFolder(b + "/" + $0) }.sorted())
        for file in files {
            XCTAssertEqual(FileManager.default.contents(atPath: a + "/" + file),
                           FileManager.default.contents(atPath: b + "/" + file), file)
        }
    }
}
