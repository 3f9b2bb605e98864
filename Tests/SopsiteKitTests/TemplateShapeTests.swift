import Mustache
@testable import SopsiteKit
import XCTest

/// Pages filled into a skeleton must be exactly what swift-mustache renders from the context.
final class TemplateShapeTests: XCTestCase {
    private let page = """
        {{% CONTENT_TYPE: HTML }}{{! A comment (with brackets) does not turn the skeletons off. }}
        <h1 title="{{title}}">{{title}}</h1>{{{body}}}
        {{#case}}<p>{{id}} · {{t.case_id}} · {{missing}}{{#contact}}<b>{{contact}}</b>{{/contact}}</p>{{/case}}
        {{^case}}<p>no case</p>{{/case}}
        <ol>{{#steps}}<li class="{{status}}">{{id}}. {{title}}{{#late}} (late){{/late}}{{^events}} none{{/events}}
        {{#events}}<i>{{date}}{{#by}} {{t.by}} {{by}}{{/by}}</i>{{/events}}{{> row}}</li>{{/steps}}</ol>
        {{#tags}}<span>{{.}}</span>{{/tags}} {{count}} {{#note}}{{.}}{{/note}}
        """
    private let row = "<small>{{status}}/{{t.case_id}}</small>"

    private func library(_ texts: [String: String]) throws -> MustacheLibrary {
        _ = PortalHTML.registered
        var library = MustacheLibrary()
        for (name, text) in texts { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    private let strings = TemplateValues(["case_id": "เลขที่", "by": "โดย <ผู้บันทึก>"])

    private func context(_ n: Int, title: String, contact: String?, events: Int, late: Bool) -> [String: Any] {
        var summary: [String: Any] = ["id": "SW01-2569-\(n)"]
        if let contact { summary["contact"] = contact }
        let steps: [[String: Any]] = (1...3).map { i in
            var list: [[String: Any]] = []
            for e in 0..<(i == 1 ? events : 0) {
                list.append(e == 0 ? ["date": "2 ม.ค. 2569"] : ["date": "3 ม.ค. 2569 \"\(e)\"", "by": "<สมชาย>"])
            }
            let step: [String: Any] = ["id": String(i), "title": "ขั้น \(i) & '\(title)'",
                                       "status": i == 1 ? "done" : "waiting", "late": late && i == 2, "events": list]
            return step
        }
        let note: String? = n % 2 == 0 ? "หมายเหตุ <\(n)>" : nil
        return ["title": title, "body": "<p>report \(n) &amp; <em>more</em></p>", "case": summary, "t": strings,
                "steps": steps, "tags": ["a<b", "ค"], "count": n, "note": note as Any]
    }

    func testFilledPagesAreTheRenderedOnes() throws {
        let library = try library(["page": page, "row": row])
        let shapes = TemplateShapes(templateTexts: [page, row])
        XCTAssertTrue(shapes.isEnabled)
        let titles = ["ระบบ \"ลา\" <ออนไลน์>", "A & B", "", "ระบบ'ฟาร์ม'"]
        for n in 0..<40 {
            let values = context(n, title: titles[n % titles.count], contact: n % 3 == 0 ? nil : "โทร 1234 & <5>",
                                 events: n % 4, late: n % 5 == 0)
            let direct = library.render(values, withTemplate: "page")
            XCTAssertEqual(shapes.render("page", values, library: library), direct, "context \(n)")
        }
    }

    func testRowsWalkedAheadRenderAsTheirDictionaries() throws {
        let list = "{{#rows}}<tr data-x=\"{{x}}\"><td>{{{y}}}</td>{{#z}}<td>{{z}}</td>{{/z}}<td>{{t.case_id}}</td></tr>{{/rows}}"
        let library = try library(["list": list])
        let shapes = TemplateShapes(templateTexts: [list])
        for n in 0..<6 {
            let dicts: [[String: Any]] = (0..<(n % 3 + 1)).map { i in
                i % 2 == 0 ? ["x": "<\(n)&\(i)>", "y": "<b>\(i)</b>"] : ["x": "'\(i)'", "y": "ก", "z": "\"\(n)\""]
            }
            let direct = library.render(["rows": dicts, "t": strings], withTemplate: "list")
            let rows = dicts.map(TemplateRow.init)
            XCTAssertEqual(shapes.render("list", ["rows": rows, "t": strings], library: library), direct, "list \(n)")
        }
        XCTAssertEqual(TemplateRow(["x": "a"]).shapeNumber, TemplateRow(["x": "b"]).shapeNumber)
        XCTAssertNotEqual(TemplateRow(["x": "a"]).shapeNumber, TemplateRow(["y": "a"]).shapeNumber)
    }

    func testContextsOfOneShapeShareASkeleton() throws {
        let one = TemplateShape(context(1, title: "a", contact: "x", events: 2, late: false))
        let two = TemplateShape(context(3, title: "b <c>", contact: "y", events: 2, late: false))
        let other = TemplateShape(context(5, title: "a", contact: nil, events: 2, late: false))
        XCTAssertNotNil(one)
        XCTAssertEqual(one?.key, two?.key)
        XCTAssertNotEqual(one?.values, two?.values)
        XCTAssertNotEqual(one?.key, other?.key)
    }

    func testAValueLikeAMarkerRendersDirectly() throws {
        let library = try library(["page": page, "row": row])
        let shapes = TemplateShapes(templateTexts: [page, row])
        let marker = TemplateSkeleton.marker(0)
        let values = context(2, title: marker + "x" + TemplateSkeleton.marker(1), contact: marker, events: 1, late: true)
        XCTAssertNil(TemplateShape(values))
        XCTAssertEqual(shapes.render("page", values, library: library), library.render(values, withTemplate: "page"))
    }

    func testTemplatesThatComputeFromValuesTurnSkeletonsOff() {
        XCTAssertTrue(TemplateShapes.computes("{{lowercased(title)}}"))
        XCTAssertTrue(TemplateShapes.computes("{{#reversed(steps)}}{{.}}{{/reversed(steps)}}"))
        XCTAssertTrue(TemplateShapes.computes("{{> *name}}"))
        XCTAssertTrue(TemplateShapes.computes("{{=<% %>=}}<%x%>"))
        XCTAssertTrue(TemplateShapes.computes("a " + TemplateSkeleton.marker(3)))
        XCTAssertFalse(TemplateShapes.computes("{{! (a comment) }}{{title}} ({{id}}) {{> row}} {{{body}}}"))
        let shapes = TemplateShapes(templateTexts: ["{{x}}", "{{uppercased(x)}}"])
        XCTAssertFalse(shapes.isEnabled)
    }

    func testAThemeWithTransformsStillRendersThem() throws {
        let text = "{{uppercased(title)}} {{title}}"
        let library = try library(["page": text])
        let shapes = TemplateShapes(templateTexts: [text])
        XCTAssertEqual(shapes.render("page", ["title": "abc"], library: library), "ABC abc")
    }

    func testLookFindsMarkersAnywhereAndTellsPlainTexts() {
        let fdd0 = String(Character(Unicode.Scalar(0xFDD0)!)), fdd1 = String(Character(Unicode.Scalar(0xFDD1)!))
        for text in [fdd0, "ก" + fdd0, "abc" + fdd1 + "def", String(repeating: "ข", count: 5000) + fdd1, "\u{FFFD}\u{FEFF}" + fdd0] {
            XCTAssertTrue(TemplateSkeleton.look(at: text).hasMarker, text)
        }
        // Near misses: other characters whose bytes start with EF B7, or EF at the very end.
        let fdd2 = String(Character(Unicode.Scalar(0xFDD2)!))  // EF B7 92
        for text in ["", "\u{FDCF}", fdd2, "\u{FEFF}ท\u{FFFD}", "ก\u{FDF0}", String(repeating: "ข", count: 5000) + "\u{FFFD}"] {
            XCTAssertFalse(TemplateSkeleton.look(at: text).hasMarker, text)
        }
        XCTAssertTrue(TemplateSkeleton.look(at: "ระบบ (SW01) 50%").isPlain)
        for text in ["a & b", "<b>", "x > y", "\"q\"", "it's"] { XCTAssertFalse(TemplateSkeleton.look(at: text).isPlain, text) }
    }

    /// Random texts, short (one pass) and long (memchr), are looked at as a reading of their
    /// characters would: a marker character anywhere, and whether any needs escaping.
    func testLookAgreesWithTheTextsCharacters() {
        // Swift's literals refuse noncharacters: U+FDD0...U+FDD2 made from their values.
        let nonCharacters = [0xFDD0, 0xFDD1, 0xFDD2].map { String(Character(Unicode.Scalar($0)!)) }
        let pool: [String] = ["a", "ก", " ", "&", "<", ">", "\"", "'", "\u{FDCF}", "\u{FEFF}", "?", "@"] + nonCharacters
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4000 {
            let count = round % 4 == 0 ? Int.random(in: 300...420, using: &generator) : Int.random(in: 0...24, using: &generator)
            let text = (0..<count).map { _ in pool.randomElement(using: &generator)! }.joined()
            let look = TemplateSkeleton.look(at: text)
            let marker = text.unicodeScalars.contains { $0.value == 0xFDD0 || $0.value == 0xFDD1 }
            XCTAssertEqual(look.hasMarker, marker, text.debugDescription)
            if !marker { XCTAssertEqual(look.isPlain, !text.contains { "&<>\"'".contains($0) }, text.debugDescription) }
        }
    }

    /// A build's first shapes get a skeleton at first sight; past `firstSightLimit`, a shape
    /// met once renders directly and keeps nothing, so that pages each of their own shape do not
    /// keep a skeleton each. Every page is what swift-mustache renders either way.
    func testOnlyTheFirstShapesGetASkeletonAtFirstSight() throws {
        let text = "{{% CONTENT_TYPE: HTML }}<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>"
        let library = try library(["list": text])
        let shapes = TemplateShapes(templateTexts: [text])
        let limit = TemplateShapes.firstSightLimit
        for n in 0..<(limit + 40) {  // n items: a shape of its own each
            let values: [String: Any] = ["items": (0..<n).map { "ข้อ \($0) & <\(n)>" }]
            XCTAssertEqual(shapes.render("list", values, library: library), library.render(values, withTemplate: "list"), "\(n)")
        }
        XCTAssertEqual(shapes.keptSkeletons, limit)
    }
}
