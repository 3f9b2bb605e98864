@testable import SopsiteKit
import XCTest

/// The copy of a page that Pagefind indexes: its Thai split into words, its own spaces between
/// Thai words marked, everything else as it was.
final class SearchTextTests: XCTestCase {
    private func split(_ html: String) -> String? {
        SearchText.split(Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testAPageWithoutThaiIsReadAsItIs() {
        XCTAssertNil(split("<h1>Booking</h1><p>Room booking system</p>"))
    }

    func testThaiIsSplitIntoWordsWithSpaces() {
        XCTAssertEqual(split("<h1>ระบบคลังข้อมูลผลงานวิจัย</h1>"), "<h1>ระบบ คลัง ข้อมูล ผล งาน วิจัย</h1>")
    }

    func testTheFirstWordOfAParagraphKeepsItsIndent() {
        XCTAssertEqual(split("<p>\n  ผลงานวิจัย\n</p>"), "<p>\n  ผล งาน วิจัย\n</p>")
    }

    func testAPageOwnSpaceBetweenThaiWordsIsMarked() {
        XCTAssertEqual(split("<p>รับเรื่อง เสนอ</p>"), "<p>รับ เรื่อง \u{2060} เสนอ</p>")
    }

    func testTagsAndAttributesAreCopiedAsTheyAre() {
        XCTAssertEqual(split("<a title=\"ผลงานวิจัย\" href=\"/ผลงาน/\">วิจัย</a>"),
                       "<a title=\"ผลงานวิจัย\" href=\"/ผลงาน/\">วิจัย</a>")
    }

    func testThaiAcrossInlineElementsIsTwoWordsWithoutTheirOwnSpace() {
        XCTAssertEqual(split("<p>ระบบ<strong>ยืม</strong>คืน</p>"), "<p>ระบบ<strong> ยืม</strong> คืน</p>")
    }

    func testThaiAcrossBlocksIsTwoWordsWithTheirOwnSpace() {
        XCTAssertEqual(split("<dt>ผู้ประสานงาน</dt><dd>ดร.สมชาย</dd>"), "<dt>ผู้ ประสาน งาน</dt><dd> \u{2060} ดร.สมชาย</dd>")
        XCTAssertEqual(split("<td>ระบบ</td>\n<td>งาน</td>"), "<td>ระบบ</td>\n<td> \u{2060} งาน</td>")
    }

    func testTextAcrossBlocksWithNothingBetweenIsSeparated() {
        // Pagefind would read "ตามมาตรฐานSW01" as one word: "SW01" would not find the case.
        XCTAssertEqual(split("<dt>ตามมาตรฐาน</dt><dd><a href=\"x\">SW01 ระบบ</a></dd>"),
                       "<dt>ตาม มาตรฐาน</dt><dd><a href=\"x\"> SW01 ระบบ</a></dd>")
    }
}

/// What of a page tells whether its part of the index must be made again.
final class SearchTextIndexedTests: XCTestCase {
    private func indexed(_ html: String) -> [String] {
        SearchText.indexed(Array(html.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    func testTheHeadToTheTitleAndTheMarkedElementNotTheFooter() {
        let page = "<html lang=\"th\"><head><title>ระบบ</title><link rel=x></head><body><nav>a</nav>"
            + "<article class=\"case\" data-pagefind-body><h1>ระบบ</h1><article>x</article><p>y</p></article>"
            + "<footer>ข้อมูล ณ วันที่ 4 ธ.ค. 2569</footer></body></html>"
        XCTAssertEqual(indexed(page), ["<html lang=\"th\"><head><title>ระบบ</title>",
                                       "<article class=\"case\" data-pagefind-body><h1>ระบบ</h1><article>x</article><p>y</p></article>"])
    }

    func testWhatSearchIgnoresIsLeftOut() {
        let page = "<title>t</title><article data-pagefind-body><h1>ระบบ</h1>"
            + "<p>ขั้นตอน 7<span data-pagefind-ignore> · เกินกำหนด <span>3</span> วันทำการ</span></p>"
            + "<progress data-pagefind-ignore value=\"2\" max=\"5\">2 / 5</progress><p>x</p></article><footer>f</footer>"
        XCTAssertEqual(indexed(page), ["<title>t</title>", "<article data-pagefind-body><h1>ระบบ</h1><p>ขั้นตอน 7",
                                       "</p>", "<p>x</p></article>"])
    }

    func testAPageWithoutAMarkedElementIsAllOfIt() {
        XCTAssertEqual(indexed("<p>ระบบ</p>"), ["<p>ระบบ</p>"])
    }

    func testAnElementNeverClosedRunsToTheEnd() {
        XCTAssertEqual(indexed("<title>t</title><main data-pagefind-body><p>x"), ["<title>t</title>", "<main data-pagefind-body><p>x"])
    }
}

/// What of a page Pagefind is given to read.
final class SearchTextGivenTests: XCTestCase {
    private func given(_ html: String) -> String {
        String(decoding: SearchText.given(Array(html.utf8)), as: UTF8.self)
    }

    func testTheHeadTheMarkedElementAndIgnoredElementsEmptied() {
        let page = "<html lang=\"th\"><head><title>ระบบ</title><link rel=x></head><body><nav>a</nav>"
            + "<article data-pagefind-body><h1>ระบบ</h1><p>ขั้นตอน 7<span data-pagefind-ignore> · เกิน <span>3</span> วัน</span></p>"
            + "<div data-pagefind-ignore=\"all\"><svg>x</svg></div><p>y</p></article><footer>ข้อมูล ณ วันที่</footer></body></html>"
        XCTAssertEqual(given(page), "<html lang=\"th\"><head><title>ระบบ</title></head><body>"
            + "<article data-pagefind-body><h1>ระบบ</h1><p>ขั้นตอน 7<span data-pagefind-ignore></span></p>"
            + "<div data-pagefind-ignore=\"all\"></div><p>y</p></article></body></html>\n")
    }

    func testAPageWithoutAMarkedElementIsGivenWhole() {
        XCTAssertEqual(given("<title>t</title><p>ระบบ</p>"), "<title>t</title><p>ระบบ</p>")
    }

    /// Pagefind takes a result's title from the first `<h1>` and its image from the first
    /// `<img>` after it, anywhere on the page; and filters and meta wherever they are.
    func testWhatPagefindReadsOutsideWhatItIndexesKeepsThePageWhole() {
        let wholePages = [
            "<title>t</title><header><h1>Portal</h1></header><main data-pagefind-body><p>x</p></main>",
            "<title>t</title><main data-pagefind-body><h1>x</h1><p data-pagefind-ignore><IMG src=a.png></p></main>",
            "<title>t</title><main data-pagefind-body><h1 data-pagefind-ignore>x</h1><p>y</p></main>",
            "<title>t</title><main data-pagefind-body><p>x</p></main><footer data-pagefind-filter=\"unit\">IT</footer>",
            "<title>t</title><main data-pagefind-body><p data-pagefind-ignore data-pagefind-meta=\"date\">1</p></main>",
        ]
        for page in wholePages {
            XCTAssertEqual(given(page), page)
        }
        // A tag merely named like them is left out as usual.
        XCTAssertEqual(given("<title>t</title><h10>a</h10><image>b</image><main data-pagefind-body><p>x</p></main>"),
                       "<title>t</title></head><body><main data-pagefind-body><p>x</p></main></body></html>\n")
    }

    /// The copy a build gives Pagefind splits only the Thai it keeps; the texts it leaves out
    /// still decide the spaces after them, as they would if split.
    func testTheCopyToIndexIsTheGivenPartOfTheSplitPage() {
        let pages = [
            "<html lang=\"th\"><head><title>ระบบงาน</title></head><body><nav>หน้าแรก</nav><article data-pagefind-body>"
                + "<p>ระบบ<span data-pagefind-ignore>เกิน</span>งาน</p><p>ขั้น<span data-pagefind-ignore>x</span>ตอน</p>"
                + "<p>ก่อน <span data-pagefind-ignore>ไทย </span>หลัง</p></article><footer>ข้อมูล ณ วันที่</footer></body></html>",
            "<title>t</title><header><h1>พอร์ทัล</h1></header><main data-pagefind-body><p>ระบบงาน</p></main>",
            "<title>t</title><p>ระบบงาน</p>",
            "<title>t</title><main data-pagefind-body><p>Room booking</p></main>",
        ]
        for page in pages.map({ Array($0.utf8) }) {
            XCTAssertEqual(String(decoding: SearchText.copyToIndex(page, indexed: SearchText.indexed(page)), as: UTF8.self),
                           String(decoding: SearchText.given(SearchText.split(page) ?? page), as: UTF8.self))
        }
    }
}
