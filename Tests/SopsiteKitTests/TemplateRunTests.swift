import Mustache
@testable import SopsiteKit
@testable import Templates
import XCTest

/// Pages run from compiled templates must be exactly what swift-mustache renders from the same
/// values: on the shipped theme with values drawn at random, and on templates written to try
/// each rule (standalone lines, indented partials, parents and blocks, names with dots).
final class TemplateRunTests: XCTestCase {
    private func library(_ texts: [String: String]) throws -> MustacheLibrary {
        _ = PortalHTML.registered
        var library = MustacheLibrary()
        for (name, text) in texts { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    /// The page both ways: compiled, and by swift-mustache from the values as it reads them.
    private func bothWays(_ library: MustacheLibrary, names: [String], _ template: String,
                          _ values: TemplateMap, file: StaticString = #filePath, line: UInt = #line) {
        let templates = PageTemplates(library: library, names: names)
        XCTAssertNotNil(templates.compiled, "the templates compile", file: file, line: line)
        let run = templates.render(template, values)
        let expected = Array((library.render(values.mustache, withTemplate: template) ?? "").utf8)
        guard run != expected else { return }
        // Where they part, with a little of each around it: a whole page is too long to read.
        let at = zip(run, expected).prefix { $0 == $1 }.count
        func around(_ bytes: [UInt8]) -> String { String(decoding: bytes[max(0, at - 80)..<min(bytes.count, at + 80)], as: UTF8.self) }
        XCTFail("\(template): differs at byte \(at):\n  run:      \(around(run).debugDescription)\n  mustache: \(around(expected).debugDescription)",
                file: file, line: line)
    }

    func testTheShippedThemeCompiles() throws {
        var diagnostics = Diagnostics()
        let theme = try XCTUnwrap(Theme.load(path: Repo.root + "/themes/default", &diagnostics))
        let compiled = try XCTUnwrap(theme.templates.compiled, "a new swift-mustache whose tokens read otherwise?")
        XCTAssertEqual(Set(compiled.templates.keys), Set(Theme.requiredTemplates + ["base", "timeline-pass"]))
    }

    /// Each template of the shipped theme over random values: every name the templates use,
    /// given a text (with characters to escape, Thai, empty), a flag, a map, a list or nothing.
    func testTheShippedThemeRendersAsSwiftMustacheDoes() throws {
        let folder = Repo.root + "/themes/default/templates"
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".mustache") {
            texts[String(file.dropLast(9))] = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
        }
        let library = try library(texts)
        var random = FuzzRandom(seed: 18)
        let strings = TemplateStrings(["case_id": "เลขที่", "nav_home": "หน้าแรก <&>"])
        for template in Theme.requiredTemplates {
            // The names of this page's templates: one name may be a list in one page and a map
            // in another (`units`).
            let all = [template, "base", "timeline-pass"].compactMap { texts[$0] }.joined()
            // Names written as values take texts and flags only: swift-mustache writes a map as
            // Swift describes a dictionary, in no fixed order. Sections that write their value
            // itself (`{{#units}}{{.}}{{/units}}`) hold texts.
            let written = names(in: all, tags: ["", "{", "&"])
            let dotted = sectionsWritingThemselves(in: all).subtracting(written)
            let opened = names(in: all, tags: ["#", "^"]).subtracting(written).subtracting(dotted)
            for _ in 0..<40 {
                var values = randomMap(written: written, opened: opened, dotted: dotted, depth: 0, &random)
                values.strings("t", strings)
                bothWays(library, names: Array(texts.keys), template, values)
            }
        }
    }

    /// Names used in tags of the given kinds (`#`, `^`, `{`, `&`, "" for a plain value): each
    /// part of a dotted name.
    private func names(in text: String, tags: Set<String>) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\{\{([#^{&]?)\s*([A-Za-z0-9_.]+)"#)
        var found: Set<String> = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let kind = String(text[Range(match.range(at: 1), in: text)!])
            guard tags.contains(kind) else { continue }
            for part in text[Range(match.range(at: 2), in: text)!].split(separator: ".") { found.insert(String(part)) }
        }
        return found
    }

    private func randomText(_ random: inout FuzzRandom) -> String {
        let pieces = ["", "a", "<b>", "&amp;", "\"q\"", "'", "สวัสดี", "ข้อ 3", " ", "\n", "1/2"]
        return (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    private func sectionsWritingThemselves(in text: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\{\{#(\w+)\}\}(?=(?:(?!\{\{/\1\}\}).)*?\{\{\{?\.\}?\}\})"#, options: .dotMatchesLineSeparators)
        return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        })
    }

    private func randomMap(written: Set<String>, opened: Set<String>, dotted: Set<String>, depth: Int,
                           _ random: inout FuzzRandom) -> TemplateMap {
        var values = TemplateMap()
        for name in written.sorted() {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: values.text(name, randomText(&random))
            case 1: values.flag(name, Bool.random(using: &random))
            case 2: values.html(name, Array(randomText(&random).utf8))
            default: break
            }
        }
        for name in dotted.sorted() {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: values.text(name, randomText(&random))
            case 1: values.texts(name, (0..<Int.random(in: 0...3, using: &random)).map { _ in randomText(&random) })
            case 2: values.flag(name, false)
            default: break
            }
        }
        for name in opened.sorted() {
            switch Int.random(in: 0..<5, using: &random) {
            case 0: values.flag(name, Bool.random(using: &random))
            case 1: values.text(name, randomText(&random))
            case 2 where depth < 2:
                values.map(name) { $0 = randomMap(written: written, opened: opened, dotted: dotted, depth: depth + 1, &random) }
            case 3 where depth < 2:
                let count = Int.random(in: 0...2, using: &random)
                values.list(name, 0..<count) { item, _ in item = randomMap(written: written, opened: opened, dotted: dotted, depth: depth + 1, &random) }
            default: break
            }
        }
        return values
    }

    /// Templates that try one rule each, over fixed values.
    func testEachRuleAsSwiftMustache() throws {
        let templates: [String: String] = [
            "standalone": "{{% CONTENT_TYPE: HTML }}\n<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n  {{^items}}\n  none\n  {{/items}}\n</ul>\n{{! a comment\n on two lines }}\nend",
            "indented": "<div>\n  {{>inner}}\n  {{#items}}\n    {{>inner}}\n  {{/items}}\n</div>\n",
            "inner": "<p>{{name}}</p>\n<p>{{t.case_id}}</p>\n",
            "child": "{{<parent}}{{$title}}<b>{{name}}</b>{{/title}}\n  {{$body}}\n  {{#items}}{{name}};{{/items}}\n  {{/body}}\n{{/parent}}",
            "parent": "<h1>{{$title}}default{{/title}}</h1>\n{{$body}}no body{{/body}}\n{{$unset}}kept{{/unset}}\n",
            "grandchild": "{{<child}}{{$title}}<i>override</i>{{/title}}{{/child}}",
            "names": "{{a.b.c}}|{{#a}}{{b.c}}|{{.b.c}}|{{.missing}}|{{name}}{{/a}}|{{#a.b}}{{c}}{{/a.b}}|{{#list}}[{{.}}]{{/list}}|{{^empty}}e{{/empty}}|{{#flag}}F{{name}}{{/flag}}|{{^off}}O{{/off}}|{{#text}}<{{.}}>{{/text}}|{{#blank}}B{{/blank}}|{{^blank}}b{{/blank}}",
            "escapes": "{{name}} {{{name}}} {{&name}} {{html}} {{{html}}} {{flag}}{{% CONTENT_TYPE: TEXT }} {{name}}",
            // A content type set inside a section holds to the section's end.
            "scoped": "{{#flag}}{{% CONTENT_TYPE: TEXT }}{{name}}{{/flag}} {{name}} {{#items}}{{>inner}}{{/items}}",
            "crlf": "<a>\r\n  {{#items}}\r\n  {{name}}\r\n  {{/items}}\r\n</a>\r\n  {{>inner}}\r\n",
            // The theme's strings, and a section's own `t` that hides them (a text, a map).
            "strings": "{{t.case_id}}|{{{t.case_id}}}|{{t.nav}}|{{t.missing}}|{{#shadow}}[{{t.case_id}}]{{/shadow}}|{{#own}}[{{t.case_id}}]{{/own}}|{{#items}}{{t.case_id}}{{/items}}",
        ]
        let library = try library(templates)
        var item1 = TemplateMap(), item2 = TemplateMap()
        item1.text("name", "หนึ่ง & 'one'")
        item2.text("name", "<two>")
        var values = TemplateMap()
        values.text("name", "ชื่อ \"x\" <y>")
        values.html("html", Array("<em>&amp;</em>".utf8))
        values.flag("flag", true)
        values.flag("off", false)
        values.text("text", "t")
        values.text("blank", "")
        values.list("items", values: [.map(item1), .map(item2)])
        values.list("empty", values: [])
        values.texts("list", ["a<", "ข"])
        values.map("a") { a in
            a.map("b") { $0.text("c", "C&") }
            a.text("name", "inside a")
        }
        values.map("shadow") { $0.text("t", "hidden") }
        values.map("own") { own in own.map("t") { $0.text("case_id", "its own <id>") } }
        values.strings("t", TemplateStrings(["case_id": "เลขที่", "nav": "<หน้า> & 'แรก'"]))
        for name in templates.keys.sorted() where name != "parent" {
            bothWays(library, names: Array(templates.keys), name, values)
        }
        var none = values
        none["items"] = nil
        bothWays(library, names: Array(templates.keys), "standalone", none)
        bothWays(library, names: Array(templates.keys), "indented", none)
    }

    /// A theme whose templates compute keeps swift-mustache: the page is still made.
    func testATemplateThatComputesRendersThroughSwiftMustache() throws {
        let library = try library(["page": "{{#items}}{{name}}{{/items}} {{lowercased(name)}}"])
        let templates = PageTemplates(library: library, names: ["page"])
        XCTAssertNil(templates.compiled)
        var values = TemplateMap()
        values.text("name", "ABC")
        XCTAssertEqual(String(decoding: templates.render("page", values), as: UTF8.self), " abc")
    }

    /// A kept row writes what a map of the same values writes, and writes itself again when a
    /// value it read outside itself changed, wherever it is listed.
    func testRowsKeepTheirTextOnlyWhileWhatTheyReadIsTheSame() throws {
        let templates: [String: String] = [
            "list": "{{#rows}}<a href=\"{{root}}{{url}}\">{{title}}</a>{{#late}} {{t.late}}{{^flag}}!{{/flag}}{{/late}};{{/rows}}",
            "other": "{{% CONTENT_TYPE: TEXT }}{{#rows}}[{{title}}]{{/rows}}|{{#rows}}{{title}} {{root}}{{/rows}}",
        ]
        let library = try library(templates)
        let compiled = PageTemplates(library: library, names: Array(templates.keys))
        func row(_ n: Int, late: Bool) -> TemplateMap {
            var values = TemplateMap()
            values.text("title", "เรื่อง <\(n)>")
            values.text("url", "cases/\(n)/")
            if late { values.flag("late", true) }
            return values
        }
        let maps = (0..<4).map { row($0, late: $0 % 2 == 1) }
        let rows = maps.map { TemplateValue.row(TemplateRow($0)) }
        func page(root: String, late: String, flag: Bool?, rows list: [TemplateValue]) -> TemplateMap {
            var values = TemplateMap()
            values.text("root", root)
            values.strings("t", TemplateStrings(["late": late]))
            if let flag { values.flag("flag", flag) }
            values.list("rows", values: list)
            return values
        }
        func text(_ template: String, _ values: TemplateMap) -> String { String(decoding: compiled.render(template, values), as: UTF8.self) }
        let outside: [(String, String, Bool?)] = [("../", "ช้า", nil), ("../", "ช้า", nil), ("", "ช้า", nil), ("", "late & <b>", nil),
                                                  ("", "late & <b>", true), ("", "late & <b>", false), ("../", "ช้า", nil)]
        for (root, late, flag) in outside {
            for template in ["list", "other"] {
                // The same kept rows, and plain maps rendered afresh, and swift-mustache.
                XCTAssertEqual(text(template, page(root: root, late: late, flag: flag, rows: rows)),
                               text(template, page(root: root, late: late, flag: flag, rows: maps.map(TemplateValue.map))),
                               "\(template) with root '\(root)', late '\(late)', flag \(String(describing: flag))")
                bothWays(library, names: Array(templates.keys), template, page(root: root, late: late, flag: flag, rows: rows))
            }
        }
    }
}
