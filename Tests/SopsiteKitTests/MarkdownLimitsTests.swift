@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// `MarkdownLimits`: each limit at its bound (the limit itself passes, one more is refused), the
/// position it names, and what is not counted.
final class MarkdownLimitsTests: XCTestCase {
    let small = MarkdownLimits(bytes: 1_000, tableCells: 12, wwwPerWord: 3, unclosedHTML: 2)

    func problems(_ text: String, _ limits: MarkdownLimits? = nil) -> [String] {
        (limits ?? small).problems(in: Substring(text)).map { "\($0.line):\($0.column): \($0.message)" }
    }

    func testTheSizeLimit() {
        XCTAssertEqual(problems(String(repeating: "ก", count: 333)), [], "999 bytes")
        XCTAssertEqual(problems(String(repeating: "a", count: 1_001)),
                       ["1:1: the text is 1001 bytes, over the limit of 1000 (max_bytes under markdown: in site.yaml); split it, or link a PDF"])
    }

    /// Cells are the delimiter row's columns times the rows from the header to the paragraph's end.
    func testTableCells() {
        let header = "ข้อความ\n\n| a | b | c |\n|---|:-:|--:|\n"
        XCTAssertEqual(problems(header + "| 1 | 2 | 3 |\n| 1 | 2 | 3 |\n"), [], "3 columns, 4 rows: 12 cells")
        XCTAssertEqual(problems(header + "| 1 | 2 | 3 |\n| 1 | 2 | 3 |\n| 1 |\n"),
                       ["4:1: a table of 3 columns and 5 rows has 15 cells, over the limit of 12 (max_table_cells under markdown: in site.yaml); split it"])
        XCTAssertEqual(problems(header + "| 1 | 2 | 3 |\n\n| 1 | 2 | 3 |\n| 1 | 2 | 3 |\n"), [], "a blank line ends the table")
        // A wide header over one-cell rows: the rows are padded to the header's width.
        XCTAssertEqual(problems("a|b|c|d|e|f|g\n-|-|-|-|-|-|-\nx\n").count, 1, "7 columns, 3 rows")
        // Not delimiter rows: a thematic break, a setext underline, a list, a row of text.
        for text in ["a\n---\nb\nc\nd\ne\n", "a\n- - -\n", "a\n===\n", "a\n- b\n- c\n", "a | b\nc | d\n"] {
            XCTAssertEqual(problems(text + String(repeating: "x\n", count: 20)), [], text)
        }
    }

    func testWwwInOneWord() {
        XCTAssertEqual(problems("ดู www.a.th_www.b.th_www.c.th และ"), [], "three")
        XCTAssertEqual(problems("ดู www.a_WWW.b_www.c"), [], "cmark-gfm starts an autolink at a lower-case www. only")
        XCTAssertEqual(problems("ดู www.a_www.b_www.c_www.d"),
                       ["1:4: a word holds 'www.' more than 3 times, over the limit (max_www_per_word under markdown: in site.yaml); put spaces between the links"])
        XCTAssertEqual(problems("www.a www.b www.c www.d www.e\nwww.a www.b"), [], "words apart cost nothing")
    }

    /// Openers after the paragraph's last closer are the ones cmark-gfm scans to its end.
    func testUnclosedRawHTML() {
        XCTAssertEqual(problems("a <? b <!X c"), [], "two")
        XCTAssertEqual(problems("บรรทัด\n\nก <? ข\n<!X ค <![CDATA[ ง"),
                       ["3:3: a paragraph has 3 raw HTML openers ('<?', '<!', '<![CDATA[') that nothing closes, over the limit of 2 (max_unclosed_html under markdown: in site.yaml); write '&lt;' for a '<' meant as text"])
        XCTAssertEqual(problems("<? a ?> <? b ?> <? c ?> <!X d> <![CDATA[ e ]]>"), [], "all closed")
        XCTAssertEqual(problems("<? <? <? <? ?>"), [], "one closer after them all: the first scan finds it")
        XCTAssertEqual(problems("<? <?\n\n<? <?"), [], "paragraphs apart")
        XCTAssertEqual(problems("a < b <!-- c <!"), [], "a comment and a lone '<!' open nothing that scans")
    }

    /// \r and \r\n end lines too, as cmark-gfm reads them; columns count characters.
    func testLineEndingsAndColumns() {
        XCTAssertEqual(problems("x\r\ny\rไทย www.a_www.b_www.c_www.d").first?.prefix(4), "3:5:")
    }

    /// A cmark-gfm with the 2023 fixes keeps only the size limit.
    func testALibraryWithTheFixesRelaxesTheLimits() {
        XCTAssertEqual(MarkdownLimits.gfmRelease("0.29.0.gfm.6"), 6)
        XCTAssertEqual(MarkdownLimits.gfmRelease("0.29.0.gfm.13"), 13)
        XCTAssertNil(MarkdownLimits.gfmRelease("0.31.0"))
        XCTAssertEqual(MarkdownLimits.forLibrary("0.29.0.gfm.6", small), small)
        XCTAssertEqual(MarkdownLimits.forLibrary("0.31.0", small), small, "unknown: treated as unfixed")
        let fixed = MarkdownLimits.forLibrary("0.29.0.gfm.13", small)
        XCTAssertEqual(fixed.bytes, 1_000)
        XCTAssertEqual(problems("a|b|c|d|e|f|g\n-|-|-|-|-|-|-\nx\n", fixed), [])
        XCTAssertEqual(Markdown().limits, MarkdownLimits.forLibrary(Markdown.libraryVersion))
    }

    /// site.yaml sets them under `markdown:`; a bad value is an error at its place.
    func testSiteYAMLSetsTheLimits() throws {
        let folder = try temporaryFolder(self)
        func site(_ markdown: String) -> (Site?, [String]) {
            let text = try! String(contentsOfFile: Repo.root + "/content/site.yaml", encoding: .utf8)
                .replacingOccurrences(of: "\nmarkdown:\n", with: "\nmarkdown:\n" + markdown)
            try! text.write(toFile: folder + "/site.yaml", atomically: true, encoding: .utf8)
            var diagnostics = Diagnostics()
            return (Content.loadSite(folder + "/site.yaml", &diagnostics), diagnostics.sorted.map(\.description))
        }
        let (loaded, none) = site("  max_table_cells: 500_000\n  max_bytes: 2097152\n")
        XCTAssertEqual(none, [])
        XCTAssertEqual(loaded?.markdownLimits, MarkdownLimits(bytes: 2_097_152, tableCells: 500_000, wwwPerWord: 100, unclosedHTML: 100))
        XCTAssertEqual(site("  max_www_per_word: many\n").1.first?.hasSuffix("error: 'max_www_per_word' must be a whole number above 0, not \"many\""), true)
    }
}
