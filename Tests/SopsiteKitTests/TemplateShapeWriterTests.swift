import Mustache
@testable import SopsiteKit
import XCTest

/// A page's values written straight into their shape give the shape that walking the page's
/// dictionary gives, key byte for key byte and text for text: the skeleton, made from the
/// dictionary, numbers its slots in the walk's order.
final class TemplateShapeWriterTests: XCTestCase {
    private func written(_ values: some PageValues) -> TemplateShape? {
        var writer = TemplateShapeWriter()
        values.write(into: &writer)
        return writer.finish()
    }

    private func assertSameShape(_ values: some PageValues, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let walked = TemplateShape(values.dictionary)
        let direct = written(values)
        XCTAssertNotNil(direct, message, file: file, line: line)
        XCTAssertEqual(direct?.key, walked?.key, message, file: file, line: line)
        // Texts by their bytes: the report's HTML is written as bytes, the walk meets a String.
        XCTAssertEqual(direct?.values.map(TemplateShapeWriterTests.bytes), walked?.values.map(TemplateShapeWriterTests.bytes),
                       message, file: file, line: line)
        XCTAssertEqual(direct?.shared.map(ObjectIdentifier.init), walked?.shared.map(ObjectIdentifier.init), message, file: file, line: line)
    }

    private static func bytes(_ value: TemplateShape.Value) -> [UInt8] {
        var out: [UInt8] = []
        TemplateSkeleton.append(value, escaped: false, to: &out)
        let plain: Bool
        switch value {
        case let .text(_, p), let .bytes(_, _, p), let .html(_, p): plain = p
        }
        return out + [plain ? 1 : 0]
    }

    func testEveryCasePageOfTheSamplePortalWritesItsWalkedShape() throws {
        var diagnostics = Diagnostics()
        let loaded = try XCTUnwrap(Content.load(from: Repo.root + "/content", following: Repo.asOf, &diagnostics))
        let theme = try XCTUnwrap(Theme.load(path: Repo.root + "/themes/default", &diagnostics))
        let renderer = Renderer(content: loaded.content, theme: theme, followed: loaded.progress, asOf: Repo.asOf)
        let page = CasePage(context: renderer.page, markdown: renderer.markdown)
        var names = Set<String>()
        for view in renderer.views {
            let values = CasePage.Values(page: page, view: view)
            assertSameShape(values, view.c.id)
            names.formUnion(TemplateShapeWriterTests.names(in: values.dictionary))
        }
        // The sample cases take every path a case page's values can take.
        for name in ["contact", "manual_url", "survey_url", "meter", "detail", "answer", "by", "note", "link"] {
            XCTAssertTrue(names.contains(name), "no sample case page has '\(name)'")
        }
    }

    private static func names(in value: Any) -> Set<String> {
        if let map = value as? [String: Any] {
            return map.reduce(into: Set(map.keys)) { $0.formUnion(names(in: $1.value)) }
        }
        if let list = value as? [Any] { return list.reduce(into: Set()) { $0.formUnion(names(in: $1)) } }
        return []
    }

    /// Values written in any order, at any depth, out of order and nested.
    private struct Mixed: PageValues {
        let strings: TemplateValues
        let n: Int

        func write<Context: TemplateContext>(into values: inout Context) {
            values.text("zeta", "z & \(n)")
            values.list("rows", 0..<n) { values, i in
                values.text("title", "แถว \(i)")
                values.flag("done", i % 2 == 0)
                values.map("meter") { values in
                    values.text("value", String(i))
                    values.text("max", "9")
                }
                values.text("a", "<a\(i)>")
            }
            values.shared("t", strings)
            values.text("alpha", "ก")
            values.map("site") { values in
                values.text("url", "https://x/")
                values.text("title", ifAny: n > 1 ? "ชื่อ" : nil)
                values.text("empty", ifNotEmpty: "")
            }
            values.flag("b", n > 2)
        }
    }

    func testValuesWrittenInAnyOrderGiveTheWalkedShape() {
        let strings = TemplateValues(["x": "y"])
        for n in 0..<5 { assertSameShape(Mixed(strings: strings, n: n), "n = \(n)") }
    }

    private struct Twice: PageValues {
        func write<Context: TemplateContext>(into values: inout Context) {
            values.text("b", "1")
            values.text("a", "2")
            values.text("b", "3")
        }
    }

    private struct Marked: PageValues {
        func write<Context: TemplateContext>(into values: inout Context) {
            values.text("a", "x " + TemplateSkeleton.marker(0))
        }
    }

    func testANameTwiceOrAMarkerInAValueHasNoShapeAndRendersDirectly() throws {
        XCTAssertNil(written(Twice()))
        XCTAssertNil(written(Marked()))
        _ = PortalHTML.registered
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}<p>{{a}}|{{b}}</p>"), named: "p")
        let shapes = TemplateShapes(templateTexts: [])
        let page = { (values: any PageValues) in shapes.body("p", values, library: library).map { Page(path: "", body: $0).text } }
        XCTAssertEqual(page(Twice()), "<p>2|3</p>")
        XCTAssertEqual(page(Marked()), library.render(Marked().dictionary, withTemplate: "p"))
    }

    private struct Report: PageValues {
        let html: String
        func write<Context: TemplateContext>(into values: inout Context) {
            values.html("body", Array(html.utf8))
            values.text("title", "ก")
        }
    }

    /// HTML written as bytes fills a page, escaped or not, as its text renders through
    /// swift-mustache; a skeleton made once serves other reports of the shape.
    func testHTMLWrittenAsBytesFillsPagesAsText() throws {
        _ = PortalHTML.registered
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}<main>{{{body}}}</main><pre>{{body}}</pre>{{title}}"), named: "p")
        let shapes = TemplateShapes(templateTexts: [])
        shapes.makeSkeletonsAtFirstSight()
        for html in ["<p>a &amp; b</p>\n", "<h2 id=\"ก\">ก \"ข\"</h2>", "plain", ""] {
            let values = Report(html: html)
            let page = Page(path: "", body: try XCTUnwrap(shapes.body("p", values, library: library))).text
            XCTAssertEqual(page, library.render(values.dictionary, withTemplate: "p"), html)
        }
        XCTAssertGreaterThan(shapes.keptSkeletons, 0)
    }
}
