@testable import Templates
import TestFolders
import XCTest

/// The interface strings found by bucket are those of the dictionary: every key of the shipped
/// theme's languages, names that share a bucket, names that are not there.
final class TemplateStringsTests: XCTestCase {
    func testEveryStringIsFoundAndNoOtherIs() throws {
        var keys: [String] = []
        for language in ["th", "en"] {
            let text = try String(contentsOfFile: repositoryRoot + "/themes/default/i18n/\(language).yaml", encoding: .utf8)
            // `key: value` lines at the start of a line: the keys are all this test needs.
            keys += text.split(separator: "\n").compactMap { line in
                guard let colon = line.firstIndex(of: ":"), line.first?.isLetter == true else { return nil }
                return String(line[..<colon])
            }
        }
        XCTAssertGreaterThan(keys.count, 100)
        // Names of one length with the same first and last letters share a bucket.
        let crowded = (0..<40).map { "a\(String(repeating: "x", count: $0 % 5))\($0)z" } + ["ab", "aab", "abb", "", "ก", "กข"]
        let values = Dictionary((keys + crowded).map { ($0, "value of \($0)") }) { first, _ in first }
        let strings = TemplateStrings(values)
        for (name, text) in values {
            XCTAssertEqual(strings.text(name), text, name)
            XCTAssertEqual(strings.child(named: name) as? String, text, name)
        }
        for absent in ["", "x", "case_idx", "ase_id", "a0zz", "ข", "status_"] where values[absent] == nil {
            XCTAssertNil(strings.text(absent), absent)
            XCTAssertNil(strings.child(named: absent), absent)
        }
        XCTAssertNil(TemplateStrings([:]).text("case_id"))
    }
}
