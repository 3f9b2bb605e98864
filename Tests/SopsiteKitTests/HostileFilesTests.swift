import Foundation
@testable import SopsiteKit
import XCTest

/// Only regular files and folders are read, only from inside content/ and the theme, and a name
/// the portal writes itself is never taken by content: each an error at its path before anything
/// is written, never a wait for ever or a file system error with the staging folder in it.
extension HostilePathsTests {
    func fifo(_ path: String) throws {
        try? fm.removeItem(atPath: path)
        XCTAssertEqual(mkfifo(path, 0o644), 0, String(cString: strerror(errno)))
    }

    /// A named pipe where a file is read or copied would hold every build waiting for ever.
    func testNamedPipesAreErrorsNotWaits() throws {
        let (content, _) = try site()
        try fifo(content + "/cases/X1-2569-001/scan.pdf")
        try fm.createDirectory(atPath: content + "/cases/X1-2569-002", withIntermediateDirectories: true)
        try fifo(content + "/cases/X1-2569-002/index.md")
        try assertRefused(content, [
            "cases/X1-2569-001/scan.pdf:1:1: error: is a named pipe (FIFO), not a file; a case publishes files only",
            "cases/X1-2569-002/index.md:1:1: error: is a named pipe (FIFO), not a file; only regular files are read",
        ])
    }

    /// A socket is refused the same way, as an SOP file.
    func testASocketIsAnError() throws {
        let (content, _) = try site()
        let path = content + "/sops/X9.md"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path.utf8.prefix($0.count - 1)) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0, String(cString: strerror(errno)))
        try assertRefused(content, ["sops/X9.md:1:1: error: is a socket, not a file; only regular files are read"])
    }

    /// cases/ or sops/ itself a link out of content/ would publish what is where it leads.
    func testCasesOrSOPsLinkingOutOfContentAreRefused() throws {
        let (content, secrets) = try site()
        try fm.createDirectory(atPath: secrets + "/cases/X9-2569-001", withIntermediateDirectories: true)
        try fm.copyItem(atPath: content + "/cases/X1-2569-001/index.md", toPath: secrets + "/cases/X9-2569-001/index.md")
        try fm.removeItem(atPath: content + "/cases")
        try link(content + "/cases", to: secrets + "/cases")
        try assertRefused(content, ["cases:1:1: error: links to \(secrets)/cases, outside the content folder; move it in instead"])
        try fm.removeItem(atPath: content + "/cases")
        try fm.moveItem(atPath: content + "/sops", toPath: secrets + "/sops")
        try link(content + "/sops", to: secrets + "/sops")
        let (_, messages, failed) = try Hostile.build(content, self)
        XCTAssertTrue(failed)
        XCTAssertEqual(messages.first, "sops:1:1: error: links to \(secrets)/sops, outside the content folder; move it in instead")
    }

    /// /cases/index.html is the case list: a case may not be named like it.
    func testACaseFolderNamedLikeAPageIsRefused() throws {
        let (content, _) = try site()
        try fm.copyItem(atPath: content + "/cases/X1-2569-001", toPath: content + "/cases/index.html")
        try fm.copyItem(atPath: content + "/cases/X1-2569-001", toPath: content + "/cases/feed.xml")
        try assertRefused(content, [
            "cases/feed.xml:1:1: error: case id \"feed.xml\" is named like a page the portal writes in /cases/ (the case list is /cases/index.html); rename the folder",
            "cases/index.html:1:1: error: case id \"index.html\" is named like a page the portal writes in /cases/ (the case list is /cases/index.html); rename the folder",
        ])
    }

    /// The theme's static files: a link out of the theme or a named pipe is an error at its path.
    func testTheThemesStaticFilesStayInsideTheTheme() throws {
        let folder = try temporaryFolder(self)
        try fm.copyItem(atPath: Repo.root + "/themes/default", toPath: folder + "/theme")
        try "secret".write(toFile: folder + "/secret.txt", atomically: true, encoding: .utf8)
        try link(folder + "/theme/static/leak.txt", to: folder + "/secret.txt")
        try link(folder + "/theme/static/fonts-again", to: "fonts")
        try fifo(folder + "/theme/static/pipe.css")
        try link(folder + "/theme/static/gone.css", to: "missing.css")
        var diagnostics = Diagnostics()
        XCTAssertNil(Theme.load(path: folder + "/theme", &diagnostics))
        let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        XCTAssertEqual(diagnostics.sorted.map(\.description), [
            "\(folder)/theme/static/gone.css:1:1: error: links to missing.css, which does not exist",
            "\(folder)/theme/static/leak.txt:1:1: error: links to \(resolved)/secret.txt, outside the theme; copy the file in instead",
            "\(folder)/theme/static/pipe.css:1:1: error: is a named pipe (FIFO), not a file; a theme publishes files only",
        ], "a link that stays inside the theme (fonts-again) is followed")
    }

    /// A file that cannot be read when it is copied is named as the content's file, with the
    /// system's reason, and not as a path in the staging folder.
    func testACopyFailureNamesTheContentFile() throws {
        let folder = try temporaryFolder(self)
        XCTAssertThrowsError(try CopyFiles.file(folder + "/cases/C1/gone.pdf", to: folder + "/.public.staging-1/cases/C1/gone.pdf")) {
            XCTAssertEqual("\($0)", "\(folder)/cases/C1/gone.pdf:1:1: error: cannot read it: No such file or directory")
        }
        try "x".write(toFile: folder + "/a.pdf", atomically: true, encoding: .utf8)
        try "y".write(toFile: folder + "/b.pdf", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try CopyFiles.file(folder + "/a.pdf", to: folder + "/b.pdf")) {
            XCTAssertEqual("\($0)", "\(folder)/a.pdf:1:1: error: cannot copy it to the output folder: File exists")
        }
    }
}

extension CLITests {
    /// An attachment sopsite may not read is an error at its path with the system's words, from
    /// `check` as from `build`. Run as nobody (setpriv) when the tests run as root, who reads anything.
    func testAnUnreadableAttachmentIsAPositionedError() throws {
        let folder = try temporaryFolder(self)
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: folder + "/content")
        let secret = folder + "/content/cases/SW01-2569-009/secret.pdf"
        try "%PDF".write(toFile: secret, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(secret, 0), 0)
        // The binary and the theme copied beside: the clone may be in a folder nobody cannot enter.
        try FileManager.default.copyItem(atPath: Repo.root + "/themes", toPath: folder + "/themes")
        try FileManager.default.copyItem(atPath: sopsite, toPath: folder + "/sopsite")
        let arguments = ["check", "--content", folder + "/content", "--themes-dir", folder + "/themes", "--as-of", "2026-11-27"]
        let (status, stderr) = try runAsNobody(folder + "/sopsite", arguments)
        XCTAssertEqual(status, 1, stderr)
        XCTAssertTrue(stderr.hasPrefix("\(secret):1:1: error: cannot read it: Permission denied\n"), stderr)
    }
}

extension CLITests {
    /// An output that is a file, or a folder whose parent sopsite may not write in: an error with
    /// the output's path and the system's words, before anything is made, and nothing touched.
    func testAnOutputThatCannotBeWrittenIsSaidAsSuch() throws {
        let folder = try temporaryFolder(self)
        try "keep".write(toFile: folder + "/public", atomically: true, encoding: .utf8)
        let file = try run(["build", "--quiet", "--no-search", "--as-of", "2026-11-27", "--output", folder + "/public"])
        XCTAssertEqual(file.status, 1)
        XCTAssertEqual(file.stderr, "\(folder)/public: error: the output is a file, not a folder; give --output a folder\n1 error; \(folder)/public/ was left as it was\n")
        XCTAssertEqual(try String(contentsOfFile: folder + "/public", encoding: .utf8), "keep")

        // A parent nobody may write in (run as nobody through setpriv when the tests run as root).
        let locked = folder + "/locked"
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.root + "/themes", toPath: folder + "/themes")
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: folder + "/content")
        try FileManager.default.copyItem(atPath: sopsite, toPath: folder + "/sopsite")
        XCTAssertEqual(chmod(locked, 0o555), 0)
        let (status, stderr) = try runAsNobody(folder + "/sopsite", [
            "build", "--quiet", "--no-search", "--as-of", "2026-11-27", "--content", folder + "/content",
            "--themes-dir", folder + "/themes", "--output", locked + "/public"])
        XCTAssertEqual(status, 1)
        XCTAssertEqual(stderr, "\(locked)/public: error: cannot write beside the output folder, where a build is made before it replaces it (\(locked)): Permission denied\n1 error; \(locked)/public/ was left as it was\n")
        XCTAssertEqual(chmod(locked, 0o755), 0)
    }
}

extension CLITests {
    /// Runs `binary` (a copy outside the clone, which nobody may not enter) as nobody through
    /// setpriv when the tests run as root, who may read and write anything; as the user otherwise.
    func runAsNobody(_ binary: String, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }
}
