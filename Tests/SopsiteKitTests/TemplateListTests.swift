import Mustache
@testable import SopsiteKit
import XCTest

/// A list of rows kept up to date row by row must be the list made afresh, and render as its
/// rows would.
final class TemplateListTests: XCTestCase {
    /// Rows of five shapes (n % 5), so that a row's key in the wrong place shows.
    private func row(_ n: Int) -> TemplateRow {
        var values: [String: Any] = ["x": "<\(n)>", "y": "แถว \(n) & 'ก'"]
        if n % 5 >= 1 { values["z"] = "ค \(n)" }
        if n % 5 >= 2 { values["w\(n % 5)"] = n % 5 == 4 }
        return TemplateRow(values)
    }

    private func assertSame(_ a: TemplateList, _ b: TemplateList, _ message: String) {
        XCTAssertEqual(a.rows.map(ObjectIdentifier.init), b.rows.map(ObjectIdentifier.init), message)
        XCTAssertEqual(a.key, b.key, message)
        XCTAssertEqual(a.values, b.values, message)
        XCTAssertEqual(a.isShaped, b.isShaped, message)
    }

    func testReplacingIsMakingAfresh() {
        let rows = (0..<12).map(row)
        var list = TemplateList(rows), expected = rows
        let edits: [(Range<Int>, [TemplateRow])] = [
            (5..<6, [row(50)]), (0..<0, [row(51)]), (13..<13, [row(52)]), (0..<1, []), (12..<13, []),
            (3..<5, [row(53), row(54), row(55)]), (7..<7, [TemplateRow(["x": TemplateSkeleton.marker(0)])]), (7..<8, []),
        ]
        for (range, new) in edits {
            list = list.replacing(range, with: new)
            expected.replaceSubrange(range, with: new)
            assertSame(list, TemplateList(expected), "after replacing \(range) with \(new.count)")
        }
        // A row whose value looks like a marker has no shape: so has the list while it holds it.
        XCTAssertFalse(TemplateList(rows + [TemplateRow(["x": TemplateSkeleton.marker(0)])]).isShaped)
        XCTAssertTrue(list.isShaped)
    }

    func testAListRendersAsItsRows() throws {
        _ = PortalHTML.registered
        let text = "{{% CONTENT_TYPE: HTML }}{{#rows}}<tr data-x=\"{{x}}\"><td>{{{y}}}</td>{{#z}}<td>{{z}}</td>{{/z}}"
            + "<td>{{t}}</td></tr>{{/rows}}{{^rows}}none{{/rows}}"
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: text), named: "list")
        let shapes = TemplateShapes(templateTexts: [text])
        shapes.makeSkeletonsAtFirstSight()
        var list = TemplateList((0..<20).map(row))
        for n in 0..<4 {
            let rows: [Any] = list.rows
            let direct = library.render(["rows": rows, "t": "ท"], withTemplate: "list")
            XCTAssertEqual(library.render(["rows": list, "t": "ท"], withTemplate: "list"), direct, "direct \(n)")
            XCTAssertEqual(shapes.render("list", ["rows": list, "t": "ท"], library: library), direct, "by shape \(n)")
            list = list.replacing((n * 3)..<(n * 3 + 1), with: [row(100 + n)])
        }
        XCTAssertEqual(shapes.render("list", ["rows": TemplateList([]), "t": "ท"], library: library), "none")
    }
}
