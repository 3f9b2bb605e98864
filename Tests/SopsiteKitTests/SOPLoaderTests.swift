import BusinessTime
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// Front-matter loading of SOP files, and every error the core issue names, with its exact
/// message and position.
final class SOPLoaderTests: XCTestCase {
    /// A small valid SOP; tests change one line of it at a time.
    static let valid = """
    ---
    code: T1
    organisation: มทร.ล้านนา
    document: มาตรฐานขั้นตอนการปฏิบัติงาน
    title: ทดสอบ
    issued: 2021-06-22
    written_by: A
    controlled_by: B
    approved_by: C
    roles:
      unit: หน่วยงาน
      dev: งานพัฒนา
    steps:
      - id: 1
        title: ยื่นเรื่อง
        role: unit
        procedure: "- ยื่นบันทึกข้อความ"
        documents: [บันทึกข้อความ]
        duration: 1 วัน
      - id: 2
        title: พิจารณา
        role: dev
        procedure: พิจารณา
        duration: 2 วัน
        decision:
          question: อนุมัติหรือไม่
          yes: {label: อนุมัติ}
          no: {label: ไม่อนุมัติ, action: แจ้งกลับ, role: unit, next: end}
      - id: 3
        title: ดูแล
        roles: [dev, unit]
        procedure: ดูแลระบบ
        ongoing: true
    ---

    ## Body
    """

    func load(_ text: String) -> (SOP?, [String]) {
        var diagnostics = Diagnostics()
        let sop = SOPLoader.load(text, path: "sops/T1.md", &diagnostics)
        return (sop, diagnostics.sorted.map(\.description))
    }

    func testLoadsAValidSOP() throws {
        let (sop, messages) = load(Self.valid)
        XCTAssertEqual(messages, [])
        let s = try XCTUnwrap(sop)
        XCTAssertEqual(s.code, "T1")
        XCTAssertEqual(s.issued, Day(iso: "2021-06-22"))
        XCTAssertEqual(s.roles, [Role(id: "unit", name: "หน่วยงาน"), Role(id: "dev", name: "งานพัฒนา")])
        XCTAssertEqual(s.steps.map(\.id), ["1", "2", "3"])
        XCTAssertEqual(s.steps[0].next, .step("2"))
        XCTAssertEqual(s.steps[0].documents, ["บันทึกข้อความ"])
        XCTAssertEqual(s.steps[0].duration?.target, .days(1))
        XCTAssertEqual(s.steps[1].decision?.yes.target, .step("3"), "yes leads to the following step by default")
        XCTAssertEqual(s.steps[1].decision?.no.target, .end)
        XCTAssertEqual(s.steps[1].decision?.no.action, "แจ้งกลับ")
        XCTAssertEqual(s.steps[1].decision?.no.actionRole, "unit")
        XCTAssertEqual(s.steps[2].roles, ["dev", "unit"])
        XCTAssertTrue(s.steps[2].ongoing)
        XCTAssertNil(s.steps[2].duration)
        XCTAssertEqual(s.steps[2].next, .end, "the last step leads to the end")
        XCTAssertEqual(s.body, "\n## Body")
        XCTAssertEqual(s.bodyLine, 35)
    }

    func changed(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old))
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    func testBrokenYAML() {
        let (sop, messages) = load(changed("title: ทดสอบ", "title: [ทดสอบ"))
        XCTAssertNil(sop)
        XCTAssertEqual(messages, ["sops/T1.md:6:7: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"])
    }

    func testMissingRequiredField() {
        let (sop, messages) = load(changed("    title: ยื่นเรื่อง\n", ""))
        XCTAssertNil(sop)
        XCTAssertEqual(messages, ["sops/T1.md:14:5: error: missing required field 'title' in step 1"])
    }

    func testMissingHeaderField() {
        let (_, messages) = load(changed("approved_by: C\n", ""))
        XCTAssertEqual(messages, ["sops/T1.md:2:1: error: missing required field 'approved_by' in the SOP's front matter"])
    }

    func testUnknownRole() {
        let (sop, messages) = load(changed("role: dev\n    procedure: พิจารณา", "role: boss\n    procedure: พิจารณา"))
        XCTAssertNil(sop)
        XCTAssertEqual(messages, ["sops/T1.md:22:11: error: unknown role 'boss' in step 2 (the SOP's roles: dev, unit)"])
    }

    func testTwoStepsWithOneID() {
        let (sop, messages) = load(changed("  - id: 3", "  - id: 2"))
        XCTAssertNil(sop)
        XCTAssertEqual(messages, ["sops/T1.md:29:5: error: two steps with id '2'; the first is at line 20"])
    }

    func testBranchToAStepThatDoesNotExist() {
        let (sop, messages) = load(changed("yes: {label: อนุมัติ}", "yes: {label: อนุมัติ, next: 7}"))
        XCTAssertNil(sop)
        XCTAssertEqual(messages, ["sops/T1.md:27:35: error: leads to step '7', which does not exist"])
    }

    func testNextToAStepThatDoesNotExist() {
        let (_, messages) = load(changed("    duration: 1 วัน\n", "    duration: 1 วัน\n    next: 12\n"))
        XCTAssertEqual(messages, ["sops/T1.md:20:11: error: leads to step '12', which does not exist"])
    }

    func testDurationNobodyCanRead() {
        let (sop, messages) = load(changed("duration: 2 วัน", "duration: สองสัปดาห์"))
        XCTAssertNil(sop)
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasPrefix("sops/T1.md:24:15: error: unknown duration \"สองสัปดาห์\";"), messages[0])
    }

    func testAllErrorsInOneRun() {
        var text = changed("duration: 2 วัน", "duration: สองสัปดาห์")
        text = text.replacingOccurrences(of: "role: dev\n    procedure: พิจารณา", with: "role: boss\n    procedure: พิจารณา")
        text = text.replacingOccurrences(of: "approved_by: C\n", with: "")
        let (_, messages) = load(text)
        XCTAssertEqual(messages.count, 3, messages.joined(separator: "\n"))
        XCTAssertEqual(messages.map { $0.split(separator: ":")[1] }, ["2", "21", "23"], "in file order")
    }

    func testDuplicateKey() {
        let (_, messages) = load(changed("title: ทดสอบ", "title: ทดสอบ\ntitle: อีกชื่อ"))
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasPrefix("sops/T1.md:"), messages[0])
        XCTAssertTrue(messages[0].contains("error: duplicate key 'title'"), messages[0])
    }

    func testMissingClosingFence() {
        let text = Self.valid.replacingOccurrences(of: "---\n\n## Body", with: "\n## Body")
        let (_, messages) = load(text)
        XCTAssertEqual(messages, ["sops/T1.md:1:1: error: front matter opened with '---' on line 1 is never closed with a line '---'"])
    }

    func testNoFrontMatter() {
        let (_, messages) = load("# just Markdown\n")
        XCTAssertEqual(messages, ["sops/T1.md:1:1: error: expected front matter: the file must start with a line '---'"])
    }

    func testCRLFAndByteOrderMarkReadTheSame() {
        let windows = "\u{FEFF}" + Self.valid.replacingOccurrences(of: "\n", with: "\r\n")
        let (sop, messages) = load(windows)
        XCTAssertEqual(messages, [])
        XCTAssertEqual(sop?.steps.count, 3)
    }

    func testDatesThatDoNotExistAndBuddhistEraYears() {
        XCTAssertEqual(load(changed("2021-06-22", "2021-02-30")).1,
                       ["sops/T1.md:6:9: error: 'issued' must be a date that exists, written YYYY-MM-DD or YYYY-MM-DD HH:MM, not \"2021-02-30\""])
        let (sop, messages) = load(changed("2021-06-22", "2564-06-22"))
        XCTAssertEqual(messages, ["sops/T1.md:6:9: warning: 'issued' \"2564-06-22\" has a Buddhist-Era year; read as 2021-06-22 (write the Gregorian year)"])
        XCTAssertEqual(sop?.issued, Day(iso: "2021-06-22"), "a warning, and the date is read as meant")
        XCTAssertEqual(load(changed("2021-06-22", "2021-06-22 10:00")).1,
                       ["sops/T1.md:6:9: error: 'issued' must be a date written YYYY-MM-DD, without a time, not \"2021-06-22 10:00\""])
    }

    func testOngoingStepHasNoDuration() {
        let (_, messages) = load(changed("    ongoing: true", "    ongoing: true\n    duration: 1 วัน"))
        XCTAssertEqual(messages, ["sops/T1.md:34:15: error: step 3 is ongoing and so has no duration; remove 'duration'"])
    }

    func testNoBranchMustSayWhereItGoes() {
        let (_, messages) = load(changed(", next: end}", "}"))
        XCTAssertEqual(messages, ["sops/T1.md:28:11: error: missing required field 'next' in the no-branch of step 2"])
    }

    func testUnknownFieldIsAWarning() {
        let (sop, messages) = load(changed("    duration: 1 วัน", "    duraton: 1 วัน\n    duration: 1 วัน"))
        XCTAssertNotNil(sop)
        XCTAssertEqual(messages.count, 1)
        XCTAssertTrue(messages[0].hasPrefix("sops/T1.md:19:5: warning: unknown field 'duraton' in step 1"), messages[0])
    }
}
