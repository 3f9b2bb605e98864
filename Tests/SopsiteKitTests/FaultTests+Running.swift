import Foundation
@testable import SopsiteKit
import XCTest

/// Running the built `sopsite` for the fault tests, and watching its children.
extension FaultTests {
    var sopsite: String { Bundle.main.bundleURL.appendingPathComponent("sopsite").path }

    /// The executable and a Pagefind child to catch: missing either fails the test, never skips it.
    func requireSopsiteAndPagefind() throws {
        guard FileManager.default.isExecutableFile(atPath: sopsite) else {
            throw FaultTestFailure(description: "\(sopsite) not found: run `swift build --build-tests` first")
        }
        guard Search.findPagefind() != nil else {
            throw FaultTestFailure(description: "Pagefind is not installed, and these tests kill sopsite while it runs; "
                + "scripts/install-deps installs it")
        }
    }

    /// Starts `sopsite` on the shipped theme at the tests' date; its output goes to `log`.
    /// `user`: run as that user id (and group), through setpriv.
    func start(_ arguments: [String], log: String? = nil, user: UInt32? = nil) throws -> Process {
        let process = Process()
        let arguments = arguments + ["--as-of", "2026-11-27", "--themes-dir", Repo.root + "/themes"]
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--", sopsite] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: sopsite)
            process.arguments = arguments
        }
        let output = log.flatMap {
            FileManager.default.createFile(atPath: $0, contents: nil) ? FileHandle(forWritingAtPath: $0) : nil
        }
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Builds to the end, noting when its Pagefind ran, in seconds from the start.
    func timedBuild(_ content: String, into output: String, search: Bool = true) throws -> (total: Double, pagefind: ClosedRange<Double>?) {
        let errors = NSTemporaryDirectory() + "sopsite-fault-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let started = Date()
        let build = try start(["build", "--quiet", "--content", content, "--output", output] + (search ? [] : ["--no-search"]), log: errors)
        var seen: [Double] = []
        while build.isRunning {
            if !pagefindOf(build).isEmpty { seen.append(Date().timeIntervalSince(started)) }
            usleep(10_000)
        }
        build.waitUntilExit()
        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        guard build.terminationStatus == 0 else { throw FaultTestFailure(description: "the build failed: \(said)") }
        return (Date().timeIntervalSince(started), seen.first.map { $0...seen.last! })
    }

    func pagefindOf(_ process: Process) -> [RunningProgram] {
        RunningProgram.children(of: process.processIdentifier, mentioning: "pagefind")
    }

    /// Polls `condition` every 5 ms for up to `limit` seconds (a look at /proc costs a few).
    func wait(_ limit: Double, _ failure: @autoclosure () -> String, until condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(limit)
        while !condition() {
            guard Date() < deadline else { throw FaultTestFailure(description: failure()) }
            usleep(5000)
        }
    }

    /// The paths whose bytes differ between two portals, or that only one has (at most ten).
    func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Array(Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted().prefix(10))
    }

    func seconds(_ value: Double) -> String { String(format: "%.2f", value) }
}
