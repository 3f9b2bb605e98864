import Foundation
import XCTest

/// The built `sopsite` executable, run as a user runs it: exit status, messages, files.
final class CLITests: XCTestCase {
    /// `swift test` builds the executable beside the test bundle.
    var sopsite: String {
        Bundle.main.bundleURL.appendingPathComponent("sopsite").path
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// A missing executable fails the tests rather than skipping them.
    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: sopsite) else {
            throw Missing(description: "\(sopsite) not found: run `swift build --build-tests` first")
        }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in folder: String = Repo.root) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sopsite)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func testBuildsTheShippedPortal() throws {
        let out = try temporaryFolder(self) + "/public"
        let result = try run(["build", "--as-of", "2026-11-27", "--output", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("[1/7] load theme and content, follow cases"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[2/7] check content"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[7/7] publish"), result.stdout)
        let sop = try String(contentsOfFile: out + "/sops/SW01/index.html", encoding: .utf8)
        XCTAssertTrue(sop.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\""))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/index.html"))
    }

    func testAFailedBuildExitsNonZeroAndLeavesPublicUntouched() throws {
        let folder = try temporaryFolder(self)
        let out = folder + "/public"
        XCTAssertEqual(try run(["build", "--as-of", "2026-11-27", "--output", out]).status, 0)
        let before = try snapshot(out)

        let content = Repo.fixture("invalid-site")
        let result = try run(["build", "--as-of", "2026-11-27", "--content", content, "--output", out])
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 7, result.stderr)
        XCTAssertTrue(lines[0].hasPrefix(content + "/sops/BAD.md:18:15: error: unknown duration"), lines[0])
        XCTAssertEqual(lines.last, "6 errors; \(out)/ was left as it was")
        XCTAssertEqual(try snapshot(out), before, "public/ is exactly as it was")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["public"])
    }

    func testCheckValidatesWithoutWriting() throws {
        let folder = try temporaryFolder(self)
        let good = try run(["check", "--as-of", "2026-11-27", "--content", Repo.root + "/content", "--themes-dir", Repo.root + "/themes"], in: folder)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(good.stdout, "no errors\n")
        let bad = try run(["check", "--content", Repo.fixture("invalid-site"), "--themes-dir", Repo.root + "/themes"], in: folder)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("BAD.md:21:11: error: unknown role 'boss'"), bad.stderr)
        XCTAssertTrue(bad.stderr.hasSuffix("\n6 errors\n"), "check writes nothing, so names no output: \(bad.stderr)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "check writes nothing")
    }

    func testHelpOnEveryCommand() throws {
        for command in [["--help"], ["build", "--help"], ["check", "--help"], ["record", "--help"], ["status", "--help"], ["import", "--help"]] {
            let result = try run(command)
            XCTAssertEqual(result.status, 0, command.joined(separator: " "))
            XCTAssertTrue(result.stdout.contains("USAGE:"), result.stdout)
        }
        XCTAssertTrue(try run(["build", "--help"]).stdout.contains("--lang <lang>"))
    }

    /// Staff record a step and see where the case stands; a refusal exits 1 and writes nothing.
    func testRecordAndStatus() throws {
        let folder = try temporaryFolder(self)
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: folder + "/content")
        try FileManager.default.copyItem(atPath: Repo.root + "/themes", toPath: folder + "/themes")
        let path = "content/cases/SW01-2569-004/index.md"
        let before = try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
        let refused = try run(["record", "SW01-2569-004", "--step", "3", "--date", "2026-11-20 10:00"], in: folder)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "\(path): error: the event: missing required field 'answer' in event 3: "
                       + "step 3 is a decision (yes or no)\nnothing was written\n")
        XCTAssertEqual(try String(contentsOfFile: folder + "/" + path, encoding: .utf8), before)
        XCTAssertNotEqual(try run(["record", "SW01-2569-004", "--step", "3", "--date", "20/11/2569"], in: folder).status, 0)

        let done = try run(["record", "SW01-2569-004", "--step", "3", "--date", "2026-11-20 10:00", "--answer", "yes",
                            "--by", "ผอ.", "--lang", "en"], in: folder)
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertTrue(done.stdout.hasPrefix("recorded step 3 (2026-11-20 10:00) in \(path)\nSW01-2569-004  "), done.stdout)
        XCTAssertTrue(done.stdout.contains("\n  Current step: 4 เชิญประชุมหารือแนวทางการพัฒนาระบบ\n  due 24 Nov 2026\n"), done.stdout)

        let status = try run(["status", "--as-of", "2026-11-27"], in: folder)
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.hasSuffix("\nคำขอที่ยังไม่เสร็จ 5 เรื่อง เกินกำหนด 2 เรื่อง\n"), status.stdout)
        XCTAssertTrue(status.stdout.contains("SW01-2569-004  เกินกำหนด      4 เชิญประชุม"), status.stdout)
        let one = try run(["status", "SW01-2569-004", "--as-of", "2026-11-27"], in: folder)
        XCTAssertTrue(one.stdout.contains("  ขั้นตอนปัจจุบัน: 4 เชิญประชุมหารือแนวทางการพัฒนาระบบ\n"), one.stdout)
    }

    /// A register is a dry run until --write; a register with problems creates nothing and exits 1.
    func testImport() throws {
        let folder = try temporaryFolder(self)
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: folder + "/content")
        let bad = try run(["import", Repo.fixture("registers/bad-rows.csv"), "--write", "--as-of", "2026-11-27"], in: folder)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.hasSuffix("\n13 errors; nothing was created\n"), bad.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/content/cases").count, 9)
        let dry = try run(["import", Repo.fixture("registers/good.tsv"), "--as-of", "2026-11-27"], in: folder)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, "would create content/cases/SW01-2569-010/index.md: ระบบจากแท็บ (1 event, overdue)\n"
                       + "1 case to create; run again with --write to create them\n")
        let written = try run(["import", Repo.fixture("registers/good.tsv"), "--write", "--as-of", "2026-11-27"], in: folder)
        XCTAssertEqual(written.stdout, "created content/cases/SW01-2569-010/index.md: ระบบจากแท็บ (1 event, overdue)\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/content/cases/SW01-2569-010/index.md"))
    }

    func testUnknownLanguageIsRejected() throws {
        let result = try run(["build", "--lang", "fr", "--output", try temporaryFolder(self) + "/p"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("fr"), result.stderr)
    }

    /// Every file under `folder` with its bytes, to compare a folder before and after.
    func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder + "/" + path) { files[path] = data }
        }
        return files
    }

    /// A site big enough that a build can be caught half-way: the sample's cases, many times over.
    func bigSite(in folder: String, copies: Int) throws -> String {
        let fm = FileManager.default
        let content = folder + "/content"
        try fm.copyItem(atPath: Repo.root + "/content", toPath: content)
        let source = content + "/cases/SW01-2569-008"
        for n in 0..<copies {
            try fm.copyItem(atPath: source, toPath: content + "/cases/SW01-2569-8\(String(format: "%04d", n))")
        }
        return content
    }

    func testABuildKilledHalfWayLeavesThePreviousPortalWhole() throws {
        let folder = try temporaryFolder(self)
        let out = folder + "/public"
        XCTAssertEqual(try run(["build", "--as-of", "2026-11-27", "--output", out]).status, 0)
        let before = try snapshot(out)
        let content = try bigSite(in: folder, copies: 3000)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: sopsite)
        process.arguments = ["build", "--quiet", "--as-of", "2026-11-27", "--content", content,
                             "--themes-dir", Repo.root + "/themes", "--output", out]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once it has started writing the new portal.
        let staging = folder + "/.public.staging-\(process.processIdentifier)"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: staging + "/cases") && process.isRunning && Date() < deadline {
            usleep(1000)
        }
        XCTAssertTrue(process.isRunning, "the build ended before it could be killed; make the site bigger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try snapshot(out), before, "public/ is the previous portal, whole")

        // The next build cleans up what the killed one left.
        XCTAssertEqual(try run(["build", "--quiet", "--as-of", "2026-11-27", "--output", out]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["content", "public"])
    }
}
