import BusinessTime
import Foundation
@testable import SopsiteKit
import XCTest

/// `serve`'s rebuilds: a change rewrites exactly the files it affects, a broken file keeps the
/// last good portal and reports why, and fixing it clears the errors.
final class LiveSiteTests: XCTestCase {
    var folder = ""

    /// A copy of the sample content and theme, and a fresh output.
    func makeSite(_ content: String = Repo.root + "/content", asOf: Day = Repo.asOf) throws -> LiveSite {
        folder = try temporaryFolder(self)
        self.asOf = asOf
        let fm = FileManager.default
        try fm.copyItem(atPath: content, toPath: folder + "/content")
        try fm.copyItem(atPath: Repo.root + "/themes", toPath: folder + "/themes")
        return LiveSite(options: BuildOptions(contentFolder: folder + "/content", outputFolder: folder + "/public",
                                              themeFolder: folder + "/themes/default", asOf: asOf))
    }

    var asOf = Repo.asOf

    /// serve's output, but for the search index, equals a fresh build's of the same content.
    func assertOutputIsWhatABuildWrites(after name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fm = FileManager.default
        let fresh = try temporaryFolder(self) + "/public"
        var options = BuildOptions(contentFolder: folder + "/content", outputFolder: fresh,
                                   themeFolder: folder + "/themes/default", asOf: asOf)
        options.search = false
        try Build.run(options)
        let built = Set(fm.subpaths(atPath: fresh) ?? []), served = Set(fm.subpaths(atPath: folder + "/public") ?? [])
        XCTAssertEqual(served.filter { !$0.hasPrefix("pagefind") }, built, "after \(name)", file: file, line: line)
        for path in built.sorted() where !ContentFiles.isFolder(fresh + "/" + path) {
            XCTAssertEqual(fm.contents(atPath: folder + "/public/" + path), fm.contents(atPath: fresh + "/" + path),
                           "\(path) after \(name)", file: file, line: line)
        }
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let full = folder + "/" + path
        let text = try String(contentsOfFile: full, encoding: .utf8)
        try Data(change(text).utf8).write(to: URL(fileURLWithPath: full))
    }

    func changed(_ outcome: LiveSite.Outcome) -> [String] {
        if case let .rebuilt(changed, _) = outcome { return changed }
        XCTFail("expected a rebuild, got \(outcome)")
        return []
    }

    func testTheFirstBuildWritesThePortalAndASecondWritesNothing() async throws {
        let site = try makeSite()
        let build = await site.buildAll()
        let first = changed(build)
        XCTAssertTrue(first.contains("index.html"))
        XCTAssertTrue(first.contains("cases/SW01-2569-008/mockup.png"))
        XCTAssertTrue(first.contains("static/style.css"))
        let second = await site.buildAll()
        XCTAssertEqual(changed(second), [], "nothing changed, nothing written")
    }

    func testEditingACaseReportRewritesOnlyItsPage() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        let id = "SW01-2569-005"
        try edit("content/cases/\(id)/index.md") { $0 + "\nบรรทัดใหม่ในรายงาน\n" }
        let outcome = await site.apply([folder + "/content/cases/\(id)/index.md"])
        XCTAssertEqual(changed(outcome), ["cases/\(id)/index.html"])
        let page = try String(contentsOfFile: folder + "/public/cases/\(id)/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("บรรทัดใหม่ในรายงาน"))
    }

    /// The hash that tells serve a file changed: any one byte changed, anywhere (each of the
    /// four lanes, the tail), changes it.
    func testTheDigestSeesEveryByte() {
        let base = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        func digest(_ bytes: [UInt8]) -> Int { bytes.withUnsafeBytes { SiteWriter.digest($0) } }
        let original = digest(base)
        XCTAssertEqual(digest(base), original)
        for i in [0, 7, 8, 15, 16, 23, 24, 31, 32, 500, 991, 992, 999] {
            var changed = base
            changed[i] &+= 1
            XCTAssertNotEqual(digest(changed), original, "byte \(i)")
        }
        XCTAssertNotEqual(digest(Array(base.dropLast())), original, "one byte shorter")
        XCTAssertNotEqual(digest(base + [0]), original, "a zero byte more")
    }

    func testAnEditOfTheSameLengthIsWritten() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        let id = "SW01-2569-005"
        try edit("content/cases/\(id)/index.md") { $0 + "\nรายงานฉบับ A\n" }
        _ = await site.apply([folder + "/content/cases/\(id)/index.md"])
        try edit("content/cases/\(id)/index.md") { $0.replacingOccurrences(of: "รายงานฉบับ A", with: "รายงานฉบับ B") }
        let outcome = await site.apply([folder + "/content/cases/\(id)/index.md"])
        XCTAssertEqual(changed(outcome), ["cases/\(id)/index.html"])
        let page = try String(contentsOfFile: folder + "/public/cases/\(id)/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("รายงานฉบับ B"))
    }

    func testANewEventRewritesTheCaseAndWhatCountsIt() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        let id = "SW01-2569-004"
        try edit("content/cases/\(id)/index.md") {
            $0.replacingOccurrences(of: "\n---\n", with: "\n  - step: 3\n    date: 2026-11-27\n    answer: yes\n---\n")
        }
        let outcome = await site.apply([folder + "/content/cases/\(id)/index.md"])
        let files = changed(outcome)
        // The calendars: the whole portal's and the case's unit's (the others' bytes are the same).
        XCTAssertEqual(files, ["calendar.ics", "cases/\(id)/badge.svg", "cases/\(id)/index.html", "cases/index.html", "cases/index.json",
                               "feed.xml", "index.html", "reports/index.html", "sops/SW01/index.html", "status.json",
                               "units/สถาบันวิจัยและพัฒนา/calendar.ics"])
    }

    func testABrokenCaseKeepsTheLastGoodPagesUntilItIsFixed() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        let id = "SW01-2569-009"
        let path = "content/cases/\(id)/index.md"
        let good = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
        let before = try String(contentsOfFile: folder + "/public/cases/\(id)/index.html", encoding: .utf8)
        try edit(path) { $0.replacingOccurrences(of: "sop: SW01", with: "sop: SW99") }
        let broken = await site.apply([folder + "/" + path])
        guard case let .failed(errors) = broken else { return XCTFail("expected errors") }
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].description.hasSuffix("index.md:2:6: error: unknown SOP 'SW99' (the SOPs: SW01)"), errors[0].description)
        XCTAssertEqual(try String(contentsOfFile: folder + "/public/cases/\(id)/index.html", encoding: .utf8), before)
        // Another case's change still builds, and the first case's error still stands.
        try edit("content/cases/SW01-2569-005/index.md") { $0 + "\nอีกบรรทัด\n" }
        let other = await site.apply([folder + "/content/cases/SW01-2569-005/index.md"])
        guard case .failed = other else {
            return XCTFail("the broken case's error still stands")
        }
        XCTAssertTrue(try String(contentsOfFile: folder + "/public/cases/SW01-2569-005/index.html", encoding: .utf8).contains("อีกบรรทัด"))
        try Data(good.utf8).write(to: URL(fileURLWithPath: folder + "/" + path))
        let fixed = await site.apply([folder + "/" + path])
        _ = changed(fixed)
        let remaining = await site.errors
        XCTAssertEqual(remaining, [])
    }

    func testANewCaseFolderIsCheckedAsABuildChecksIt() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        let source = folder + "/content/cases/SW01-2569-009/index.md"
        for name in ["sw01-2569-009", "ระบบ ใหม่"] {
            try FileManager.default.createDirectory(atPath: folder + "/content/cases/" + name, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source, toPath: folder + "/content/cases/\(name)/index.md")
            let outcome = await site.apply([folder + "/content/cases/\(name)/index.md"])
            guard case let .failed(errors) = outcome else { return XCTFail("\(name) should be refused") }
            XCTAssertTrue(errors.last?.description.contains(name == "sw01-2569-009" ? "two cases with one id" : "may use only letters") ?? false,
                          errors.map(\.description).joined(separator: "\n"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/public/cases/\(name)/index.html"))
        }
    }

    func testADeletedCaseLosesItsPages() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        let id = "SW01-2569-008"
        try FileManager.default.removeItem(atPath: folder + "/content/cases/\(id)")
        let outcome = await site.apply([folder + "/content/cases/\(id)/index.md"])
        let files = changed(outcome)
        XCTAssertTrue(files.contains("cases/\(id)/index.html"))
        XCTAssertTrue(files.contains("cases/\(id)/mockup.png"))
        XCTAssertTrue(files.contains("status.json"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/public/cases/\(id)/index.html"))
    }

    func testAStylesheetAlone() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        try edit("themes/default/static/style.css") { $0 + "\n/* a change */\n" }
        let outcome = await site.apply([folder + "/themes/default/static/style.css"])
        XCTAssertEqual(outcome, .rebuilt(changed: ["static/style.css"], stylesOnly: true))
    }

    func testATemplateChangeRebuildsEveryPageItShapes() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        try edit("themes/default/templates/base.mustache") { $0.replacingOccurrences(of: "<main id=\"main\">", with: "<main id=\"main\" class=\"changed\">") }
        let outcome = await site.apply([folder + "/themes/default/templates/base.mustache"])
        let files = changed(outcome)
        XCTAssertEqual(files.filter { $0.hasSuffix(".html") }.count, 16, files.joined(separator: " "))
        XCTAssertFalse(files.contains("status.json"))
    }

    func testATitleEditRemakesWhatShowsTheTitleAndNotTheCounts() async throws {
        let site = try makeSite()
        _ = await site.buildAll()
        let id = "SW01-2569-005"
        try edit("content/cases/\(id)/index.md") { $0.replacingOccurrences(of: "title: ", with: "title: ชื่อใหม่ ") }
        let outcome = await site.apply([folder + "/content/cases/\(id)/index.md"])
        // Not on the dashboard (neither overdue, waiting nor among the latest ten events); the
        // feed lists every event of this small portal, so it shows the title; an open case's
        // due date in the calendars says its title too.
        XCTAssertEqual(changed(outcome), ["calendar.ics", "cases/\(id)/index.html", "cases/index.html", "cases/index.json", "feed.xml",
                                          "status.json", "units/คณะวิทยาศาสตร์และเทคโนโลยีการเกษตร/calendar.ics"])
    }

    /// Whatever `serve` patched or skipped, after a run of edits its output is what a build of
    /// the same content writes, byte for byte.
    func testAfterEditsTheOutputIsWhatABuildWrites() async throws {
        let site = try makeSite()
        let fm = FileManager.default
        let cases = folder + "/content/cases/"
        // Ten more cases (copies): with 19 rows, serve makes the case list's skeleton from a few
        // rows (`TemplateListSkeleton`), which a build of 9 cases would not show.
        let samples = try fm.contentsOfDirectory(atPath: cases).sorted()
        for i in 1...10 {
            try fm.copyItem(atPath: cases + samples[i % samples.count], toPath: cases + "SW01-2570-\(100 + i)")
        }
        // And sixteen overdue ones: the dashboard's overdue list is long enough to go by its
        // list skeleton too.
        for i in 1...16 {
            try fm.copyItem(atPath: cases + "SW01-2569-006", toPath: cases + "SW01-2570-\(200 + i)")
        }
        _ = await site.buildAll()
        var steps: [(String, () throws -> Void)] = [
            ("a title", { try self.edit("content/cases/SW01-2569-005/index.md") { $0.replacingOccurrences(of: "title: ", with: "title: ชื่อใหม่ ") } }),
            ("an event", { try self.edit("content/cases/SW01-2569-004/index.md") {
                $0.replacingOccurrences(of: "\n---\n", with: "\n  - step: 3\n    date: 2026-11-27\n    answer: yes\n---\n") } }),
            ("a new case", { try fm.copyItem(atPath: cases + "SW01-2569-009", toPath: cases + "SW01-2569-010") }),
            ("a deleted case", { try fm.removeItem(atPath: cases + "SW01-2568-002") }),
            ("a unit", { try self.edit("content/cases/SW01-2567-007/index.md") { $0.replacingOccurrences(of: "unit: ", with: "unit: กอง ") } }),
            ("a title on the dashboard", { try self.edit("content/cases/SW01-2569-008/index.md") { $0.replacingOccurrences(of: "title: ", with: "title: ด่วน ") } }),
            ("an event's note", { try self.edit("content/cases/SW01-2569-009/index.md") { $0.replacingOccurrences(of: "    note: เห็นควร", with: "    note: โทรแจ้งแล้ว เห็นควร") } }),
        ]
        steps.append(("the title back", { try self.edit("content/cases/SW01-2569-005/index.md") { $0.replacingOccurrences(of: "title: ชื่อใหม่ ", with: "title: ") } }))
        let changedCase = ["SW01-2569-005", "SW01-2569-004", "SW01-2569-010", "SW01-2568-002", "SW01-2567-007",
                           "SW01-2569-008", "SW01-2569-009", "SW01-2569-005"]
        for ((name, step), id) in zip(steps, changedCase) {
            try step()
            _ = changed(await site.apply([cases + id + "/index.md"]))
            try assertOutputIsWhatABuildWrites(after: name)
        }
    }

    /// With more cases than a page of the case list holds, a step done on a case of the second
    /// page remakes that page and the list's index, not the first page; the output is still a
    /// build's. A new case, which moves every row after it, remakes them all again.
    func testAStepDoneRemakesOnlyThePageOfTheCaseListItIsOn() async throws {
        let site = try makeSite()
        let fm = FileManager.default
        let cases = folder + "/content/cases/"
        for i in 1...(CaseListPage.perPage + 40) {
            try fm.copyItem(atPath: cases + "SW01-2569-004", toPath: cases + "SW01-2570-\(1000 + i)")
        }
        _ = await site.buildAll()
        XCTAssertTrue(fm.fileExists(atPath: folder + "/public/cases/page/2/index.html"))
        try edit("content/cases/SW01-2570-1420/index.md") {
            $0.replacingOccurrences(of: "\n---\n", with: "\n  - step: 3\n    date: 2026-11-27\n    answer: yes\n---\n")
        }
        let stepDone = changed(await site.apply([cases + "SW01-2570-1420/index.md"]))
        XCTAssertTrue(stepDone.contains("cases/page/2/index.html"), "\(stepDone)")
        XCTAssertTrue(stepDone.contains("cases/index.json"), "\(stepDone)")
        XCTAssertFalse(stepDone.contains("cases/index.html"), "\(stepDone)")
        try assertOutputIsWhatABuildWrites(after: "a step done on the second page")
        try fm.copyItem(atPath: cases + "SW01-2569-004", toPath: cases + "SW01-2569-0041")
        let added = changed(await site.apply([cases + "SW01-2569-0041/index.md"]))
        XCTAssertTrue(added.contains("cases/index.html") && added.contains("cases/page/2/index.html"), "\(added)")
        try assertOutputIsWhatABuildWrites(after: "a new case on the first page")
        // A case moved to a unit that has cases: the two units' calendars change, no other's.
        let other = try String(contentsOfFile: cases + "SW01-2569-005/index.md", encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("unit: ") }!
        try edit("content/cases/SW01-2570-1001/index.md") {
            $0.replacingOccurrences(of: #"(?m)^unit: .*$"#, with: String(other), options: .regularExpression)
        }
        let moved = changed(await site.apply([cases + "SW01-2570-1001/index.md"]))
        XCTAssertEqual(moved.filter { $0.hasPrefix("units/") }.count, 2, "\(moved)")
        try assertOutputIsWhatABuildWrites(after: "a case moved to another unit")
    }

    /// Edits that add a loop, go round it again, finish a second pass, end a case with the SOP's
    /// outcome, and change the outcome's words: serve's pages equal a build's after each.
    func testAfterLoopEditsTheOutputIsWhatABuildWrites() async throws {
        let site = try makeSite(Repo.fixture("rounds-site"), asOf: Day(iso: "2026-03-20")!)
        _ = await site.buildAll()
        let cases = folder + "/content/cases/"
        func append(_ id: String, _ events: String...) throws {
            try edit("content/cases/\(id)/index.md") { text in
                let end = text.range(of: "\n---\n", options: .backwards)!
                return text.replacingCharacters(in: end, with: "\n" + events.map { "  - {\($0)}" }.joined(separator: "\n") + "\n---\n")
            }
        }
        let steps: [(String, String, () throws -> Void)] = [
            // Only earlier passes change: step 3's first (now late) and step 4's first.
            ("a first pass's date", "RV-03", { try self.edit("content/cases/RV-03/index.md") {
                $0.replacingOccurrences(of: "{step: 3, date: 2026-01-09}", with: "{step: 3, date: 2026-01-12}") } }),
            ("a second pass done", "RV-01", { try append("RV-01", "step: 3, date: 2026-03-20") }),
            ("a second loop", "RV-01", { try append("RV-01", "step: 4, date: 2026-03-20, answer: no, note: อีกครั้ง") }),
            ("a per-scope step's second pass", "RV-05", { try append("RV-05", "step: 5, date: 2026-03-20") }),
            ("a loop that ends with the outcome", "RV-02", {
                try append("RV-02", "step: 3, date: 2026-03-11", "step: 4, date: 2026-03-12, answer: yes, due: {5: 2026-03-16}",
                           "step: 5, date: 2026-03-16", "step: 6, date: 2026-03-17, answer: yes", "step: 7, date: 2026-03-18, answer: no")
            }),
        ]
        for (name, id, step) in steps {
            try step()
            _ = changed(await site.apply([cases + id + "/index.md"]))
            try assertOutputIsWhatABuildWrites(after: name)
        }
        try edit("content/sops/RV01.md") { $0.replacingOccurrences(of: "outcome: ปิดงานโดยศูนย์บริการ", with: "outcome: ยุติคำขอ") }
        _ = changed(await site.apply([folder + "/content/sops/RV01.md"]))
        try assertOutputIsWhatABuildWrites(after: "the outcome's words")
        XCTAssertTrue(try String(contentsOfFile: folder + "/public/cases/RV-02/index.html", encoding: .utf8).contains("<strong>ยุติคำขอ</strong>"))
    }
}
