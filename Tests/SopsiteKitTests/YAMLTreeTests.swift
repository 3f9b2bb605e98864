@testable import SopsiteKit
import XCTest
import Yams

/// sopsite builds its YAML tree from libyaml's events itself; it must read every text as Yams,
/// whose tree it replaced, does: the same values, quoting and positions.
final class YAMLTreeTests: XCTestCase {
    /// The tree as text: kind, value, plain or not, line:column.
    private func describe(_ value: YAMLValue) -> String {
        let at = "@\(value.location.line):\(value.location.column)"
        switch value.kind {
        case let .scalar(text, plain): return "\(plain ? "" : "q")\(text.debugDescription)\(at)"
        case let .list(items): return "[\(items.map(describe).joined(separator: ", "))]\(at)"
        case let .map(pairs): return "{\(pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", "))}\(at)"
        }
    }

    private func describe(_ node: Node, firstLine: Int) -> String {
        let at = "@\((node.mark?.line ?? 0) + firstLine - 1):\(node.mark?.column ?? 0)"
        switch node {
        case let .scalar(s): return "\(s.style == .plain ? "" : "q")\(s.string.debugDescription)\(at)"
        case let .sequence(items): return "[\(items.map { describe($0, firstLine: firstLine) }.joined(separator: ", "))]\(at)"
        case let .mapping(pairs):
            return "{\(pairs.map { describe($0.key, firstLine: firstLine) + ": " + describe($0.value, firstLine: firstLine) }.joined(separator: ", "))}\(at)"
        case .alias: return "alias"
        }
    }

    func testTheSameTreeAsYams() throws {
        var texts = [
            "a: 1\nb: [x, 'y', \"z\\tq\"]\nc: {d: ~, e: null, f: ''}\n",
            "title: ระบบลา \"ออนไลน์\"\nnote: |\n  บรรทัดหนึ่ง\n  two: lines\nfolded: >\n  a\n  b\n\nkeep: |+\n  x\n\n",
            "- a\n- - b\n  - c\n- {k: v}\n- ? complex\n  : key\n",
            "plain multi\n  line value\n", "'quoted # not a comment' # a comment\n", "x: &anchor 1\ny: 2\n",
            "tagged: !!str 12\nbool: yes\ndate: 2026-11-27 10:30\n", "   \n# only a comment\n", "~\n", "---\na: 1\n...\n",
            "emoji: 👩‍💻\nthai: นํ้า\n\"key with: colon\": v\n",
        ]
        for path in ["content/sops/SW01.md", "content/cases/SW01-2568-001/index.md", "content/site.yaml", "content/holidays.yaml"] {
            let text = try String(contentsOfFile: Repo.root + "/" + path, encoding: .utf8)
            texts.append(path.hasSuffix(".md") ? String(try FrontMatter.split(text, path: path).yaml) : text)
        }
        for (i, text) in texts.enumerated() {
            let ours = try YAMLValue.parse(text, path: "t.yaml", firstLine: 3)
            let yams = try Yams.compose(yaml: text, .basic)
            XCTAssertEqual(ours.map(describe), yams.map { describe($0, firstLine: 3) }, "text \(i): \(text.prefix(40))")
        }
    }

    func testWhereLibyamlStopsItsProblemIsTheMessage() {
        let cases = [
            ("a: [1, 2\n", "t.yaml:3:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
            ("---\na: 1\n---\nb: 2\n", "t.yaml:4:1: error: invalid YAML: found another document (a second '---'); this text is one document"),
            ("a: 1\n  b: 2\n", "t.yaml:3:4: error: invalid YAML: mapping values are not allowed in this context"),
            ("a: \u{1}\n", "t.yaml:2:4: error: invalid YAML: control characters are not allowed (U+0001)"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try YAMLValue.parse(text, path: "t.yaml", firstLine: 2)) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error)")
            }
        }
    }

    /// A key twice is found in a mapping of a few keys and in one of many (looked up by hash
    /// past the first sixteen), wherever the two stand; distinct keys are never taken for one.
    func testDuplicateKeysInSmallAndLargeMappings() throws {
        for count in [1, 2, 15, 16, 17, 40] {
            let keys = (0..<count).map { "k\($0)" }
            let text = keys.map { "\($0): v" }.joined(separator: "\n") + "\n"
            XCTAssertNotNil(try YAMLValue.parse(text, path: "t.yaml", firstLine: 1), "\(count) keys")
            for (first, second) in [(0, count), (count / 2, count + 3), (count - 1, count + 20)] {
                var lines = keys.map { "\($0): v" } + (0..<24).map { "x\($0): v" }
                lines.insert("\(keys[first]): again", at: second)
                XCTAssertThrowsError(try YAMLValue.parse(lines.joined(separator: "\n") + "\n", path: "t.yaml", firstLine: 1)) { error in
                    XCTAssertEqual("\(error)", "t.yaml:\(second + 1):1: error: duplicate key '\(keys[first])' in a mapping; the first is at line \(first + 1)")
                }
            }
        }
    }
}
