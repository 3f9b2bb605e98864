@testable import MarkdownBridge
import XCTest

/// Heading ids: the quick reading of ASCII and Thai headings gives the ids the general one does.
final class HeadingIDsTests: XCTestCase {
    func testIdsOfThaiAndEnglishHeadings() {
        var ids = HeadingIDs()
        XCTAssertEqual(ids.make("ขั้นตอนการจองห้อง 1.2"), "ขั้นตอนการจองห้อง-12")
        XCTAssertEqual(ids.make("Login & Logout -- Admin_Page"), "login-logout-admin-page")
        XCTAssertEqual(ids.make("ขั้นตอนการจองห้อง 1.2"), "ขั้นตอนการจองห้อง-12-2")
        XCTAssertEqual(ids.make("  ?? "), "section")
        XCTAssertEqual(ids.make("Ünïcode ÉCOLE"), "ünïcode-école")
        // Ids are told apart as HTML tells them apart, by code points: the same marks typed in
        // another order make another id, which needs no number.
        let typed = "ก\u{0E38}\u{0E48}", reordered = "ก\u{0E48}\u{0E38}"
        XCTAssertEqual(typed, reordered)  // one text to Swift
        XCTAssertEqual([ids.make(typed), ids.make(reordered), ids.make(typed)], [typed, reordered, typed + "-2"])
    }

    /// Random headings of every ASCII character, every code point of the Thai block and a few
    /// others: the quick slug is the general one's whenever it gives one, and it gives one for
    /// every heading of ASCII and Thai alone.
    func testTheQuickSlugIsTheGeneralOne() {
        let thai = (0x0E00..<0x0E80).compactMap(Unicode.Scalar.init)
        let ascii = (0x00..<0x80).compactMap { Unicode.Scalar(UInt32($0)) }
        let others: [Unicode.Scalar] = ["É", "ß", "Σ", "İ", "\u{0301}", "\u{212A}", "漢", "😀", "\u{0E80}", "\u{0DFF}"]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<4000 {
            let pool = round % 2 == 0 ? thai + ascii : thai + ascii + others
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(pool.randomElement(using: &generator)!) }
            let heading = String(text)
            let quick = HeadingIDs.asciiOrThaiSlug(heading)
            if round % 2 == 0 { XCTAssertNotNil(quick, heading.debugDescription) }
            if let quick { XCTAssertEqual(quick, HeadingIDs.slug(heading), heading.debugDescription) }
        }
    }
}
