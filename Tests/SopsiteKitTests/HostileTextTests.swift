import BusinessTime
import Foundation
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// Text as it arrives from other machines and from Word: bytes that are not UTF-8, byte-order
/// marks, Windows line endings, Thai typed in decomposed form, invisible characters in ids,
/// dates that do not exist or are in the Buddhist Era or carry a zone.
final class HostileTextTests: XCTestCase {
    /// Sara am (U+0E33) written as nikhahit + sara aa (U+0E4D U+0E32), as some keyboards and
    /// Word's copy-paste produce it. It looks the same; Swift's `==` says it is not.
    func decomposed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\u{0E33}" { out.append("\u{0E4D}"); out.append("\u{0E32}") } else { out.append(s) }
        }
        return String(out)
    }

    func read(_ bytes: [UInt8]) throws -> [String] {
        let folder = try temporaryFolder(self)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/x.md"))
        var diagnostics = Diagnostics()
        XCTAssertNil(ContentFiles.read(folder + "/x.md", &diagnostics))
        return diagnostics.all.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }

    func testInvalidUTF8IsAnErrorAtTheFirstBadByte() throws {
        let thai = Array("---\ntitle: ระบบ".utf8)
        let message = { (l: Int, c: Int) in ["x.md:\(l):\(c): error: the file is not valid UTF-8; save it as UTF-8"] }
        XCTAssertEqual(try read(thai + [0xFF] + Array("\n".utf8)), message(2, 12), "a byte that is never UTF-8")
        XCTAssertEqual(try read(thai + [0xC0, 0x80]), message(2, 12), "an overlong NUL")
        XCTAssertEqual(try read(thai + [0xED, 0xA0, 0x80]), message(2, 12), "a UTF-16 surrogate")
        XCTAssertEqual(try read(thai + [0xE0, 0xB8]), message(2, 12), "a Thai letter cut short at the end")
        XCTAssertEqual(try read(Array("ab\r\ncd".utf8) + [0xE0, 0x41]), message(2, 3), "a lead byte without its continuation")
        XCTAssertEqual(try read([0xEF, 0xBB, 0xBF, 0x41, 0x92]), message(1, 3), "Windows-874 or CP1252 text, after a byte-order mark")
        // TIS-620, the old Thai encoding: every Thai letter is one byte above 0x7F.
        XCTAssertEqual(try read(Array("title: ".utf8) + [0xC3, 0xD0, 0xBA, 0xBA]), message(1, 8))
    }

    func testInvalidUTF8InACaseFailsTheBuildAndLeavesThePortal() throws {
        let content = try Hostile.copy("xss-site", self)
        let path = content + "/cases/X1-2569-001/index.md"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes.insert(0xFE, at: bytes.firstIndex(of: UInt8(ascii: "\n"))! + 5)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let out = try temporaryFolder(self) + "/public"
        try write(["index.html": "the last good portal"], in: out)
        XCTAssertThrowsError(try Build.run(Hostile.options(content, out))) { error in
            XCTAssertEqual((error as? BuildFailed)?.diagnostics.map { Hostile.relative($0, content) },
                           ["cases/X1-2569-001/index.md:2:5: error: the file is not valid UTF-8; save it as UTF-8"])
        }
        XCTAssertEqual(try String(contentsOfFile: out + "/index.html", encoding: .utf8), "the last good portal")
    }

    func testAByteOrderMarkAndWindowsLineEndingsKeepEveryPosition() {
        func messages(_ text: String) -> [String] {
            var diagnostics = Diagnostics()
            _ = CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: [],
                                sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
            return diagnostics.sorted.map(\.description)
        }
        let broken = CaseRulesTests.valid.replacingOccurrences(of: "  - step: 2\n", with: "  - step: 12\n")
            .replacingOccurrences(of: "report", with: "รายงาน\n\n![ภาพ](ภาพ.png)")
        let expected = [
            "cases/C1/index.md:10:11: error: unknown step '12' in SOP SW01 (its steps: 1, 2, 3, 4, 5, 6, 7, 8, 9)",
            "cases/C1/index.md:23:1: error: image \"ภาพ.png\" names no file in the case's folder",
        ]
        XCTAssertEqual(messages(broken), expected)
        XCTAssertEqual(messages("\u{FEFF}" + broken.replacingOccurrences(of: "\n", with: "\r\n")), expected)
        XCTAssertEqual(messages("\u{FEFF}" + CaseRulesTests.valid.replacingOccurrences(of: "\n", with: "\r\n")), [])
    }

    func testOldMacLineEndingsAndLineSeparators() {
        func messages(_ text: String) -> [String] {
            var diagnostics = Diagnostics()
            _ = CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: [],
                                sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
            return diagnostics.sorted.map(\.description)
        }
        // A lone "\r" ends a line for YAML and for editors; so it does for sopsite.
        let broken = CaseRulesTests.valid.replacingOccurrences(of: "  - step: 2\n", with: "  - step: 12\n")
        XCTAssertEqual(messages(broken.replacingOccurrences(of: "\n", with: "\r")),
                       ["cases/C1/index.md:10:11: error: unknown step '12' in SOP SW01 (its steps: 1, 2, 3, 4, 5, 6, 7, 8, 9)"])
        // U+2028 is a line break to YAML but not to editors: refused where it is, before it shifts every line.
        XCTAssertEqual(messages(CaseRulesTests.valid.replacingOccurrences(of: "contact: คุณสุดา", with: "contact: คุณ\u{2028}สุดา")),
                       ["cases/C1/index.md:5:13: error: the front matter contains the line separator U+2028, which YAML reads as a line break; remove it"])
        XCTAssertEqual(messages(CaseRulesTests.valid + "\u{2029}"), [], "in the Markdown body it is only a character")
    }

    func testSiteYAMLWithAByteOrderMarkAndWindowsLineEndings() throws {
        let content = try Hostile.copy("xss-site", self)
        let site = try String(contentsOfFile: content + "/site.yaml", encoding: .utf8)
        try write(["site.yaml": "\u{FEFF}" + site.replacingOccurrences(of: "\n", with: "\r\n")], in: content)
        let (_, messages, failed) = try Hostile.build(content, self, writing: false)
        XCTAssertFalse(failed, messages.joined(separator: "\n"))
    }

    /// T1 with Thai step ids and labels that have a sara am, step 2 per scope.
    var thaiSOP: SOP {
        var text = SOPLoaderTests.valid
        for (old, new) in [("  - id: 2", "  - id: นำเสนอ"), ("{label: อนุมัติ}", "{label: ดำเนินการต่อ}"),
                           ("{label: ไม่อนุมัติ,", "{label: ไม่ดำเนินการ,"), ("duration: 2 วัน", "duration: ตามขอบเขต"),
                           ("    duration: 1 วัน\n", "    duration: 1 วันทำการ\n    next: \(decomposed("นำเสนอ"))\n")] {
            precondition(text.contains(old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        var diagnostics = Diagnostics()
        let sop = SOPLoader.load(text, path: "sops/T1.md", &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        return sop!
    }

    func testDecomposedSaraAmMatchesStepIdsTargetsAnswersAndDueDates() throws {
        let sop = thaiSOP
        XCTAssertEqual(sop.steps[0].next, .step("นำเสนอ"), "a next: typed decomposed finds the step")
        let text = """
        ---
        sop: T1
        title: ระบบ
        unit: หน่วยงาน
        opened: 2025-01-06
        events:
          - step: 1
            date: 2025-01-06
            due:
              \(decomposed("นำเสนอ")): 2025-01-10
          - step: \(decomposed("นำเสนอ"))
            date: 2025-01-09
            answer: \(decomposed("ดำเนินการต่อ"))
        ---

        """
        var diagnostics = Diagnostics()
        let c = try XCTUnwrap(CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: [],
                                              sops: ["T1": sop], markdown: Markdown(), &diagnostics))
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(c.events.map(\.step), ["1", "นำเสนอ"])
        XCTAssertEqual(c.events[1].answer, true)
        let calendar = WorkCalendar(holidays: [], officeHours: .standard)
        let progress = try XCTUnwrap(CaseProgress.follow(c, sop: sop, calendar: calendar, asOf: Day(iso: "2025-01-20")!, &diagnostics))
        XCTAssertEqual(diagnostics.all.map(\.description), [])
        XCTAssertEqual(progress.state, .handedOver)
        XCTAssertEqual(progress.records[1].timing?.due, Moment(text: "2025-01-10"), "the due date typed decomposed counts")
        // The no-label, decomposed too; and SW01's own labels typed in NFD (the same to Swift).
        XCTAssertEqual(EventLoader.readAnswer(answerValue(decomposed("ไม่ดำเนินการ")), sop.steps[1].decision!, &diagnostics), false)
        let sw01 = try XCTUnwrap(CaseRulesTests.sop.steps[2].decision)
        let nfd = "เห็นควร".decomposedStringWithCanonicalMapping
        XCTAssertEqual(EventLoader.readAnswer(answerValue(nfd), sw01, &diagnostics), true)
        XCTAssertEqual(EventLoader.readAnswer(answerValue("ไม่" + nfd), sw01, &diagnostics), false)
        XCTAssertEqual(diagnostics.all.count, 0)
    }

    func answerValue(_ text: String) -> YAMLValue {
        try! YAMLValue.parse("answer: \(text)\n", path: "x", firstLine: 1)!.map("x", &dummy)!["answer"]!
    }

    var dummy = Diagnostics()

    func testTheThaiFoldOnlyTouchesWhatIsMeant() {
        XCTAssertEqual(decomposed("น้ำ").thaiFolded, "น้ำ")
        XCTAssertEqual("น\u{0E4D}\u{0E49}\u{0E32}".thaiFolded, "น้ำ", "nikhahit, tone mark, sara aa")
        XCTAssertEqual("\u{0E40}\u{0E40}ก".thaiFolded, "แก", "two sara e for sae")
        XCTAssertEqual("ทำ".thaiFolded, "ทำ")
        XCTAssertEqual("กา".thaiFolded, "กา")
        XCTAssertEqual("abc".thaiFolded, "abc")
        XCTAssertEqual(try StepDuration.parse(decomposed("3 วันทำการ")).target, .days(3), "a duration typed decomposed")
        XCTAssertEqual(try StepDuration.parse(decomposed("ภายใน 2 วันทำการ")).target, .days(2))
    }

    func testInvisibleCharactersInIdsAreRefused() {
        func sop(_ old: String, _ new: String) -> [String] {
            var diagnostics = Diagnostics()
            _ = SOPLoader.load(SOPLoaderTests.valid.replacingOccurrences(of: old, with: new), path: "sops/T1.md", &diagnostics)
            return diagnostics.sorted.map(\.description)
        }
        XCTAssertEqual(sop("  - id: 1\n", "  - id: 1\u{200B}\n"), [
            "sops/T1.md:14:9: error: step id \"1\u{200B}\" contains the invisible character U+200B; remove it",
        ])
        XCTAssertEqual(sop("  - id: 1\n", "  - id: \"\u{2060}1\"\n").first,
                       "sops/T1.md:14:9: error: step id \"\u{2060}1\" contains the invisible character U+2060; remove it")
        XCTAssertEqual(sop("  - id: 1\n", "  - id: 1\u{202E}\n").first,
                       "sops/T1.md:14:9: error: step id \"1\u{202E}\" contains the invisible character U+202E; remove it", "right-to-left override")
        XCTAssertEqual(sop("  - id: 1\n", "  - id: \"1\u{00A0}\"\n").first,
                       "sops/T1.md:14:9: error: step id \"1\u{00A0}\" must not contain spaces", "a no-break space")
        XCTAssertEqual(sop("  dev: งานพัฒนา", "  d\u{200B}ev: งานพัฒนา").first,
                       "sops/T1.md:12:3: error: role id \"d\u{200B}ev\" may use only letters, digits, '-', '_' and '.'")
        XCTAssertEqual(sop("code: T1", "code: T\u{FEFF}1"),
                       ["sops/T1.md:2:7: error: SOP code \"T\u{FEFF}1\" may use only letters, digits, '-', '_' and '.'"])
        XCTAssertEqual(sop("code: T1", "code: ../T1"),
                       ["sops/T1.md:2:7: error: SOP code \"../T1\" may use only letters, digits, '-', '_' and '.'"])
        XCTAssertEqual(sop("code: T1", "code: .."),
                       ["sops/T1.md:2:7: error: SOP code \"..\" may use only letters, digits, '-', '_' and '.'"])
        // An event naming a step with an invisible character names no step.
        var diagnostics = Diagnostics()
        _ = CaseLoader.load(CaseRulesTests.valid.replacingOccurrences(of: "  - step: 2\n", with: "  - step: 2\u{200B}\n"),
                            id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: [],
                            sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
        XCTAssertEqual(diagnostics.all.map(\.description),
                       ["cases/C1/index.md:10:11: error: unknown step '2\u{200B}' in SOP SW01 (its steps: 1, 2, 3, 4, 5, 6, 7, 8, 9)"])
    }

    func dates(_ opened: String) -> (Moment?, [String]) {
        var diagnostics = Diagnostics()
        let c = CaseLoader.load(CaseRulesTests.valid.replacingOccurrences(of: "opened: 2025-01-06 09:00", with: "opened: \(opened)"),
                                id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: [],
                                sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
        return (c?.opened, diagnostics.sorted.map(\.description))
    }

    func testDatesThatDoNotExist() {
        for text in ["2025-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-6", "06/01/2025",
                     "2025-01-06 24:00", "2025-01-06 10:60", "2025-01-06 9:15", "๒๐๒๕-๐๑-๐๖", "2025-01-06 10:30:00"] {
            let (opened, messages) = dates(text)
            XCTAssertNil(opened, text)
            XCTAssertEqual(messages.count, 1, text)
            XCTAssertTrue(messages.first?.hasPrefix("cases/C1/index.md:6:9: error: 'opened' must be a date that exists, written YYYY-MM-DD or YYYY-MM-DD HH:MM, not \"\(text)\"") == true,
                          messages.first ?? text)
        }
        XCTAssertEqual(dates("2025-01-06 10:30:00").1.first?.hasSuffix("(write the time as HH:MM, without seconds)"), true)
        XCTAssertEqual(dates("2024-02-29").0, Moment(text: "2024-02-29"), "a leap day")
    }

    func testBuddhistEraYearsAreReadAsGregorianWithAWarning() {
        let (opened, messages) = dates("2568-01-06 09:00")
        XCTAssertEqual(opened, Moment(text: "2025-01-06 09:00"))
        XCTAssertEqual(messages, [
            "cases/C1/index.md:6:9: warning: 'opened' \"2568-01-06 09:00\" has a Buddhist-Era year; read as 2025-01-06 09:00 (write the Gregorian year)",
        ])
        // 2568 was a leap year in the Gregorian calendar, 2025 was not.
        XCTAssertEqual(dates("2568-02-29").1, ["cases/C1/index.md:6:9: error: 'opened' \"2568-02-29\" is not a date that exists"])
    }

    func testTimesAreBangkokTimeAndAZoneIsRefused() {
        XCTAssertEqual(dates("2025-01-06 09:00").0, Moment(day: Day(iso: "2025-01-06")!, minute: 9 * 60))
        XCTAssertEqual(dates("2025-01-06T09:00").0, Moment(day: Day(iso: "2025-01-06")!, minute: 9 * 60))
        for text in ["2025-01-06T09:00+07:00", "2025-01-06T02:00Z", "2025-01-06 09:00 +0700", "2025-01-05T21:00-05:00", "2025-01-06 09:00z"] {
            let (opened, messages) = dates(text)
            XCTAssertNil(opened, text)
            XCTAssertEqual(messages, ["cases/C1/index.md:6:9: error: 'opened' must be a date that exists, written YYYY-MM-DD or YYYY-MM-DD HH:MM, not \"\(text)\" (times are Asia/Bangkok; leave out the zone)"])
        }
    }

    /// The block-at-a-time look for unpublishable characters (C, 32 bytes a block) sees what a
    /// look at each byte sees, at every place in a block, across blocks and in the tail.
    func testTheQuickLookForUnpublishableBytesMissesNone() {
        let pool: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xB8, 0xC1,
                             0xC2, 0xC3, 0xE0, 0xEE, 0xEF, 0xF0, 0xFF]
        let flagged = { (b: UInt8) in b < 0x20 ? b != 0x0A && b != 0x09 && b != 0x0D : b == 0x7F || b == 0xC2 || b == 0xEF }
        let quiet = pool.filter { !flagged($0) }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20000 {
            // Mostly quiet bytes, so that a single flagged one at any place must be found.
            let count = Int.random(in: 0...100, using: &generator)
            var bytes = (0..<count).map { _ in quiet.randomElement(using: &generator)! }
            if round % 2 == 0, count > 0 { bytes[Int.random(in: 0..<count, using: &generator)] = pool.randomElement(using: &generator)! }
            let quick = bytes.withUnsafeBufferPointer { $0.mayHoldUnpublishable }
            XCTAssertEqual(quick, bytes.contains(where: flagged), "\(bytes)")
        }
    }
}
