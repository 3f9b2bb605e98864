import Foundation
import XCTest

/// Compares `actual` with the golden file `Golden/<name>` beside the calling test file. With
/// `SOPSITE_RECORD=1` in the environment it writes the file anew and still fails, so that nobody
/// records by accident (as swift-argument-parser's `assertSnapshot` does); a missing file fails
/// with the command that records it.
public func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["SOPSITE_RECORD"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            XCTFail("Recorded \(url.path). Review it, then run the tests again without SOPSITE_RECORD.",
                    file: file, line: line)
        } catch {
            XCTFail("Could not record \(url.path): \(error)", file: file, line: line)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        XCTFail("Missing golden file \(url.path). Record it with `SOPSITE_RECORD=1 swift test`, review it, "
                + "and run again.", file: file, line: line)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard actual != expected else { return }
    let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
    let index = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    XCTFail("""
        \(name) differs from its golden file at line \(index + 1):
          expected: \(index < e.count ? e[index] : "<end of file>")
          actual:   \(index < a.count ? a[index] : "<end of file>")
        If the change is intended, re-record with SOPSITE_RECORD=1.
        """, file: file, line: line)
}
