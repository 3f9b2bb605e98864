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

    /// swift-mustache with `text` as the template "list", escaping as the portal's templates do.
    private func library(_ text: String) throws -> MustacheLibrary {
        _ = PortalHTML.registered
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: text), named: "list")
        return library
    }

    /// The library and shapes of `text` as `serve` has them: skeletons at first sight, last pages kept.
    private func serveShapes(_ text: String) throws -> (MustacheLibrary, TemplateShapes) {
        let shapes = TemplateShapes(templateTexts: [text])
        shapes.makeSkeletonsAtFirstSight()
        return (try library(text), shapes)
    }

    private func assertSame(_ a: TemplateList, _ b: TemplateList, _ message: String) {
        XCTAssertEqual(a.rows.map(ObjectIdentifier.init), b.rows.map(ObjectIdentifier.init), message)
        XCTAssertEqual(a.keys.elements, b.keys.elements, message)
        XCTAssertEqual(a.values.elements, b.values.elements, message)
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
        let text = "{{% CONTENT_TYPE: HTML }}{{#rows}}<tr data-x=\"{{x}}\"><td>{{{y}}}</td>{{#z}}<td>{{z}}</td>{{/z}}"
            + "<td>{{t}}</td></tr>{{/rows}}{{^rows}}none{{/rows}}"
        let (library, shapes) = try serveShapes(text)
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

    /// Long lists get their skeleton from a few rows (`TemplateListSkeleton`): the pages must be
    /// swift-mustache's own, whatever the order of the rows' shapes, a list rendered twice, values
    /// from outside the list inside its rows, and templates it cannot read that way.
    func testALongListsSkeletonFromAFewRowsIsTheFullRendering() throws {
        let templates = [
            "{{% CONTENT_TYPE: HTML }}<h1>{{t}}</h1><table>{{#rows}}<tr data-x=\"{{x}}\"><td>{{{y}}}</td>{{#z}}<td>{{z}}</td>{{/z}}"
                + "{{#w4}}<b>{{t}}</b>{{/w4}}{{^w2}}-{{/w2}}</tr>\n{{/rows}}</table><p>{{after}}</p>"
                + "<ul>{{#rows}}<li>{{y}}</li>{{/rows}}</ul>{{^rows}}none{{/rows}}",
            // Rows without a z print nothing of their own: read the long way.
            "{{% CONTENT_TYPE: HTML }}{{#rows}}[{{z}}]{{/rows}}",
            "{{% CONTENT_TYPE: HTML }}{{#rows}}{{x}}{{/rows}}",
        ]
        var random = FuzzRandom(seed: 11)
        for (t, text) in templates.enumerated() {
            let library = try library(text)
            let shapes = TemplateShapes(templateTexts: [text])
            for n in 0..<6 {
                let rows = (0..<(16 + random.int(0...40))).map { _ in row(random.int(0...(n < 3 ? 1 : 4)) + 5 * random.int(0...9)) }
                let context: [String: Any] = ["rows": TemplateList(rows), "t": "ท <\(n)>", "after": "หลัง \(n)"]
                var plain = context
                plain["rows"] = rows as [Any]
                let direct = library.render(plain, withTemplate: "list")
                XCTAssertEqual(shapes.render("list", context, library: library), direct, "template \(t), list \(n)")
                // The short way is taken, except where rows without a z would have no text.
                let short = TemplateListSkeleton.make("list", context, list: context["rows"] as! TemplateList,
                                                      library: library, shared: [])
                XCTAssertEqual(short == nil, t == 1 && rows.contains { $0.values["z"] == nil }, "template \(t), list \(n)")
            }
        }
    }

    /// In `serve`, a page of a list is the last page with what differs put in
    /// (`TemplateRefill`): it must be what swift-mustache renders, edit after edit.
    func testARefilledPageIsTheRenderedOne() throws {
        let text = "{{% CONTENT_TYPE: HTML }}<h1>{{t}}</h1>{{#rows}}<tr data-x=\"{{x}}\"><td>{{{y}}}</td>"
            + "{{#z}}<td>{{z}}</td>{{/z}}</tr>{{/rows}}<p>{{t}}</p>"
        let (library, shapes) = try serveShapes(text)
        var random = FuzzRandom(seed: 12)
        var rows = (0..<30).map(row)
        var list = TemplateList(rows)
        for n in 0..<12 {
            // A row replaced by one of its shape (row(k)'s shape is k % 5), so the page keeps its skeleton.
            let i = random.int(0...29)
            rows[i] = row(i % 5 + 5 * (n + 10))
            list = list.replacing(i..<(i + 1), with: [rows[i]])
            let t = n % 3 == 0 ? "ชื่อ <\(n)>" : "ชื่อ"
            let direct = library.render(["rows": rows as [Any], "t": t], withTemplate: "list")
            XCTAssertEqual(shapes.render("list", ["rows": list, "t": t], library: library), direct, "edit \(n)")
        }
    }

    /// A page whose list changes shape (a row added, removed, or of another shape) is the last
    /// page with the changed run spliced in (`TemplateRefill.splice`): it must be what
    /// swift-mustache renders, whatever changes, including text outside the list.
    func testASplicedPageIsTheRenderedOne() throws {
        // A flag whose two texts have one length: only their bytes tell the skeletons apart.
        func flag(_ name: String) -> String { "{{#\(name)}}<i>on</i>{{/\(name)}}{{^\(name)}}<b>no</b>{{/\(name)}}" }
        let text = "{{% CONTENT_TYPE: HTML }}<h1>{{t}}</h1>" + flag("before") + "{{#units}}<option>{{.}}</option>{{/units}}<table>"
            + "{{#rows}}<tr data-x=\"{{x}}\"><td>{{{y}}}</td>{{#z}}<td>{{z}}</td>{{/z}}</tr>{{/rows}}</table>" + flag("after")
            + "<p>{{t}}</p>"
        let (library, shapes) = try serveShapes(text)
        var random = FuzzRandom(seed: 7)
        var rows = (0..<40).map(row)
        var list = TemplateList(rows)
        var next = 1000
        for n in 0..<40 {
            let i = random.int(0...(rows.count - 1))
            switch n % 4 {
            case 0:  // a row added
                rows.insert(row(next), at: i)
                list = list.replacing(i..<i, with: [rows[i]])
            case 1:  // a row removed
                rows.remove(at: i)
                list = list.replacing(i..<(i + 1), with: [])
            case 2:  // a row of another shape in place of one
                rows[i] = row(next)
                list = list.replacing(i..<(i + 1), with: [rows[i]])
            default:  // the first or the last row changed
                let j = n % 8 == 3 ? 0 : rows.count - 1
                rows[j] = row(next)
                list = list.replacing(j..<(j + 1), with: [rows[j]])
            }
            next += random.int(1...4)
            let t = n % 5 == 0 ? "ชื่อ <\(n)>" : "ชื่อ"
            let units = n % 6 == 0 ? ["ก", "ข & ค"] : ["ก"]
            let flags = ["before": n % 7 < 3, "after": n % 3 == 1]
            let direct = library.render(["rows": rows as [Any], "t": t, "units": units].merging(flags) { a, _ in a },
                                        withTemplate: "list")
            let context: [String: Any] = ["rows": list, "t": t, "units": units].merging(flags) { a, _ in a }
            XCTAssertEqual(shapes.render("list", context, library: library), direct, "edit \(n)")
        }
    }

    /// Every case added makes the case list a new shape; `serve` keeps only the last list's
    /// skeleton of a template (8 MB at 10,000 cases), not one per shape it has had.
    func testOnlyTheLastListSkeletonIsKept() throws {
        let text = "{{% CONTENT_TYPE: HTML }}{{#rows}}<p>{{x}}{{#z}} {{z}}{{/z}}</p>{{/rows}}"
        let (library, shapes) = try serveShapes(text)
        for count in 20..<40 {
            let rows = (0..<count).map(row)
            let direct = library.render(["rows": rows as [Any]], withTemplate: "list")
            XCTAssertEqual(shapes.render("list", ["rows": TemplateList(rows)], library: library), direct, "\(count) rows")
        }
        XCTAssertEqual(shapes.keptSkeletons, 1)
    }
}
