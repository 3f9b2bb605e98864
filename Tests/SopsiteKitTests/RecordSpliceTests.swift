import BusinessTime
@testable import SopsiteKit
import XCTest

/// `sopsite record` changes no other byte of a case file: over case files written every way a
/// person writes YAML, the new text reads as the old one with exactly one more event, and the
/// only bytes taken away are an empty list's `[]` or `~`.
final class RecordSpliceTests: XCTestCase {
    func splice(_ text: String, _ event: NewEvent) -> EventSplice? {
        guard let front = try? FrontMatter.split(text, path: "x"), let place = EventsPlace.find(front.yaml) else { return nil }
        return EventSplice.make(event, text: text, yamlLine: front.yamlLine, place: place)
    }

    func testAnEmptyListGetsABlockListUnderItsKey() {
        let text = "---\nsop: SW01\n# c\nevents: []  # none yet\n---\n\n## x\n"
        let event = NewEvent(step: "1", date: Moment(text: "2026-12-04 12:00")!)
        XCTAssertEqual(splice(text, event)?.applied(to: text),
                       "---\nsop: SW01\n# c\nevents:   # none yet\n  - step: 1\n    date: 2026-12-04 12:00\n---\n\n## x\n")
        let bare = "---\r\nsop: SW01\r\nevents:\r\n---\r\nbody\r\n"
        XCTAssertEqual(splice(bare, event)?.applied(to: bare),
                       "---\r\nsop: SW01\r\nevents:\r\n  - step: 1\r\n    date: 2026-12-04 12:00\r\n---\r\nbody\r\n",
                       "Windows line ends stay Windows line ends")
    }

    func testTextYAMLWouldReadOtherwiseIsQuoted() {
        let text = "---\nevents:\n- step: 1\n  date: 2026-12-01\n---\n"
        let event = NewEvent(step: "2", date: Moment(text: "2026-12-02")!, by: "กองคลัง",
                             note: "*ด่วน*: ตอบภายใน # วัน", answer: "เห็นควร", due: [("5", Day(iso: "2026-12-20")!)])
        XCTAssertEqual(splice(text, event)?.applied(to: text), """
            ---
            events:
            - step: 1
              date: 2026-12-01
            - step: 2
              date: 2026-12-02
              by: กองคลัง
              answer: เห็นควร
              note: "*ด่วน*: ตอบภายใน # วัน"
              due:
                5: 2026-12-20
            ---

            """, "the list's own indentation (dashes at the key's column) is kept")
        let flow = "---\nevents: [{step: 1, date: 2026-12-01}]  # one\n---\n"
        XCTAssertEqual(splice(flow, event)?.applied(to: flow),
                       "---\nevents: [{step: 1, date: 2026-12-01}, {step: 2, date: 2026-12-02, by: กองคลัง, answer: เห็นควร, "
                       + "note: \"*ด่วน*: ตอบภายใน # วัน\", due: {5: 2026-12-20}}]  # one\n---\n")
    }

    /// The property: over 400 generated files, the spliced text's tree is the old tree with one
    /// more event, equal to the one asked for, and nothing but an empty list's marker removed.
    func testRecordChangesNoOtherByte() throws {
        var random = FuzzRandom(seed: 22)
        for round in 0..<400 {
            let file = CaseFileMaker.make(&random)
            let event = CaseFileMaker.event(&random)
            let context = "round \(round):\n\(file.text)"
            let splice = try XCTUnwrap(splice(file.text, event), context)
            let new = splice.applied(to: file.text)
            let old = Array(file.text.utf8)
            let removed = String(decoding: old[splice.removed], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(["", "[]", "[ ]", "~", "null"].contains(removed), "removed \(removed)\n" + context)
            XCTAssertTrue(splice.at >= splice.removed.upperBound, context)
            let before = try XCTUnwrap(Self.tree(file.text), context)
            let after = try XCTUnwrap(Self.tree(new), "the new text parses\n" + context + "\n→\n" + new)
            XCTAssertEqual(after.others, before.others, "every other key as it was\n" + new)
            XCTAssertEqual(Array(after.events.dropLast()), before.events, "every event before as it was\n" + new)
            XCTAssertEqual(after.events.last, CaseFileMaker.canonical(event), "the new event\n" + new)
            XCTAssertTrue(new.hasSuffix(file.bodyAndClose), "the body as it was\n" + new)
        }
    }

    /// A front matter's top keys but `events` as canonical text, and each event's.
    static func tree(_ text: String) -> (others: [String], events: [String])? {
        guard let front = try? FrontMatter.split(text, path: "x"),
              let root = try? YAMLValue.parse(front.yaml, path: "x", firstLine: 2),
              case let .map(pairs) = root.kind else { return nil }
        var others: [String] = [], events: [String] = []
        for pair in pairs {
            guard case let .scalar(key, _) = pair.key.kind else { return nil }
            if key != "events" { others.append(key + "=" + canonical(pair.value)); continue }
            if case let .list(items) = pair.value.kind { events = items.map(canonical) }
        }
        return (others, events)
    }

    /// A value as text without its places or quoting: what the build reads.
    static func canonical(_ value: YAMLValue) -> String {
        switch value.kind {
        case let .scalar(text, plain): return plain && YAMLValue.isNull(text) ? "~" : "'\(text)'"
        case let .list(items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case let .map(pairs): return "{" + pairs.map { canonical($0.key) + ":" + canonical($0.value) }.joined(separator: ",") + "}"
        }
    }
}
