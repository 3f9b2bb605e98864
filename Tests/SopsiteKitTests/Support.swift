import Foundation
import XCTest

/// Paths of the repository, found from this file's location so tests run from anywhere.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let tests = root + "/Tests/SopsiteKitTests"
    static func fixture(_ name: String) -> String { tests + "/Fixtures/" + name }
}

/// Compares `actual` with the golden file `Golden/<name>`. With SOPSITE_RECORD=1 the file is
/// written anew and the test fails, so that nobody records by accident.
func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let path = Repo.tests + "/Golden/" + name
    if ProcessInfo.processInfo.environment["SOPSITE_RECORD"] == "1" {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        XCTFail("recorded \(path); run again without SOPSITE_RECORD=1", file: file, line: line)
        return
    }
    guard let data = FileManager.default.contents(atPath: path), let expected = String(data: data, encoding: .utf8) else {
        XCTFail("no golden file \(path); record it with SOPSITE_RECORD=1 swift test", file: file, line: line)
        return
    }
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = first < a.count ? String(a[first]) : "<end of output>"
        let want = first < e.count ? String(e[first]) : "<end of file>"
        XCTFail("\(name) differs from the golden file at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n"
            + "If the change is intended, record it with SOPSITE_RECORD=1 swift test", file: file, line: line)
    }
}

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "sopsite-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// Writes files (path relative to `folder` → text).
func write(_ files: [String: String], in folder: String) throws {
    for (path, text) in files {
        let full = folder + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
}
