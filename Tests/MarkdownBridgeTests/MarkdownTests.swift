@testable import MarkdownBridge
import Synchronization
import TestFolders
import XCTest

/// cmark-gfm with the GFM extensions, in safe mode unless the site allows raw HTML.
final class MarkdownTests: XCTestCase {
    let safe = Markdown()

    func testGFMExtensionsAreOn() {
        XCTAssertTrue(safe.html("| a | b |\n|---|---|\n| 1 | 2 |\n").contains("<table>"))
        XCTAssertTrue(safe.html("~~gone~~").contains("<del>gone</del>"))
        XCTAssertTrue(safe.html("see https://noc.rmutl.ac.th now").contains("<a href=\"https://noc.rmutl.ac.th\">"))
        XCTAssertTrue(safe.html("- [x] done\n- [ ] todo\n").contains("type=\"checkbox\""))
        XCTAssertTrue(safe.html("text[^1]\n\n[^1]: note\n").contains("footnote"))
    }

    func testSingleTildeIsNotStrikethrough() {
        XCTAssertEqual(safe.html("ประมาณ ~3 วัน~"), "<p>ประมาณ ~3 วัน~</p>\n")
    }

    /// cmark-gfm does not check the UTF-8 again (a Swift string is valid): NUL and bytes that
    /// were never UTF-8 still come out as U+FFFD, never as themselves.
    func testNULAndRepairedBytesComeOutAsReplacementCharacters() {
        XCTAssertEqual(safe.html("ก\u{0}ข"), "<p>ก\u{FFFD}ข</p>\n")
        XCTAssertEqual(safe.html(String(decoding: [0x61, 0xFF, 0xC3, 0x62], as: UTF8.self)), "<p>a\u{FFFD}\u{FFFD}b</p>\n")
    }

    func testRawHTMLIsDroppedInSafeMode() {
        let html = safe.html("before <script>alert(1)</script> after\n\n<div onclick=\"x()\">block</div>\n")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("onclick"), html)
        XCTAssertTrue(html.contains("raw HTML omitted"), html)
    }

    func testDangerousLinksAreDropped() {
        let html = safe.html("[click](javascript:alert(1)) ![x](data:text/html;base64,AAAA)")
        XCTAssertFalse(html.contains("javascript:"), html)
        XCTAssertFalse(html.contains("data:text/html"), html)
    }

    func testRawHTMLPassesWhenTheSiteAllowsIt() {
        let html = Markdown(allowRawHTML: true).html("<kbd>Ctrl</kbd>\n")
        XCTAssertTrue(html.contains("<kbd>Ctrl</kbd>"), html)
    }

    func testDangerousLinksAreDroppedEvenWhenRawHTMLIsAllowed() {
        let html = Markdown(allowRawHTML: true).html("[a](javascript:alert(1)) [b]( JavaScript:x) ![c](data:image/svg+xml,x) [d](vbscript:x)")
        XCTAssertFalse(html.lowercased().contains("javascript:"), html)
        XCTAssertFalse(html.contains("data:"), html)
        XCTAssertFalse(html.contains("vbscript:"), html)
    }

    func testTagfilterStillGuardsWhenRawHTMLIsAllowed() {
        let html = Markdown(allowRawHTML: true).html("<script>alert(1)</script>\n")
        XCTAssertFalse(html.contains("<script>"), html)
        XCTAssertTrue(html.contains("&lt;script>"), html)
    }

    func testInlineDropsTheParagraph() {
        XCTAssertEqual(safe.inlineHTML("บันทึก **ด่วน**"), "บันทึก <strong>ด่วน</strong>")
        XCTAssertEqual(safe.inlineHTML("a\n\nb"), "<p>a</p>\n<p>b</p>")
    }

    /// `inlineHTML` skips cmark-gfm for lines it would leave as they are; whenever it does, the
    /// result must be cmark-gfm's own, byte for byte.
    func testPlainLinesAreWhatCmarkMakesOfThem() throws {
        var notes: [String] = []
        for id in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/content/cases") {
            let text = try String(contentsOfFile: repositoryRoot + "/content/cases/\(id)/index.md", encoding: .utf8)
            notes += text.split(separator: "\n").filter { $0.hasPrefix("    note: ") }.map { String($0.dropFirst(10)) }
        }
        let nearMisses = [
            "1. ส่งแล้ว", "2) ส่งแล้ว", "1.5 วัน", "0654.22/1374", "- รายการ", "ดู www.rmutl.ac.th", "ดู WWW.RMUTL.AC.TH",
            "a_b_c", "*ด่วน*", "ราคา 100%", "(หมายเหตุ) ส่งแล้ว", "  เว้นหน้า", "เว้นท้าย  ", "สอง  ช่อง", "a - b", "#1",
            "ก/ข/ค", "ติดต่อ admin@rmutl.ac.th", "http://x.y", "ก & ข", "<b>x</b>", "a\\b", "`code`", "~~ลบ~~", "x|y",
            "ກາ ລາວ", "café", "ราคา €5", "12", "ก", "1.",
        ]
        var plain = 0
        for text in notes + nearMisses where Markdown.isPlainText(text) {
            plain += 1
            var html = safe.html(text)
            if html.hasSuffix("\n") { html.removeLast() }
            XCTAssertEqual("<p>\(text)</p>", html, text)
            XCTAssertEqual(safe.inlineHTML(text), text)
        }
        XCTAssertGreaterThan(plain, notes.count / 2, "most notes of the shipped content are plain lines")
        for text in nearMisses.filter({ $0.contains("www") || $0.hasPrefix("1.") || $0.hasPrefix("-") || $0.contains("*") }) {
            XCTAssertFalse(Markdown.isPlainText(text), text)
        }
    }

    /// The byte test of a plain line (C's table) says what a letter-by-letter reading says, on
    /// random lines of Thai, the allowed ASCII, "w", "." and characters that are not allowed.
    func testPlainLinesByBytesAsLetterByLetter() {
        func letterByLetter(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
                  first != " ", last != " ", first != "-" else { return false }
            let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,()/%-".unicodeScalars)
            guard text.unicodeScalars.allSatisfy({ allowed.contains($0) || (0x0E00...0x0E7F).contains($0.value) }) else { return false }
            // By scalars, as the list check reads bytes: "1.ำ" is "1", ".ำ" in Characters.
            let scalars = text.unicodeScalars
            let digits = scalars.prefix { ("0"..."9").contains($0) }
            if !digits.isEmpty, let after = scalars.dropFirst(digits.count).first, after == "." || after == ")" { return false }
            return !text.lowercased().contains("www.")
        }
        let pool: [String] = ["ก", "ำ", "๙", "\u{0E5B}", "a", "W", "w", "w", "w", ".", ".", "1", " ", "-", "(", "%", "/", ",",
                              "_", "*", "é", "\u{0E80}", "ກ", "€", "\u{200B}"]
        // Found by a CI run: a mark joined to the "." of "1." (left to cmark-gfm, as before).
        XCTAssertFalse(Markdown.isPlainText("1.ำ๙"))
        XCTAssertEqual(Markdown.isPlainText("1.ำ๙"), letterByLetter("1.ำ๙"))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(Markdown.isPlainText(text), letterByLetter(text), text.debugDescription)
        }
    }

    func testThaiTextPassesThroughUnchanged() {
        let text = "งานพัฒนาระบบสารสนเทศสร้าง/พัฒนาระบบตามกระบวนการวิศวกรรมซอฟต์แวร์"
        XCTAssertEqual(safe.html(text), "<p>\(text)</p>\n")
    }

    func testDashListsLikeTheSOPs() {
        XCTAssertEqual(safe.html("- ยื่นบันทึกข้อความ"), "<ul>\n<li>ยื่นบันทึกข้อความ</li>\n</ul>\n")
    }

    func testHeadingsGetIDsForATableOfContents() {
        let doc = safe.render("## บทนำ\n\ntext\n\n### การเข้าสู่ระบบ (Login)\n\n## บทนำ\n\n## `code` & *more*\n")
        XCTAssertEqual(doc.headings, [
            Markdown.Heading(level: 2, text: "บทนำ", id: "บทนำ"),
            Markdown.Heading(level: 3, text: "การเข้าสู่ระบบ (Login)", id: "การเข้าสู่ระบบ-login"),
            Markdown.Heading(level: 2, text: "บทนำ", id: "บทนำ-2"),
            Markdown.Heading(level: 2, text: "code & more", id: "code-more"),
        ])
        XCTAssertTrue(doc.html.contains("<h2 id=\"บทนำ\">บทนำ</h2>"), doc.html)
        XCTAssertTrue(doc.html.contains("<h3 id=\"การเข้าสู่ระบบ-login\">"), doc.html)
        XCTAssertTrue(doc.html.contains("<h2 id=\"บทนำ-2\">"), doc.html)
    }

    func testHeadingTextThatLooksLikeATagStaysText() {
        let doc = safe.render("## a <h2> b\n\n    <h3>code</h3>\n\n## c\n")
        XCTAssertEqual(doc.headings.map(\.id), ["a-b", "c"])
        XCTAssertTrue(doc.html.contains("<h2 id=\"c\">c</h2>"), doc.html)
    }

    func testImagesAreFoundWithTheirPositions() {
        let doc = safe.render("# t\n\ntext ![login](images/login.png) and\n\n![x](https://e.ac.th/a.png)\n")
        XCTAssertEqual(doc.images.map(\.url), ["images/login.png", "https://e.ac.th/a.png"])
        XCTAssertEqual(doc.images.map(\.line), [3, 5])
        XCTAssertEqual(doc.images.first?.column, 6)
        XCTAssertEqual(safe.render("ดูภาพ ![a](b.png)").images.first?.column, 7, "columns count characters, not bytes")
    }

    func testRelativeURLsCanBePrefixed() {
        let doc = safe.render("![a](images/a.png) [b](memo.pdf) [c](#top) [d](https://e.ac.th/x) [e](/abs)", urlPrefix: "../")
        XCTAssertTrue(doc.html.contains("src=\"../images/a.png\""), doc.html)
        XCTAssertTrue(doc.html.contains("href=\"../memo.pdf\""), doc.html)
        XCTAssertTrue(doc.html.contains("href=\"#top\""), doc.html)
        XCTAssertTrue(doc.html.contains("href=\"https://e.ac.th/x\""), doc.html)
        XCTAssertTrue(doc.html.contains("href=\"/abs\""), doc.html)
        XCTAssertEqual(doc.images.map(\.url), ["images/a.png"], "images are reported as written")
    }

    func testParsingOnEveryCoreGivesTheSameHTML() {
        // cmark-gfm's special-character table is global: without taking turns, autolinks
        // and strikethrough vanish at random when several documents are parsed at once.
        // Tables too: their rows are read while the blocks are fed in, outside the turns.
        // Here, as in sopsite, the table's characters are set once and kept (CCmarkInlineChars),
        // so parsers run side by side: this is what is tested.
        XCTAssertEqual(Markdown.libraryVersion, Markdown.readVersion, "the cmark-gfm this was read against")
        XCTAssertFalse(Markdown.takesTurns, "the inline characters are kept: the test program exports the replacement")
        let table = "| ระบบ | ลิงก์ |\n|---|---|\n" + String(repeating: "| ~~เดิม~~ ใหม่ | www.rmutl.ac.th |\n", count: 20)
        let text = "โทร. 1618 หรือ https://noc.rmutl.ac.th และ ~~เดิม~~ ใหม่\n\n- [x] งาน\n\n" + table
        let expected = safe.html(text)
        let renders = Mutex<Set<String>>([]), safe = self.safe
        DispatchQueue.concurrentPerform(iterations: 2000) { _ in
            let html = safe.html(text)
            renders.withLock { _ = $0.insert(html) }
        }
        XCTAssertEqual(renders.withLock { $0 }, [expected])
        XCTAssertTrue(expected.contains("<a href=\"https://noc.rmutl.ac.th\">"))
        XCTAssertTrue(expected.contains("<td><del>เดิม</del> ใหม่</td>"), expected)
        XCTAssertTrue(expected.contains("<a href=\"http://www.rmutl.ac.th\">"), expected)
    }

    func testDangerousSchemesAreFoundByBytesAndTheLongWayAlike() {
        let dangerous = ["javascript:alert(1)", "JavaScript:x", "VBSCRIPT:x", "data:image/png;base64,AA", "file:///etc/passwd",
                         " javascript:x", "javascript :x", "\u{3000}data:x", "Data:"]
        let fine = ["https://noc.rmutl.ac.th", "http://x", "mailto:a@b.c", "memo.pdf", "images/a.png", "#top", ":x", "",
                    "java script:x", "javascripts:x", "ĵavascript:x", "a/b:c", "javascript"]
        for url in dangerous { XCTAssertTrue(Markdown.hasDangerousScheme(url), url) }
        for url in fine { XCTAssertFalse(Markdown.hasDangerousScheme(url), url) }
    }

    func testDocumentsBiggerThanTheArenaSlabRenderWhole() {
        // cmark-gfm's memory comes from a per-thread slab of 512 KB (MarkdownArena); a long
        // paragraph outgrows it while its buffer grows, a long list with many nodes.
        let long = String(repeating: "ก", count: 300_000)
        XCTAssertEqual(safe.html(long), "<p>" + long + "</p>\n")
        let items = (1...20_000).map { "- item \($0)" }.joined(separator: "\n")
        let html = safe.html(items)
        XCTAssertEqual(html, "<ul>\n" + (1...20_000).map { "<li>item \($0)</li>\n" }.joined() + "</ul>\n")
        // And the slab is whole again for the next document.
        XCTAssertEqual(safe.html("**ok**"), "<p><strong>ok</strong></p>\n")
    }
}
