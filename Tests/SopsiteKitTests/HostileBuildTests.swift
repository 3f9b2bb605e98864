import BusinessTime
import Foundation
import FoundationXML
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest
#if canImport(FoundationXML)
#endif

/// Helpers for the hostile-content tests: fixture sites under Fixtures/hostile/, builds into
/// temporary folders, and a check of built HTML and SVG for anything that could run.
enum Hostile {
    static func fixture(_ name: String) -> String { Repo.fixture("hostile/" + name) }

    static func options(_ content: String, _ output: String) -> BuildOptions {
        BuildOptions(contentFolder: content, outputFolder: output, themeFolder: Repo.root + "/themes/default",
                     asOf: Repo.asOf)
    }

    /// A copy of a fixture site in a fresh temporary folder, for a test to change.
    static func copy(_ name: String, _ test: XCTestCase) throws -> String {
        let folder = try temporaryFolder(test) + "/content"
        try FileManager.default.copyItem(atPath: fixture(name), toPath: folder)
        return folder
    }

    /// Builds `content`; the diagnostics with `content`'s path left out, and the output folder.
    static func build(_ content: String, _ test: XCTestCase, writing: Bool = true) throws -> (out: String, messages: [String], failed: Bool) {
        let out = try temporaryFolder(test) + "/public"
        do {
            let warnings = try Build.run(options(content, out), writing: writing)
            return (out, warnings.map { relative($0, content) }, false)
        } catch let failure as BuildFailed {
            return (out, failure.diagnostics.map { relative($0, content) }, true)
        }
    }

    static func relative(_ d: Diagnostic, _ content: String) -> String {
        d.description.replacingOccurrences(of: content + "/", with: "")
    }

    /// Every file of a built site, relative path → text (binary files left out).
    static func files(_ folder: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in FileManager.default.subpaths(atPath: folder) ?? [] where !ContentFiles.isFolder(folder + "/" + path) {
            if let data = FileManager.default.contents(atPath: folder + "/" + path),
               let text = String(data: data, encoding: .utf8) {
                result[path] = text
            }
        }
        return result
    }

    static let tag = try! NSRegularExpression(pattern: "<[a-zA-Z][^>]*>")
    static let ownScript = try! NSRegularExpression(pattern: "^<script src=\"(\\.\\./)*(static|pagefind)/[A-Za-z0-9_.-]+\\.js\">$")
    /// Elements no content may bring in: they run, restyle, frame or load.
    static let forbiddenElements: Set<String> = [
        "iframe", "object", "embed", "style", "base", "frame", "frameset", "textarea", "xmp", "plaintext",
        "noembed", "noframes", "applet", "math", "link", "meta",
    ]
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background", "lowsrc",
    ]

    static func matches(_ regex: NSRegularExpression, _ text: String) -> [[String]] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    /// A start tag's attributes as a browser reads them: name (lower-cased) and value as written.
    static func attributes(_ tag: String) -> [(name: String, value: String)] {
        var s = tag.dropFirst().drop { !$0.isWhitespace && $0 != ">" && $0 != "/" }
        var result: [(name: String, value: String)] = []
        while true {
            s = s.drop { $0.isWhitespace || $0 == "/" }
            guard let first = s.first, first != ">" else { break }
            let name = s.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
            if name.isEmpty { s = s.dropFirst(); continue }
            s = s.dropFirst(name.count).drop(while: \.isWhitespace)
            var value = ""
            if s.first == "=" {
                s = s.dropFirst().drop(while: \.isWhitespace)
                if let quote = s.first, quote == "\"" || quote == "'" {
                    let body = s.dropFirst().prefix { $0 != quote }
                    value = String(body)
                    s = s.dropFirst(body.count + 2)
                } else {
                    let body = s.prefix { !$0.isWhitespace && $0 != ">" }
                    value = String(body)
                    s = s.dropFirst(body.count)
                }
            }
            result.append((name.lowercased(), value))
        }
        return result
    }

    /// What in an HTML or SVG text could run or load something: a script that is not the site's
    /// own, an event handler, a `javascript:`/`data:`/`vbscript:` URL, an element content must not
    /// bring in, the test payload's `<img src=x>`. Empty when the text is harmless.
    static func problems(in text: String, isPage: Bool = true) -> [String] {
        var problems: [String] = []
        var ownScripts = 0
        for match in matches(tag, text) {
            let t = match[0]
            let name = String(t.dropFirst().prefix { $0.isLetter || $0.isNumber }).lowercased()
            if name == "script" {
                if matches(ownScript, t).isEmpty { problems.append("a script that is not the site's own: \(t)") } else { ownScripts += 1 }
            }
            let attributes = attributes(t)
            if forbiddenElements.contains(name) {
                // The page head's own: charset, viewport, the CSP; stylesheets, the feed, the font.
                let own = isPage && attributes.allSatisfy { !$0.value.lowercased().contains("javascript") }
                    && (name == "meta" ? attributes.contains { ["charset", "name", "http-equiv"].contains($0.name) }
                        : name == "link" && attributes.contains { $0.name == "rel" })
                if !own { problems.append("an element content must not bring in: \(t)") }
            }
            for attribute in attributes {
                if attribute.name.hasPrefix("on") { problems.append("an event handler: \(t)") }
                guard urlAttributes.contains(attribute.name) else { continue }
                let url = decodeEntities(attribute.value).unicodeScalars.filter { $0.value > 0x20 }
                    .map(String.init).joined().lowercased()
                if url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") || url.hasPrefix("data:") {
                    problems.append("a \(url.prefix { $0 != ":" }): URL: \(t)")
                }
                if attribute.name == "src" && url == "x" { problems.append("the payload's image: \(t)") }
            }
        }
        let scriptTags = text.lowercased().components(separatedBy: "<script").count - 1
        if scriptTags != ownScripts { problems.append("\(scriptTags) '<script' in the text, \(ownScripts) of them the site's own") }
        return problems
    }

    /// What is wrong with a page's Content-Security-Policy meta tag: missing, or allowing inline
    /// scripts and handlers, scripts from elsewhere, plugins or another base URL.
    static func cspProblems(_ page: String) -> [String] {
        guard let meta = matches(try! NSRegularExpression(pattern: "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">"), page).first else {
            return ["no Content-Security-Policy"]
        }
        var directives: [String: [String]] = [:]
        for part in meta[1].split(separator: ";") {
            let words = part.split(separator: " ").map(String.init)
            if let name = words.first { directives[name] = Array(words.dropFirst()) }
        }
        var problems: [String] = []
        if directives["default-src"] != ["'self'"] { problems.append("default-src \(directives["default-src"] ?? [])") }
        if !Set(directives["script-src"] ?? ["none given"]).isSubset(of: ["'self'", "'wasm-unsafe-eval'"]) {
            problems.append("script-src \(directives["script-src"] ?? [])")
        }
        for (name, value) in [("object-src", ["'none'"]), ("base-uri", ["'self'"]), ("style-src", ["'self'"])] where directives[name] != value {
            problems.append("\(name) \(directives[name] ?? [])")
        }
        if meta[1].contains("unsafe-inline") || meta[1].contains("*") { problems.append(meta[1]) }
        return problems
    }

    /// The few entities that could hide a scheme: &amp; &quot; &#39; &#NN; &#xNN;.
    static func decodeEntities(_ s: String) -> String {
        var out = s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        let numeric = try! NSRegularExpression(pattern: "&#(x?)([0-9a-fA-F]+);?")
        for m in matches(numeric, out).reversed() {
            if let v = UInt32(m[2], radix: m[1].isEmpty ? 10 : 16), let scalar = Unicode.Scalar(v) {
                out = out.replacingOccurrences(of: m[0], with: String(Character(scalar)))
            }
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// The XSS fixture site: markup, scripts and `javascript:`/`data:` URLs in every text a person
/// writes. The build succeeds, and nothing in the portal it writes can run.
final class HostileBuildTests: XCTestCase {
    func built() throws -> (out: String, files: [String: String]) {
        let (out, messages, failed) = try Hostile.build(Hostile.fixture("xss-site"), self)
        XCTAssertFalse(failed, messages.joined(separator: "\n"))
        return (out, Hostile.files(out))
    }

    func testNothingInTheBuiltPortalCanRun() throws {
        let (_, files) = try built()
        let checked = files.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".svg") }
        XCTAssertGreaterThanOrEqual(checked.count, 8, checked.keys.sorted().joined(separator: " "))
        for (path, text) in checked.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(Hostile.problems(in: text, isPage: path.hasSuffix(".html")), [], path)
        }
        // Every page carries a content security policy that runs only the site's own scripts.
        for (path, text) in checked where path.hasSuffix(".html") {
            XCTAssertEqual(Hostile.cspProblems(text), [], path)
        }
    }

    func testTheCheckFindsWhatItLooksFor() {
        // The checker itself: each of these must be caught, or the test above proves nothing.
        for bad in ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">",
                    "<a href=\"&#106;avascript:alert(1)\">", "<a href=\" JaVaScRiPt:alert(1)\">", "<iframe src=\"a\">",
                    "<a href='data:text/html,x'>", "<svg onload=alert(1)>", "<script src=\"https://evil.example/x.js\"></script>",
                    "<style>body{}</style>", "<img src=\"x\">"] {
            XCTAssertNotEqual(Hostile.problems(in: bad), [], bad)
        }
        XCTAssertEqual(Hostile.problems(in: "<script src=\"../../static/cases.js\"></script> &lt;script&gt; onerror=x"), [])
    }

    func testTextFieldsAreEscapedWhereTheyAreShown() throws {
        let (_, files) = try built()
        let casePage = try XCTUnwrap(files["cases/X1-2569-001/index.html"])
        for text in [
            "<h1>&lt;script&gt;alert(&#39;case&#39;)&lt;/script&gt;</h1>",
            "<dd>&quot;&gt;&lt;img src=x onerror=alert(&#39;case-unit&#39;)&gt;</dd>",
            "<dd>javascript:alert(&#39;contact&#39;)</dd>",
            "&lt;script&gt;alert(&#39;by&#39;)&lt;/script&gt;",
            "<a href=\"memo.pdf\">&lt;script&gt;alert(&#39;document-title&#39;)&lt;/script&gt;</a>",
            "<a href=\"https://example.ac.th/a?b=&quot;&gt;&lt;script&gt;alert(&#39;link&#39;)&lt;/script&gt;\">&quot; onmouseover=&quot;alert(&#39;document&#39;)</a>",
            "<strong>&lt;script&gt;alert(&#39;yes&#39;)&lt;/script&gt;</strong>",
            "id=\"step-3&quot;&gt;&lt;svg/onload=alert(&#39;id&#39;)&gt;\"",
            "<title>X1-2569-001 &lt;script&gt;alert(&#39;case&#39;)&lt;/script&gt; · &lt;script&gt;alert(&#39;site&#39;)&lt;/script&gt;</title>",
            "<a href=\"https://noc.example.ac.th/?q=&quot;&gt;&lt;script&gt;alert(&#39;help&#39;)&lt;/script&gt;\">",
        ] {
            XCTAssertTrue(casePage.contains(text), text)
        }
        // Markdown fields: raw HTML dropped, dangerous links emptied.
        // (An <img> whose unquoted attribute holds quotes is no tag to cmark: it is text.)
        XCTAssertTrue(casePage.contains(
            "<p><a href=\"\">x</a> &lt;img src=x onerror=alert('note')&gt; ]]&gt; <!-- raw HTML omitted --><!-- raw HTML omitted --> &amp; done</p>"),
            "the note")
        XCTAssertTrue(casePage.contains(
            "<!-- raw HTML omitted -->\n<p><a href=\"\">report</a> &lt;img src=x onerror=alert('report')&gt; <!-- raw HTML omitted --></p>"),
            "the report")

        let sopPage = try XCTUnwrap(files["sops/X1/index.html"])
        for text in [
            "<h1 class=\"sop-title\">&lt;script&gt;alert(&#39;sop-title&#39;)&lt;/script&gt;</h1>",
            "<dd>&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(&#39;approved&#39;)&lt;/script&gt;</dd>",
            "<td>&lt;b onmouseover=alert(&#39;responsible&#39;)&gt;x&lt;/b&gt;</td>",
            "&lt;script&gt;alert(&#39;question&#39;)&lt;/script&gt; — &lt;script&gt;alert(&#39;yes&#39;)&lt;/script&gt; / &quot;&gt;&lt;img src=x onerror=alert(&#39;no&#39;)&gt;",
            "<li><a href=\"\">memo</a></li>", "<li><!-- raw HTML omitted -->raw<!-- raw HTML omitted --></li>",
            "<li><img src=\"\" alt=\"pic\" /></li>",
            "<a href=\"\">js</a> <a href=\"\">JS</a> <a href=\"\">ent</a>", "<a href=\"\">vb</a> <a href=\"\">data</a>",
            "<img src=\"\" alt=\"img\" />",
        ] {
            XCTAssertTrue(sopPage.contains(text), text)
        }
        // The flowchart draws the texts as SVG text.
        let svg = try XCTUnwrap(sopPage.components(separatedBy: "<svg").dropFirst().first)
        XCTAssertTrue(svg.contains("<tspan x=\"100\" y=\"31.2\">&lt;script&gt;alert('lane')&lt;</tspan>"), "lane name")
        XCTAssertTrue(svg.contains("<desc id=\"flowchart-X1-desc\">เริ่มต้น → 1. &lt;script&gt;alert('step1')&lt;/script&gt; → 2. &quot;&gt;&lt;img src=x onerror=alert('step2')&gt; (&lt;script&gt;alert('question')&lt;/script&gt; &lt;script&gt;alert('yes')&lt;/script&gt; → ขั้นตอนที่ 3&quot;&gt;&lt;svg/onload=alert('id')&gt;; &quot;&gt;&lt;img src=x onerror=alert('no')&gt; → &lt;script&gt;alert('action')&lt;/script&gt; → สิ้นสุด) → 3&quot;&gt;&lt;svg/onload=alert('id')&gt;. &lt;style&gt;body{display:none}&lt;/style&gt; (ดำเนินการต่อเนื่อง) → สิ้นสุด</desc>"),
                      "the flow in words")
    }

    func testTheFeedIsXMLWithTheTextsEscaped() throws {
        let (_, files) = try built()
        let feed = try XCTUnwrap(files["feed.xml"])
        let parser = XMLParser(data: Data(feed.utf8))
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))\n\(feed)")
        XCTAssertTrue(feed.contains("<title>&lt;script&gt;alert('site')&lt;/script&gt;</title>"))
        XCTAssertTrue(feed.contains("&lt;script&gt;alert('case')&lt;/script&gt; · &quot;&gt;&lt;img src=x onerror=alert('case-unit')&gt; · &lt;script&gt;alert('by')&lt;/script&gt;"))
        XCTAssertTrue(feed.contains("]]&gt; &lt;/summary&gt;&lt;/entry&gt; &amp; done</summary>"))
        XCTAssertFalse(feed.contains("<script"))
    }

    func testStatusJSONKeepsTheTextsAsText() throws {
        let (_, files) = try built()
        let json = try XCTUnwrap(files["status.json"])
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entry = try XCTUnwrap((root["cases"] as? [[String: Any]])?.first)
        XCTAssertEqual(entry["title"] as? String, "<script>alert('case')</script>")
        XCTAssertEqual(entry["unit"] as? String, "\"><img src=x onerror=alert('case-unit')>")
        XCTAssertEqual(entry["state"] as? String, "maintenance")
        XCTAssertEqual((entry["current_step"] as? [String: Any])?["id"] as? String, "3\"><svg/onload=alert('id')>")
    }

    func testTheBadgeAndTheManualStaySafe() throws {
        let (_, files) = try built()
        let badge = try XCTUnwrap(files["cases/X1-2569-001/badge.svg"])
        XCTAssertTrue(XMLParser(data: Data(badge.utf8)).parse())
        let manual = try XCTUnwrap(files["cases/X1-2569-001/manual/index.html"])
        XCTAssertTrue(manual.contains("<h1>x&quot;; } body { display: none } @page { content: &quot;&lt;script&gt;alert(&#39;system&#39;)&lt;/script&gt;</h1>"))
        // The running header's CSS string holds the whole name: every quote inside it escaped.
        let css = try XCTUnwrap(files["cases/X1-2569-001/manual/page.css"])
        let line = try XCTUnwrap(css.split(separator: "\n").first { $0.contains("@top-center { content: \"") })
        XCTAssertEqual(line.trimmingCharacters(in: .whitespaces),
                       #"@top-center { content: "x\"; } body { display: none } @page { content: \"\3C script>alert('system')\3C /script>"; }"#)
    }

    func testRawHTMLPassesOnlyWhenTheSiteAllowsIt() throws {
        let content = try Hostile.copy("xss-site", self)
        let site = content + "/site.yaml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        try text.replacingOccurrences(of: "allow_raw_html: false", with: "allow_raw_html: true")
            .write(toFile: site, atomically: true, encoding: .utf8)
        let (out, messages, failed) = try Hostile.build(content, self)
        XCTAssertFalse(failed, messages.joined(separator: "\n"))
        let page = try String(contentsOfFile: out + "/sops/X1/index.html", encoding: .utf8)
        // The site's choice, documented in docs/security.md: raw HTML is published as written
        // (with cmark's unsafe mode, javascript: links in Markdown too), but GFM's tagfilter still
        // disarms <script>, <style> and <iframe>; an inline handler or a javascript: link is kept
        // from running by the pages' Content-Security-Policy (script-src 'self', no 'unsafe-inline').
        XCTAssertTrue(page.contains("&lt;script>alert('sop-body')&lt;/script>"))
        XCTAssertTrue(page.contains("&lt;style>body{display:none}&lt;/style>"))
        XCTAssertTrue(page.contains("&lt;iframe src=\"https://evil.example/\">&lt;/iframe>"))
        XCTAssertTrue(page.contains("<img src=\"x\" onerror=\"alert('body')\">"))
        XCTAssertTrue(page.contains("<a href=\"javascript:alert('body')\">raw link</a>"))
        XCTAssertFalse(page.contains("<script>"))
        XCTAssertEqual(Hostile.cspProblems(page), [])
    }
}

/// Links and URLs the loaders refuse, each an error at its position.
final class HostileLinkTests: XCTestCase {
    func testDocumentLinksWithOtherSchemesAreErrors() throws {
        let content = try Hostile.copy("xss-site", self)
        let path = content + "/cases/X1-2569-001/index.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "link: memo.pdf", with: "link: \"JaVaScRiPt:alert('x')\"")
        text = text.replacingOccurrences(of: "    answer: yes\n", with: """
            answer: yes
            documents:
              - {title: a, link: "data:text/html;base64,PHNjcmlwdD4="}
              - {title: b, link: "//evil.example/x.pdf"}
              - {title: c, link: "../../sops/X1.md"}
              - {title: d, link: "/etc/passwd"}
              - {title: e, link: " javascript:alert(1)"}

        """)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let (_, messages, failed) = try Hostile.build(content, self)
        XCTAssertTrue(failed)
        XCTAssertEqual(messages.filter { $0.contains("error") }, [
            "cases/X1-2569-001/index.md:14:15: error: link \"JaVaScRiPt:alert('x')\" must be an http(s) URL or a file in the case's folder",
            "cases/X1-2569-001/index.md:21:26: error: link \"data:text/html;base64,PHNjcmlwdD4=\" must be an http(s) URL or a file in the case's folder",
            "cases/X1-2569-001/index.md:22:26: error: link \"//evil.example/x.pdf\" leaves the case's folder; put the file in the folder and link it by name",
            "cases/X1-2569-001/index.md:23:26: error: link \"../../sops/X1.md\" leaves the case's folder; put the file in the folder and link it by name",
            "cases/X1-2569-001/index.md:24:26: error: link \"/etc/passwd\" leaves the case's folder; put the file in the folder and link it by name",
            "cases/X1-2569-001/index.md:25:26: error: link \" javascript:alert(1)\" must be an http(s) URL or a file in the case's folder",
        ])
    }

    func testImagesWithOtherSchemesAreErrors() throws {
        let content = try Hostile.copy("xss-site", self)
        let path = content + "/cases/X1-2569-001/index.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "\n![a](data:image/png;base64,iVBORw0KGgo=) ![b](javascript:alert(1))\n![c](../../../../etc/passwd)\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (_, messages, failed) = try Hostile.build(content, self)
        XCTAssertTrue(failed)
        XCTAssertEqual(messages.filter { $0.contains("error") }, [
            "cases/X1-2569-001/index.md:29:1: error: image \"data:image/png;base64,iVBORw0KGgo=\" must be an http(s) URL or a file in the case's folder",
            "cases/X1-2569-001/index.md:29:42: error: image \"javascript:alert(1)\" must be an http(s) URL or a file in the case's folder",
            "cases/X1-2569-001/index.md:30:1: error: image \"../../../../etc/passwd\" leaves the case's folder; put the file in the folder and link it by name",
        ])
    }

    func testSiteLinksAndTheBaseURLMustBeHTTP() throws {
        let content = try Hostile.copy("xss-site", self)
        let site = content + "/site.yaml"
        var text = try String(contentsOfFile: site, encoding: .utf8)
        text = text.replacingOccurrences(of: "base_url: https://sop.example.ac.th/", with: "base_url: javascript:alert(1)//")
        text = text.replacingOccurrences(of: "survey: https://survey.example.ac.th/", with: "survey: \"data:text/html,<script>alert(1)</script>\"")
        try text.write(toFile: site, atomically: true, encoding: .utf8)
        let (_, messages, failed) = try Hostile.build(content, self)
        XCTAssertTrue(failed)
        XCTAssertEqual(messages.filter { $0.contains("error") }, [
            "site.yaml:5:11: error: 'base_url' must be an http(s) URL, not \"javascript:alert(1)//\"",
            "site.yaml:9:11: error: 'survey' must be an http(s) or mailto: URL, not \"data:text/html,<script>alert(1)</script>\"",
        ])
    }
}

/// Settings that would stop the build later if they were let through.
final class HostileSiteSettingsTests: XCTestCase {
    func testALunchAsLongAsTheDayIsAnErrorNotATrap() throws {
        let content = try Hostile.copy("xss-site", self)
        let text = try String(contentsOfFile: content + "/site.yaml", encoding: .utf8)
        try write(["site.yaml": text + "office_hours:\n  start: \"08:30\"\n  end: \"16:30\"\n  lunch: \"08:30-16:30\"\n"], in: content)
        // Before the fix: read as valid, then WorkCalendar's precondition (no working time) trapped.
        let (_, messages, failed) = try Hostile.build(content, self, writing: false)
        XCTAssertTrue(failed)
        XCTAssertEqual(messages.filter { $0.contains(": error: ") }, ["site.yaml:17:10: error: 'lunch' must be a span inside office hours such as 12:00-13:00, not \"08:30-16:30\""])
    }
}
