import Foundation
@testable import SopsiteKit
import XCTest

/// status.json is written by hand; it must be what JSONEncoder (pretty, sorted keys, slashes
/// as they are) writes for the same values, so that other systems read it as before.
final class StatusJSONTests: XCTestCase {
    private struct File: Codable {
        var version: Int
        var as_of: String
        var cases: [Entry]
    }

    private struct Entry: Codable {
        var id, title, unit, sop, state, url, badge: String
        var current_step: Step?
        var due: String?
        var outcome: String?

        func encode(to encoder: Encoder) throws {
            // Absent values are written as null, as status.json does.
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(unit, forKey: .unit)
            try c.encode(sop, forKey: .sop); try c.encode(state, forKey: .state); try c.encode(url, forKey: .url)
            try c.encode(badge, forKey: .badge); try c.encode(current_step, forKey: .current_step)
            try c.encode(due, forKey: .due); try c.encode(outcome, forKey: .outcome)
        }
    }

    private struct Step: Codable {
        var id, title: String
        var pass: Int
    }

    private func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testStringsAreEscapedAsJSONEncoderDoes() throws {
        let samples = ["", "plain", "a \"quoted\" \\ back/slash", "ระบบ \u{0E4D}\u{0E32} 👩‍💻", "tab\tnew\nline\r\u{8}\u{C}",
                       "\u{0}\u{1}\u{1F}\u{7F}", "</script>", "\u{2028}\u{2029}"]
        for sample in samples {
            XCTAssertEqual(StatusJSON.json(sample), try encoded(sample), sample.debugDescription)
        }
    }

    func testTheSamplePortalsFileIsJSONEncodersFile() throws {
        let out = NSTemporaryDirectory() + "sopsite-status-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        try Build.run(BuildOptions(contentFolder: Repo.root + "/content", outputFolder: out,
                                   themeFolder: Repo.root + "/themes/default", asOf: Repo.asOf))
        let text = try String(contentsOfFile: out + "/status.json", encoding: .utf8)
        let file = try JSONDecoder().decode(File.self, from: Data(text.utf8))
        XCTAssertEqual(file.cases.count, 9)
        XCTAssertTrue(file.cases.contains { $0.current_step == nil } && file.cases.contains { $0.due != nil })
        XCTAssertEqual(text, try encoded(file) + "\n")
        XCTAssertEqual(try encoded(File(version: 1, as_of: Repo.asOf.description, cases: [])) + "\n",
                       try StatusJSON.render([], asOf: Repo.asOf).text)
    }
}
