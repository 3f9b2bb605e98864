import Foundation
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// A replayable corpus of Markdown made to be slow: cmark-gfm's own pathological tests, the
/// shapes Debian's 0.29.0.gfm.6 is quadratic on, and the worst input each limit still accepts,
/// each about a megabyte. Every one ends well under 10 s, with a positioned error or with HTML
/// that has nothing unsafe in it. (Measured in a release build: the slowest accepted is a
/// megabyte of `a@`, about 3 s; the worst a limit lets through, 100 `www.` in one long word, 1 s.)
final class HostileMarkdownTests: XCTestCase {
    static let size = MarkdownLimits.standard.bytes - 64

    /// `unit` repeated to about `size` bytes after `head`.
    static func fill(_ unit: String) -> String { fill("", unit) }

    static func fill(_ head: String, _ unit: String) -> String {
        head + String(repeating: unit, count: max(0, (size - head.utf8.count) / unit.utf8.count))
    }

    /// Each input, and for one that is refused, what its error says.
    static let limit = "under markdown: in site.yaml"
    static let corpus: [(name: String, text: String, refused: String?)] = [
        // cmark-gfm's test/pathological_tests.py, at a megabyte.
        ("nested strong emph", String(repeating: "*a **a ", count: 70_000) + "b" + String(repeating: " a** a*", count: 70_000), nil),
        ("emph closers with no openers", fill("a_ "), nil),
        ("emph openers with no closers", fill("_a "), nil),
        ("link closers with no openers", fill("a]"), nil),
        ("link openers with no closers", fill("[a"), nil),
        ("mismatched openers and closers", fill("*a_ "), nil),
        ("openers and closers multiple of 3", fill("a**b", "c* "), nil),
        ("link openers and emph closers", fill("[ a_"), nil),
        ("pattern [ (]( repeated", fill("[ (]("), nil),
        ("nested brackets", String(repeating: "[", count: 500_000) + "a" + String(repeating: "]", count: 500_000), nil),
        ("nested block quotes", fill("> ") + "a", nil),
        ("deeply nested lists", (0..<1_000).map { String(repeating: "  ", count: $0) + "* a\n" }.joined(), nil),
        ("backticks", (1..<1_400).map { "e" + String(repeating: "`", count: $0) }.joined(), nil),
        ("unclosed links A", fill("[a](<b"), nil),
        ("unclosed links B", fill("[a](b"), nil),
        ("tables with CR and VT", fill("aaa\rbbb\n-\u{0B}\n"), "the control character U+000B"),
        ("many references", (0..<40_000).map { "[\($0)]: u\n" }.joined() + String(repeating: "[0] ", count: 40_000), nil),
        ("html comments", fill("a", "<!--"), nil),
        ("email autolinks", fill("a@"), nil),
        ("footnote references", fill("[^a]") + "\n\n[^a]: x\n", nil),
        // Quadratic in 0.29.0.gfm.6: refused by a limit.
        ("a wide table over one-cell rows", "|" + String(repeating: "a|", count: 5_000) + "\n|" + String(repeating: "-|", count: 5_000)
            + "\n" + String(repeating: "a\n", count: 5_000), limit),
        ("www.a_ in one word", fill("www.a_"), limit),
        ("unclosed processing instructions", fill("a <?\n"), limit),
        ("unclosed declarations", fill("a <!X "), limit),
        ("unclosed CDATA", fill("a <![CDATA[\n"), limit),
        ("over the size", String(repeating: "ก", count: 400_000), limit),
        // The worst each limit accepts.
        ("a table at the cell limit", "|" + String(repeating: "a|", count: 1_000) + "\n|" + String(repeating: "-|", count: 1_000)
            + "\n" + String(repeating: "a\n", count: 98), nil),
        ("100 www. then a long word", fill(String(repeating: "www.a_", count: 100), "a"), nil),
        ("100 www. in every word", fill(String(repeating: "www.a_", count: 100) + " "), nil),
        ("100 unclosed openers then a long paragraph", fill(String(repeating: "<? ", count: 100), "a "), nil),
        ("100 unclosed CDATA in every paragraph", fill(String(repeating: "a <![CDATA[\n", count: 100) + "\n"), nil),
    ]

    func testEveryInputEndsWithAnErrorOrSafeHTML() throws {
        let markdown = Markdown()
        for (name, text, refused) in Self.corpus {
            XCTAssertLessThanOrEqual(text.utf8.count, Self.size + (refused == nil ? 64 : .max / 2), name)
            var diagnostics = Diagnostics()
            let start = Date()
            let c = CaseLoader.load(CaseRulesTests.valid + "\n" + text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md",
                                    attachments: [], sops: ["SW01": CaseRulesTests.sop], markdown: markdown, &diagnostics)
            let seconds = Date().timeIntervalSince(start)
            XCTAssertLessThan(seconds, 10, name)
            let messages = diagnostics.all.map(\.description)
            if let refused {
                XCTAssertNil(c, name)
                XCTAssertEqual(messages.count, 1, name)
                XCTAssertTrue(messages.first?.range(of: #"^cases/C1/index\.md:\d+:\d+: error: "#, options: .regularExpression) != nil
                              && messages.first?.contains(refused) == true, "\(name): \(messages)")
            } else {
                XCTAssertEqual(messages, [], name)
                let html = try XCTUnwrap(c, name).report.html
                XCTAssertFalse(html.isEmpty, name)
                for unsafe in ["<script", "<iframe", "javascript:", " onerror="] {
                    XCTAssertFalse(html.contains(unsafe), "\(name): \(unsafe)")
                }
            }
        }
        // And in bounded memory: the whole corpus parsed in this process, its peak well under 1 GB.
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        XCTAssertLessThan(peak, 1_000_000, "peak resident memory in kB")
    }
}
