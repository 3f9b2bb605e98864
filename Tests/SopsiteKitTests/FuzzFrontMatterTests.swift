import BusinessTime
import Foundation
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// SplitMix64: a small seeded generator, so that every run tries the same inputs and a failure
/// names the input that caused it.
struct FuzzRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
}

/// What YAML and Markdown give meaning to, what Word pastes, and what breaks naive code.
let fuzzTokens: [String] = [
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "&", "*", "'", "\"", "\t", "#", "|", ">", "?", "!",
    "%", "@", "`", "\\", " ", "  ", "\n", "\r\n", "\r", "---", "...", "<<: ", "yes", "no", "~", "null", "true", "1",
    "0", "-1", "99999999999999999999", "2025-02-30", "2568-01-06", "2025-01-06 25:00", "2025-01-06T09:00+07:00",
    "ก", "ำ", "\u{0E4D}\u{0E32}", "เห็นควร", "ไม่เห็นควร", "๓", "😀", "👩‍💻", "\u{0}", "\u{1}", "\u{0B}", "\u{1B}[2J",
    "\u{7F}", "\u{85}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{FFFF}", "\u{0301}", "<script>", "javascript:",
    "\"\\x01\"", "\"\\e\"", "\"\\0\"", "!!binary ", "!!str ", "? ", "step: ", "id: ", "date: ", "next: end",
]

/// Random edits of a valid file: lines deleted, doubled, swapped, re-indented; tokens inserted or
/// written over characters; the text cut short.
func fuzzMutate(_ text: String, _ r: inout FuzzRandom) -> String {
    var lines = text.components(separatedBy: "\n")
    for _ in 0..<r.int(1...4) {
        if lines.isEmpty { lines = [""] }
        let i = r.int(0...lines.count - 1)
        switch r.int(0...10) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: i)
        case 2: lines.swapAt(i, r.int(0...lines.count - 1))
        case 3, 4, 5:
            var scalars = Array(lines[i].unicodeScalars)
            scalars.insert(contentsOf: r.pick(fuzzTokens).unicodeScalars, at: r.int(0...scalars.count))
            lines[i] = String(String.UnicodeScalarView(scalars))
        case 6:
            var scalars = Array(lines[i].unicodeScalars)
            if !scalars.isEmpty { scalars.remove(at: r.int(0...scalars.count - 1)) }
            scalars.insert(contentsOf: r.pick(fuzzTokens).unicodeScalars, at: r.int(0...scalars.count))
            lines[i] = String(String.UnicodeScalarView(scalars))
        case 7: lines[i] = r.chance(50) ? "  " + lines[i] : String(lines[i].dropFirst(r.int(1...3)))
        case 9:
            // A value replaced: "date: 2025-01-08" becomes "date: 2568-01-06", "step: 3" becomes "step: [".
            if let colon = lines[i].range(of: ": ") { lines[i] = lines[i][..<colon.upperBound] + r.pick(fuzzTokens) }
        case 8:
            let cut = Array(lines[i].unicodeScalars).prefix(r.int(0...lines[i].unicodeScalars.count))
            lines = Array(lines[..<i]) + [String(String.UnicodeScalarView(cut))]
        default:
            lines.insert((0..<r.int(1...6)).map { _ in r.pick(fuzzTokens) }.joined(), at: i)
        }
    }
    return lines.joined(separator: "\n")
}

/// The laws every load obeys, whatever the input: every diagnostic names the file and a place in
/// it (1 ≤ line ≤ lines + 1, column ≥ 1) and has no control character in its message; the input
/// loads, or there is at least one error; loading twice gives the same result.
func fuzzCheck(_ text: String, path: String, loaded: Bool, _ diagnostics: [Diagnostic], file: StaticString = #filePath,
               line: UInt = #line) -> Bool {
    // Lines as editors and YAML count them: "\r\n", a lone "\r" and "\n" each end one.
    let lines = text.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }.count
        - text.components(separatedBy: "\r\n").count + 1
    var ok = true
    for d in diagnostics {
        if d.path != path || d.line < 1 || d.line > lines + 1 || d.column < 1
            || d.message.unicodeScalars.contains(where: \.isUnpublishable) {
            XCTFail("a diagnostic out of place: \(d.description.debugDescription) for \(text.debugDescription)", file: file, line: line)
            ok = false
        }
    }
    if !loaded && !diagnostics.contains(where: { $0.severity == .error }) {
        XCTFail("neither loaded nor an error: \(text.debugDescription)", file: file, line: line)
        ok = false
    }
    return ok
}

final class FuzzFrontMatterTests: XCTestCase {
    func loadSOP(_ text: String) -> (String, [Diagnostic], Bool) {
        var diagnostics = Diagnostics()
        let sop = SOPLoader.load(text, path: "sops/T1.md", &diagnostics)
        return (sop.map { String(describing: $0) } ?? "nil", diagnostics.all, sop != nil)
    }

    func loadCase(_ text: String) -> (String, [Diagnostic], Bool) {
        var diagnostics = Diagnostics()
        let c = CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: ["memo.pdf"],
                                sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
        // The case rules too: the walk along the SOP adds its own diagnostics.
        let progress = c.flatMap {
            CaseProgress.follow($0, sop: CaseRulesTests.sop, calendar: WorkCalendar(holidays: [], officeHours: .standard),
                              asOf: Day(iso: "2025-06-30")!, &diagnostics)
        }
        return ((c.map { String(describing: $0) } ?? "nil") + (progress.map { String(describing: $0.state) } ?? ""),
                diagnostics.all, c != nil && progress != nil)
    }

    func fuzz(_ valid: String, seed: UInt64, count: Int, path: String, _ load: (String) -> (String, [Diagnostic], Bool)) {
        var r = FuzzRandom(seed: seed)
        var failures = 0, loadedCount = 0
        for _ in 0..<count where failures < 5 {
            let text = fuzzMutate(valid, &r)
            let first = load(text)
            if first.2 { loadedCount += 1 }
            if !fuzzCheck(text, path: path, loaded: first.2, first.1) { failures += 1 }
            let again = load(text)
            if again.0 != first.0 || again.1 != first.1 {
                XCTFail("not deterministic: \(text.debugDescription)")
                failures += 1
            }
        }
        // The mutations are not all fatal: some inputs still load, so both branches are exercised.
        XCTAssertGreaterThan(loadedCount, count / 25)
        XCTAssertLessThan(loadedCount, count)
    }

    func testMutatedSOPs() {
        fuzz(SOPLoaderTests.valid, seed: 1, count: 1_200, path: "sops/T1.md", loadSOP)
    }

    func testMutatedCases() {
        fuzz(CaseRulesTests.valid, seed: 2, count: 1_200, path: "cases/C1/index.md", loadCase)
    }

    /// The one-pass split of plain files gives what the line-by-line split gives, for the same
    /// mutated files and for the edges of a fence.
    func testThePlainSplitIsTheLineSplit() {
        var r = FuzzRandom(seed: 5)
        let edges = ["---\n---\n", "---\n---", "--- \t\na: 1\n---  \nbody", "---\na: 1\n---\n\nbody\n", "---\na: 1\n----\n---\n",
                     "---\na\u{2028}b\n---\n", "---\r\na: 1\r\n---\r\n", "\u{FEFF}---\na: 1\n---\n", "---\na: 1\n", "---", "",
                     "---\nไทย: ก\n---\nเนื้อหา ๓\n\u{0301}"]
        var plain = 0
        for text in edges + (0..<2_000).map({ _ in fuzzMutate(CaseRulesTests.valid, &r) }) {
            let lines = try? FrontMatter.lineSplit(text, path: "x.md")
            guard let split = FrontMatter.plainSplit(text) else {
                // Left to the line split: files it refuses, and those with "\r", a BOM or U+2028/9.
                let needsLines = text.utf8.contains(0x0D) || text.hasPrefix("\u{FEFF}") || text.contains("\u{2028}")
                XCTAssertTrue(lines == nil || needsLines, text.debugDescription)
                continue
            }
            plain += 1
            XCTAssertEqual(split.yaml, lines?.yaml, text.debugDescription)
            XCTAssertEqual(split.body, lines?.body, text.debugDescription)
            XCTAssertEqual(split.yamlLine, lines?.yamlLine, text.debugDescription)
            XCTAssertEqual(split.bodyLine, lines?.bodyLine, text.debugDescription)
        }
        XCTAssertGreaterThan(plain, 500)
    }

    func testTheFuzzerReachesEveryKindOfError() {
        // A sanity check of the generator: its inputs meet the front-matter, YAML and rule checks.
        var r = FuzzRandom(seed: 3)
        var kinds = Set<String>()
        for _ in 0..<1_000 {
            for d in loadCase(fuzzMutate(CaseRulesTests.valid, &r)).1 {
                // (The walk's own errors, such as "cannot come here", are testRandomEventListsAgainstSW01's.)
                for kind in ["front matter", "invalid YAML", "alias", "duplicate key", "control character", "must be",
                             "unknown", "missing required", "out of order"]
                where d.message.contains(kind) { kinds.insert(kind) }
            }
        }
        XCTAssertEqual(kinds.count, 9, "reached: \(kinds.sorted())")
    }

    func testRandomBytesAreValidUTF8OrAnErrorAtTheirPlace() {
        var r = FuzzRandom(seed: 4)
        let interesting: [UInt8] = [0x0A, 0x0D, 0x41, 0x2D, 0x3A, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xB8, 0xED, 0xA0,
                                    0xEF, 0xBB, 0xF0, 0x90, 0xF4, 0xF5, 0xFF]
        for _ in 0..<3_000 {
            let utf8 = Array("---\nก: ข\n".utf8)
            let bytes = utf8.prefix(r.int(0...utf8.count)) + (0..<r.int(0...12)).map { _ in r.pick(interesting) }
            guard String(validating: bytes, as: UTF8.self) == nil else { continue }
            let (line, column) = ContentFiles.firstInvalidUTF8(Array(bytes))
            let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            XCTAssertTrue((1...lineStarts.count).contains(line) && column >= 1, "\(bytes): \(line):\(column)")
            // Everything before the reported line is valid UTF-8, and so are the reported line's
            // first column − 1 characters.
            guard line <= lineStarts.count else { continue }
            let lineStart = lineStarts[line - 1]
            XCTAssertNotNil(String(validating: bytes[..<lineStart], as: UTF8.self), "\(bytes)")
            let rest = bytes[lineStart...]
            let valid = (rest.startIndex...rest.endIndex).last { String(validating: rest[..<$0], as: UTF8.self) != nil }!
            XCTAssertEqual(String(validating: rest[..<valid], as: UTF8.self)?.unicodeScalars.count, column - 1, "\(bytes)")
        }
    }
}
