import BusinessTime
import Foundation
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// Front matter that is broken or built to hurt: alias bombs, repeated keys, wrong shapes,
/// tabs, missing fences, control characters, deep nesting. Each gives one clear error with its
/// position, quickly.
final class HostileYAMLTests: XCTestCase {
    func sop(_ text: String) -> (SOP?, [String]) {
        var diagnostics = Diagnostics()
        let sop = SOPLoader.load(text, path: "sops/T1.md", &diagnostics)
        return (sop, diagnostics.sorted.map(\.description))
    }

    func caseFile(_ text: String) -> (Case?, [String]) {
        var diagnostics = Diagnostics()
        let c = CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: [],
                                sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
        return (c, diagnostics.sorted.map(\.description))
    }

    func changedSOP(_ old: String, _ new: String) -> String {
        precondition(SOPLoaderTests.valid.contains(old), old)
        return SOPLoaderTests.valid.replacingOccurrences(of: old, with: new)
    }

    func changedCase(_ old: String, _ new: String) -> String {
        precondition(CaseRulesTests.valid.contains(old), old)
        return CaseRulesTests.valid.replacingOccurrences(of: old, with: new)
    }

    /// Nine levels of nine aliases each: 9^9 (387 million) "lol"s once expanded.
    static let billionLaughs = """
    a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
    i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]

    """

    func testABillionLaughsIsRefusedAtTheFirstAliasAtOnce() {
        let start = Date()
        let (sop, messages) = sop("---\n" + Self.billionLaughs + SOPLoaderTests.valid.dropFirst(4))
        XCTAssertNil(sop)
        XCTAssertEqual(messages, [
            "sops/T1.md:3:8: error: aliases (*a) are not allowed: write the value out in full (an alias can make a small file expand without limit)",
        ])
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
    }

    func testAnAliasAsAKeyIsRefusedBeforeYamsHashesIt() {
        // Yams checks keys for repeats by hashing them: through `*i`, 9^9 nodes. Refused first.
        let start = Date()
        let (_, messages) = sop("---\n" + Self.billionLaughs + "? *i\n: boom\n" + SOPLoaderTests.valid.dropFirst(4))
        XCTAssertEqual(messages.first, "sops/T1.md:3:8: error: aliases (*a) are not allowed: write the value out in full (an alias can make a small file expand without limit)")
        XCTAssertThrowsError(try YAMLValue.parse("x: &x [1]\n? *x\n: 2\n", path: "a.yaml", firstLine: 1)) {
            XCTAssertEqual(($0 as? Diagnostic)?.line, 2)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
    }

    func testAnyAliasOrMergeKeyIsRefused() {
        XCTAssertEqual(sop(changedSOP("    duration: 2 วัน", "    duration: &d 2 วัน\n    responsible: *d")).1, [
            "sops/T1.md:25:18: error: aliases (*d) are not allowed: write the value out in full (an alias can make a small file expand without limit)",
        ])
        XCTAssertEqual(caseFile(changedCase("  - step: 2\n", "  - &e step: 2\n    <<: *e\n")).1, [
            "cases/C1/index.md:11:9: error: aliases (*e) are not allowed: write the value out in full (an alias can make a small file expand without limit)",
        ])
        // An anchor without an alias is harmless, and allowed.
        XCTAssertEqual(sop(changedSOP("title: ทดสอบ", "title: &t ทดสอบ")).1, [])
    }

    func testAnAliasInSiteYAMLIsAnErrorWithItsPlace() throws {
        let content = try Hostile.copy("xss-site", self)
        try write(["site.yaml": "base: &b\n  title: T\n<<: *b\n"], in: content)
        let (_, messages, failed) = try Hostile.build(content, self, writing: false)
        XCTAssertTrue(failed)
        XCTAssertEqual(messages, [
            "site.yaml:3:5: error: aliases (*b) are not allowed: write the value out in full (an alias can make a small file expand without limit)",
        ])
    }

    func testDuplicateKeysAreReportedWhereTheSecondOneIs() {
        XCTAssertEqual(sop(changedSOP("approved_by: C", "approved_by: C\ntitle: อีกชื่อ")).1, [
            "sops/T1.md:10:1: error: duplicate key 'title' in a mapping; the first is at line 5",
        ])
        // YAML calls 1 and "1" different keys (a number and a text); sopsite reads both as "1".
        XCTAssertEqual(sop(changedSOP("  dev: งานพัฒนา", "  dev: งานพัฒนา\n  \"unit\": อื่น")).1, [
            "sops/T1.md:13:3: error: duplicate key 'unit' in a mapping; the first is at line 11",
        ])
        XCTAssertEqual(caseFile(changedCase("      6: 2025-03-31", "      6: 2025-03-31\n      '5': 2025-01-30")).1, [
            "cases/C1/index.md:20:7: error: duplicate key '5' in a mapping; the first is at line 18",
        ])
        // The same key in two different mappings is fine.
        XCTAssertNoThrow(try YAMLValue.parse("a: {x: 1}\nb: {x: 2}\n", path: "a.yaml", firstLine: 1))
    }

    func testValuesOfTheWrongShape() {
        XCTAssertEqual(sop(changedSOP("title: ทดสอบ", "title: [ทดสอบ, อื่น]")).1,
                       ["sops/T1.md:5:8: error: 'title' must be text, not a list"])
        XCTAssertEqual(sop(changedSOP("title: ทดสอบ", "title: {th: ทดสอบ}")).1,
                       ["sops/T1.md:5:8: error: 'title' must be text, not a mapping"])
        XCTAssertEqual(sop(changedSOP("roles:\n  unit: หน่วยงาน\n  dev: งานพัฒนา", "roles: [unit, dev]")).1.first,
                       "sops/T1.md:10:8: error: 'roles' must be a mapping of keys to values, not a list")
        let steps = sop("---\ncode: T1\norganisation: o\ndocument: d\ntitle: t\nissued: 2021-06-22\nwritten_by: w\n"
            + "controlled_by: c\napproved_by: a\nroles: {dev: D}\nsteps:\n  id: 1\n  title: x\n---\n")
        XCTAssertNil(steps.0)
        XCTAssertEqual(steps.1, ["sops/T1.md:12:3: error: 'steps' must be a list, not a mapping"])
        XCTAssertEqual(sop(changedSOP("  - id: 3\n", "  - just a line\n  - id: 3\n")).1,
                       ["sops/T1.md:29:5: error: step 3 must be a mapping of keys to values, not a single value"])
        XCTAssertEqual(sop(changedSOP("ongoing: true", "ongoing: sometimes")).1,
                       ["sops/T1.md:29:5: error: missing required field 'duration' in step 3",
                        "sops/T1.md:33:14: error: 'ongoing' must be true or false"])
        XCTAssertEqual(sop(changedSOP("documents: [บันทึกข้อความ]", "documents: {a: b}")).1,
                       ["sops/T1.md:18:16: error: 'documents' must be a list, not a mapping"])
        XCTAssertEqual(sop(changedSOP("    decision:\n", "    decision: yes\n    x:\n")).1.first,
                       "sops/T1.md:25:15: error: the decision of step 2 must be a mapping of keys to values, not a single value")
        XCTAssertEqual(caseFile(changedCase("events:\n", "events: เสร็จแล้ว\nx:\n")).1.first,
                       "cases/C1/index.md:7:9: error: 'events' must be a list, not a single value")
        XCTAssertEqual(caseFile(changedCase("  - step: 2\n    date: 2025-01-06 09:40\n", "  - [2, 2025-01-06 09:40]\n")).1.first,
                       "cases/C1/index.md:10:5: error: event 2 must be a mapping of keys to values, not a list")
    }

    func testTabsUsedForIndentation() {
        XCTAssertEqual(sop(changedSOP("  dev: งานพัฒนา", "\tdev: งานพัฒนา")).1, [
            "sops/T1.md:12:1: error: invalid YAML: found a tab character that violates indentation while scanning a plain scalar (a tab: YAML indents with spaces only)",
        ])
        // A tab inside a value is text.
        let (loaded, messages) = sop(changedSOP("title: ทดสอบ", "title: ทด\tสอบ"))
        XCTAssertEqual(messages, [])
        XCTAssertEqual(loaded?.title, "ทด\tสอบ")
    }

    func testFencesAndEmptyFiles() {
        XCTAssertEqual(caseFile("").1, ["cases/C1/index.md:1:1: error: expected front matter: the file must start with a line '---'"])
        XCTAssertEqual(caseFile("\n\n").1, ["cases/C1/index.md:1:1: error: expected front matter: the file must start with a line '---'"])
        XCTAssertEqual(caseFile("---").1,
                       ["cases/C1/index.md:1:1: error: front matter opened with '---' on line 1 is never closed with a line '---'"])
        XCTAssertEqual(caseFile("---\n---\n").1, ["cases/C1/index.md:2:1: error: the front matter is empty"])
        XCTAssertEqual(caseFile("---\n# a comment only\n---\nreport").1, ["cases/C1/index.md:2:1: error: the front matter is empty"])
        XCTAssertEqual(caseFile(" ---\nsop: SW01\n---\n").1,
                       ["cases/C1/index.md:1:1: error: expected front matter: the file must start with a line '---'"])
        // A file that is only front matter, without even a final line break: no report, and that is fine.
        let only = changedCase("---\nreport", "---")
        let (c, messages) = caseFile(only)
        XCTAssertEqual(messages, [])
        XCTAssertEqual(c?.report.html, "")
        // "..." ends a YAML document but not front matter.
        XCTAssertEqual(caseFile("---\nsop: SW01\n...\nreport\n").1.first,
                       "cases/C1/index.md:1:1: error: front matter opened with '---' on line 1 is never closed with a line '---'")
    }

    func testFrontMatterThatIsNotAMapping() {
        XCTAssertEqual(caseFile("---\n- sop: SW01\n---\n").1,
                       ["cases/C1/index.md:2:1: error: the case's front matter must be a mapping of keys to values, not a list"])
        XCTAssertEqual(caseFile("---\njust words\n---\n").1,
                       ["cases/C1/index.md:2:1: error: the case's front matter must be a mapping of keys to values, not a single value"])
        XCTAssertEqual(sop("---\n\"code: T1\"\n---\n").1,
                       ["sops/T1.md:2:1: error: the SOP's front matter must be a mapping of keys to values, not a single value"])
    }

    func testDeepNestingIsRefusedNotRecursedInto() {
        let start = Date()
        // At the 21st "[" (column 27); past libyaml's own limit of 1000, met while it looks ahead, where libyaml reports it.
        for (depth, column) in [(21, 27), (1_000, 27), (100_000, 9)] {
            let value = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            XCTAssertEqual(caseFile(changedCase("title: ระบบจองห้องประชุม", "title: " + value)).1, [
                "cases/C1/index.md:3:\(column): error: lists and mappings are nested more than 20 deep; front matter needs a few levels",
            ], "\(depth)")
        }
        let blocks = (0..<200).map { String(repeating: "  ", count: $0) + "- " }.joined(separator: "\n") + "x\n"
        XCTAssertEqual(caseFile("---\nsop: SW01\ntitle:\n" + blocks + "---\n").1.first,
                       "cases/C1/index.md:23:39: error: lists and mappings are nested more than 20 deep; front matter needs a few levels")
        XCTAssertEqual(caseFile(changedCase("title: ระบบจองห้องประชุม", "title: " + String(repeating: "[", count: 19) + "x" + String(repeating: "]", count: 19))).1,
                       ["cases/C1/index.md:3:8: error: 'title' must be text, not a list"], "19 levels and the root: allowed, and the wrong shape")
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    }

    func testControlCharactersAreRefusedWithTheirPlace() {
        // Raw, anywhere in the file: the front matter or the Markdown body.
        XCTAssertEqual(caseFile(changedCase("unit: คณะวิศวกรรมศาสตร์", "unit: คณะ\u{0}วิศวกรรมศาสตร์")).1, [
            "cases/C1/index.md:4:10: error: the file contains the control character U+0000, which cannot be published; remove it",
        ])
        XCTAssertEqual(caseFile(CaseRulesTests.valid + "\nบรรทัดหนึ่ง\u{0B}บรรทัดสอง").1, [
            "cases/C1/index.md:22:12: error: the file contains the control character U+000B, which cannot be published; remove it",
        ])
        XCTAssertEqual(caseFile(CaseRulesTests.valid + "\nx\u{85}\u{FFFF}").1.first,
                       "cases/C1/index.md:22:2: error: the file contains the control character U+0085, which cannot be published; remove it")
        // Each kind alone, in a file with nothing else to find (U+0080...U+009F start with C2,
        // U+FFFE and U+FFFF with EF: the first look at the bytes must see them too).
        for (character, code) in [("\u{85}", "U+0085"), ("\u{9B}", "U+009B"), ("\u{FFFE}", "U+FFFE"), ("\u{7F}", "U+007F")] {
            XCTAssertEqual(FrontMatter.firstUnpublishable("ก\nกข" + character + "ค").map { "\($0.0):\($0.1) \($0.2.codePoint)" },
                           "2:3 \(code)", code)
        }
        XCTAssertNil(FrontMatter.firstUnpublishable("ก\tข\r\nค\rง\n\u{A0}\u{FEFF}"), "tabs, line ends, no-break space, BOM")
        XCTAssertEqual(caseFile("\u{FEFF}---\u{1B}[2J\n").1,
                       ["cases/C1/index.md:1:4: error: the file contains the control character U+001B, which cannot be published; remove it"])
        // Written as an escape in a double-quoted value.
        XCTAssertEqual(caseFile(changedCase("contact: คุณสุดา", "contact: \"คุณสุดา\\x01\"")).1, [
            "cases/C1/index.md:5:10: error: 'contact' contains the control character U+0001, which cannot be published; remove it",
        ])
        XCTAssertEqual(caseFile(changedCase("contact: คุณสุดา", "\"\\e[31mcontact\": x")).1, [
            "cases/C1/index.md:5:1: error: a key in the case's front matter contains the control character U+001B; remove it",
        ])
        // Tab, CR and LF are text.
        XCTAssertEqual(caseFile(changedCase("contact: คุณสุดา", "contact: \"คุณ\\tสุดา\\r\\n\"")).1, [])
    }

    /// `YAMLValue.text` does not look into plain scalars: libyaml's reader lets no character
    /// pages cannot carry into one (it refuses them, or reads NEL as a line break). Every such
    /// character, written raw inside a plain value, at its start and its end: the parse fails,
    /// or the value holds none.
    func testNoPlainScalarHoldsAnUnpublishableCharacter() {
        let unpublishable = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter(\.isUnpublishable)
        XCTAssertEqual(unpublishable.count, 32 - 3 + 1 + 32 + 2)
        var parsed = 0
        for scalar in unpublishable {
            for value in ["ก\(scalar)ข", "\(scalar)ข", "ก\(scalar)", "- ก\(scalar)ข"] {
                guard let root = try? YAMLValue.parse("key: " + value + "\nnext: x\n", path: "t.yaml", firstLine: 1) else { continue }
                parsed += 1
                var diagnostics = Diagnostics()
                let texts = root.map("t", &diagnostics)?.entries.flatMap { entry -> [String] in
                    switch entry.value.kind {
                    case let .scalar(text, plain: _): return [text]
                    case let .list(items): return items.compactMap { if case let .scalar(text, _) = $0.kind { text } else { nil } }
                    case .map: return []
                    }
                } ?? []
                for text in texts {
                    XCTAssertNil(text.unicodeScalars.first(where: \.isUnpublishable), "U+\(String(scalar.value, radix: 16)) in \(value.debugDescription)")
                }
            }
        }
        XCTAssertGreaterThan(parsed, 0, "NEL is read as a line break, not refused")
    }

    func testControlCharactersInSiteYAMLAreFoundByTheReader() throws {
        let content = try Hostile.copy("xss-site", self)
        try write(["site.yaml": "title: T\norganisation: O\nunit: ก\u{1}ข\n"], in: content)
        let (_, messages, _) = try Hostile.build(content, self, writing: false)
        XCTAssertEqual(messages, ["site.yaml:3:8: error: invalid YAML: control characters are not allowed (U+0001)"])
    }
}
