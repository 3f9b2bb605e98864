import BusinessTime
import Foundation
@testable import SopsiteKit
import XCTest

/// The quick reading of a case's front matter (straight from libyaml's events) against the
/// general one (the tree, which says every problem): wherever the quick one reads a file, the
/// general one reads the same case from it without a word; where it does not, the general one runs.
final class CaseFrontMatterTests: XCTestCase {
    let sops: [String: SOP] = {
        var diagnostics = Diagnostics()
        return Content.byCode(Content.load(from: Repo.root + "/content", &diagnostics)?.sops ?? [])
    }()

    /// Both readings of `text`: the quick one (nil: not read) and the general one with its diagnostics.
    func read(_ text: String) throws -> (quick: String?, general: String?, diagnostics: [Diagnostic]) {
        let front = try FrontMatter.split(text, path: "c/index.md")
        var diagnostics = Diagnostics()
        let quick = CaseFrontMatter.quick(front.yaml, path: "c/index.md", firstLine: front.yamlLine, sops: sops)
        let general = FrontMatterFile.map(front, path: "c/index.md", what: "the case's front matter", &diagnostics)
            .flatMap { CaseLoader.readFields($0, attachments: ["request-memo.pdf", "mockup.png"], sops: sops, &diagnostics) }
        return (quick.map(describe), general.map(describe), diagnostics.all)
    }

    /// Every field and every position, as text.
    func describe(_ f: CaseFrontMatter) -> String {
        func at(_ l: SourceLocation?) -> String { l.map { "\($0.path):\($0.line):\($0.column)" } ?? "-" }
        let events = f.events.map { e in
            let due = e.due.map { "\($0.step)=\($0.day)@\(at($0.location))" }.joined(separator: ",")
            return "[\(e.step) \(e.date) by=\(e.by ?? "-") note=\(e.note ?? "-") docs=\(e.documents.map(\.title)) "
                + "answer=\(e.answer.map(String.init) ?? "-") due=\(due) at=\(at(e.location)) step@\(at(e.stepLocation)) "
                + "date@\(at(e.dateLocation)) answer@\(at(e.answerLocation))]"
        }
        return "\(f.sop)|\(f.title)|\(f.unit)|\(f.contact ?? "-")|\(f.opened)@\(at(f.openedLocation))|\(at(f.location))|" + events.joined()
    }

    /// The quick reading either declines or agrees with a general reading that said nothing.
    func assertAgree(_ text: String, quickReads: Bool? = nil, _ note: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (quick, general, diagnostics) = try read(text)
        if let quick {
            XCTAssertEqual(diagnostics.map(\.description), [], "\(note): read quickly, but the general reading has words", file: file, line: line)
            XCTAssertEqual(quick, general, note, file: file, line: line)
        }
        if let quickReads { XCTAssertEqual(quick != nil, quickReads, "\(note): \(diagnostics)", file: file, line: line) }
    }

    let base = """
        ---
        sop: SW01
        title: ระบบจองรถราชการ
        unit: บัณฑิตวิทยาลัย
        contact: นางจันทร์เพ็ญ จันทร์ตา โทร. 2912
        opened: 2021-01-04 09:10
        events:
          - step: 1
            date: 2021-01-04 09:15
            by: บัณฑิตวิทยาลัย
            note: บันทึกข้อความที่ อว 0654.17/1263
          - step: 2
            date: 2021-01-04 10:00
          - step: 3
            date: 2021-01-05
            by: ผอ.สำนักวิทยบริการและเทคโนโลยีสารสนเทศ
            answer: yes
          - step: 4
            date: 2021-01-07
            due:
              5: 2021-01-26
              6: 2021-03-01
        ---
        รายงาน

        """

    func testThePlainCaseFileIsReadQuicklyAndAlike() throws {
        try assertAgree(base, quickReads: true, "the plain case")
        for (a, b, note) in [("answer: yes", "answer: เห็นควร", "the branch's own label"), ("answer: yes", "answer: \"No\"", "a quoted no"),
                             ("contact: นางจันทร์เพ็ญ จันทร์ตา โทร. 2912\n", "", "no contact"),
                             ("sop: SW01", "\"sop\": 'SW01'", "quoted keys and values"),
                             ("opened: 2021-01-04 09:10", "opened: &o 2021-01-04", "an anchor, read as the text"),
                             ("title: ระบบจองรถราชการ", "title: !!str 12", "a tag, read as the text")] {
            try assertAgree(base.replacingOccurrences(of: a, with: b), quickReads: true, note)
        }
        let opened = base.replacingOccurrences(of: #"events:[\s\S]*?\n---"#, with: "events:\n---", options: .regularExpression)
        try assertAgree(opened, quickReads: true, "a case just opened (events: with nothing)")
        try assertAgree(opened.replacingOccurrences(of: "events:", with: "events: []"), quickReads: true, "events: []")
        try assertAgree(opened.replacingOccurrences(of: "events:", with: "events: ~"), quickReads: true, "events: ~")
    }

    func testEveryFileWithAWordToSayIsLeftToTheGeneralReading() throws {
        let changes: [(String, String, String)] = [
            ("unit: บัณฑิตวิทยาลัย", "unit: บัณฑิตวิทยาลัย\nunit: อื่น", "a key twice"),
            ("unit: บัณฑิตวิทยาลัย", "unit: บัณฑิตวิทยาลัย\nunti: x", "an unknown key"),
            ("unit: บัณฑิตวิทยาลัย\n", "", "a missing required field"),
            ("title: ระบบจองรถราชการ", "title: ~", "a null value"),
            ("title: ระบบจองรถราชการ", "title:", "an empty value"),
            ("title: ระบบจองรถราชการ", "title: \"a\\x01b\"", "a control character"),
            ("title: ระบบจองรถราชการ", "title: [a, b]", "a list for text"),
            ("sop: SW01", "sop: SW99", "an unknown SOP"),
            ("opened: 2021-01-04 09:10", "opened: 2564-01-04 09:10", "a Buddhist-Era year (a warning)"),
            ("opened: 2021-01-04 09:10", "opened: 2021-02-30", "a day that does not exist"),
            ("opened: 2021-01-04 09:10", "opened: 2021-01-04T09:10:00Z", "a zone"),
            ("    answer: yes", "    answer: maybe", "an answer that is neither"),
            ("    answer: yes\n", "", "a decision without its answer"),
            ("    date: 2021-01-04 10:00\n", "    date: 2021-01-04 10:00\n    answer: no\n", "an answer where there is no decision"),
            ("  - step: 2", "  - step: 99", "an unknown step"),
            ("    date: 2021-01-04 10:00\n", "", "an event without its date"),
            ("      5: 2021-01-26", "      5: 2021-01-26 10:00", "a due date with a time"),
            ("      5: 2021-01-26", "      1: 2021-01-26", "a due date for a fixed step"),
            ("      5: 2021-01-26", "      5: 2021-01-26\n      5: 2021-01-27", "a due date twice"),
            ("      5: 2021-01-26", "      77: 2021-01-26", "a due date for an unknown step"),
            ("    note: บันทึกข้อความที่ อว 0654.17/1263", "    note: *x", "an alias"),
            ("    note: บันทึกข้อความที่ อว 0654.17/1263", "    documents:\n      - title: บันทึก\n        link: request-memo.pdf",
             "documents (read by the general reading only)"),
            ("events:", "events: \"\"", "a quoted empty events"),
            ("sop: SW01\n", "", "no SOP at all"),
            ("  - step: 2\n    date: 2021-01-04 10:00\n", "  - just text\n", "an event that is not a mapping"),
        ]
        for (a, b, note) in changes {
            let text = base.replacingOccurrences(of: a, with: b)
            XCTAssertNotEqual(text, base, "\(note): the change applies")
            try assertAgree(text, quickReads: false, note)
        }
        let reordered = base.replacingOccurrences(of: "sop: SW01\n", with: "")
            .replacingOccurrences(of: "\n---\nรายงาน", with: "\nsop: SW01\n---\nรายงาน")
        try assertAgree(reordered, quickReads: false, "the SOP after the events (read by the general reading)")
        try assertAgree(base.replacingOccurrences(of: "\n---\nรายงาน", with: "\n...\n--- second\n---\nรายงาน"), quickReads: false, "two documents")
    }

    func testEverySampleCaseReadsAlike() throws {
        var quick = 0
        let folder = Repo.root + "/content/cases"
        for id in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let text = try String(contentsOfFile: folder + "/" + id + "/index.md", encoding: .utf8)
            try assertAgree(text, id)
            if try read(text).quick != nil { quick += 1 }
        }
        XCTAssertGreaterThan(quick, 0, "some sample cases are plain enough to read quickly")
    }
}
