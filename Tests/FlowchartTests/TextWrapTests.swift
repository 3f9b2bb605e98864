import XCTest
@testable import Flowchart
@testable import SVG

/// Width estimates and line breaking: per grapheme cluster, spaces and '/' first, Thai syllable
/// boundaries next, any cluster boundary last; never inside a cluster.
final class TextWrapTests: XCTestCase {
    /// 5.5 units per cluster at font size 10: easy widths to reason about.
    private func wrap(_ text: String, units: Int) -> [String] {
        TextWrap.wrap(text, maxWidth: Double(units) * 5.5, fontSize: 10)
    }

    func testWidthCountsGraphemeClusters() {
        XCTAssertEqual(TextWrap.width("abc", fontSize: 10), 16.5, accuracy: 1e-9)
        // ท + sara ii + mai ek: one cluster; the marks take no width.
        XCTAssertEqual(TextWrap.width("ที่", fontSize: 10), 5.5, accuracy: 1e-9)
        XCTAssertEqual(TextWrap.width("ยื่น", fontSize: 10), 11, accuracy: 1e-9)
        XCTAssertEqual(TextWrap.width("", fontSize: 10), 0)
        XCTAssertEqual(TextWrap.width("é", fontSize: 10), 5.5, accuracy: 1e-9)
    }

    func testSaraAmTakesWidthAndZeroWidthSpaceDoesNot() {
        // "น้ำ" is one cluster (sara am is a spacing mark) but two characters wide on the line.
        XCTAssertEqual("น้ำ".count, 1)
        XCTAssertEqual(TextWrap.units("น้ำ"), 2)
        XCTAssertEqual(TextWrap.units("ก\u{200B}ข"), 2)
    }

    /// Units of ASCII and Thai, counted from the bytes, are those of the Character walk.
    func testUnitsFromBytesAreTheCharacterWalks() {
        let pool = (0x0E00...0x0E7F).compactMap(Unicode.Scalar.init).map(Character.init) + Array("ab Z09./-\u{200B}é")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
            let walked = text.count + text.unicodeScalars.reduce(0) { n, s in
                n + (s.value == 0x0E33 ? 1 : s == TextWrap.zeroWidthSpace ? -1 : 0)
            }
            XCTAssertEqual(TextWrap.units(text[...]), walked, text)
        }
    }

    func testEnglishBreaksAtSpacesAndBalancesTheLastTwoLines() {
        XCTAssertEqual(wrap("Approve the design?", units: 12), ["Approve the", "design?"])
        XCTAssertEqual(wrap("one two three four five six", units: 10), ["one two", "three four", "five six"])
        XCTAssertEqual(wrap("a b", units: 1), ["a", "b"])
        XCTAssertEqual(wrap("fits", units: 4), ["fits"])
        XCTAssertEqual(wrap("  spaced  out  ", units: 20), ["spaced  out"])
    }

    func testBreaksAfterSlashBeforeThaiSyllables() {
        XCTAssertEqual(wrap("สร้าง/พัฒนาระบบ", units: 10), ["สร้าง/", "พัฒนาระบบ"])
        XCTAssertEqual(wrap("กำกับดูแล/สำรองฐานข้อมูล", units: 18), ["กำกับดูแล/", "สำรองฐานข้อมูล"])
        XCTAssertEqual(wrap("path/to/file", units: 8), ["path/", "to/file"])
        XCTAssertEqual(wrap("path/to/a/file", units: 8), ["path/to/", "a/file"])
    }

    func testThaiBreaksAtLikelySyllableBoundaries() {
        XCTAssertEqual(wrap("ยื่นบันทึกข้อความแจ้งความจำนง", units: 18), ["ยื่นบันทึกข้อความ", "แจ้งความจำนง"])
        XCTAssertEqual(wrap("ทดสอบและตรวจสอบระบบ", units: 18), ["ทดสอบและ", "ตรวจสอบระบบ"])
        XCTAssertEqual(wrap("รับเรื่องและเสนอ ผอ. พิจารณา", units: 18), ["รับเรื่องและเสนอ", "ผอ. พิจารณา"])
        XCTAssertEqual(wrap("สำนักวิทยบริการและเทคโนโลยีสารสนเทศ", units: 22),
                       ["สำนักวิทยบริการและ", "เทคโนโลยีสารสนเทศ"])
    }

    func testZeroWidthSpaceIsAnInvisibleBreak() {
        XCTAssertEqual(wrap("กขค\u{200B}งจฉ", units: 4), ["กขค", "งจฉ"])
        XCTAssertEqual(wrap("กขค\u{200B}งจฉ", units: 10), ["กขคงจฉ"])
    }

    func testLastResortBreaksBetweenClusters() {
        XCTAssertEqual(wrap("abcdefghij", units: 4), ["abcd", "efgh", "ij"])
        // Never inside a cluster, even when a cluster is wider than the line.
        XCTAssertEqual(wrap("น้ำน้ำน้ำ", units: 2), ["น้ำ", "น้ำ", "น้ำ"])
        XCTAssertEqual(wrap("น้ำ", units: 1), ["น้ำ"])
        XCTAssertEqual(wrap("W", units: 0), ["W"])
        XCTAssertEqual(wrap("", units: 5), [""])
    }

    /// Over every fixture label and many widths: lines fit (unless one cluster is too wide),
    /// nothing is lost or reordered, clusters stay whole, and no line starts with a following
    /// vowel (ะ า ำ) or ends with a leading one (เ แ โ ใ ไ) when it could be helped.
    func testPropertiesOverFixtureLabels() {
        let labels = Fixtures.all.flatMap { fixture in
            fixture.chart.steps.flatMap { s in [s.label, s.decision?.question, s.decision?.no.action?.label]
                .compactMap { $0 } } + fixture.chart.lanes.map(\.name)
        }
        for label in labels {
            for units in 3...30 {
                let lines = wrap(label, units: units)
                let context = "\(label) @ \(units): \(lines)"
                XCTAssertEqual(lines.joined().filter { !$0.isWhitespace }, label.filter { !$0.isWhitespace }, context)
                for line in lines {
                    XCTAssert(TextWrap.units(line[...]) <= units || line.count == 1, context)
                    XCTAssertEqual(line, line.trimmingCharacters(in: .whitespaces), context)
                    if let first = line.unicodeScalars.first {
                        XCTAssertFalse([0x0E30, 0x0E32, 0x0E33].contains(first.value), context)
                    }
                    if let last = line.unicodeScalars.last, line != lines.last, units >= 4 {
                        XCTAssertFalse((0x0E40...0x0E44).contains(last.value), context)
                    }
                }
                let clusters = lines.flatMap { Array($0) }
                XCTAssertEqual(clusters.filter { !$0.isWhitespace }, Array(label).filter { !$0.isWhitespace }, context)
            }
        }
    }
}
