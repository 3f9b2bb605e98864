import Escaping
import XCTest

/// The one reading of "a Thai letter here" in UTF-8, which heading ids, calendar folds, text
/// widths and search copies ask: held to Swift's own decoding of every scalar around it.
final class ThaiUTF8Tests: XCTestCase {
    func testEveryThaiScalarIsFoundWithItsValueAndNothingElseIs() {
        // Every scalar of the three-byte range U+0800–U+FFFF (surrogates aside), alone.
        for value in 0x0800...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(Character(scalar)).utf8)
            let thai = (0x0E00...0x0E7F).contains(value)
            XCTAssertEqual(ThaiUTF8.starts(bytes, at: 0), thai, "U+\(String(value, radix: 16))")
            XCTAssertEqual(ThaiUTF8.ends(bytes, before: 3), thai, "U+\(String(value, radix: 16))")
            XCTAssertEqual(ThaiUTF8.contains(bytes), thai, "U+\(String(value, radix: 16))")
            if thai { XCTAssertEqual(ThaiUTF8.scalar(bytes, at: 0), value) }
        }
    }

    func testALetterCutShortAtTheEndIsNotOneButItsFirstBytesAreSeen() {
        let letter = Array("ก".utf8)  // E0 B8 81
        XCTAssertFalse(ThaiUTF8.starts(letter.dropLast(), at: 0))
        XCTAssertFalse(ThaiUTF8.ends(letter, before: 2))
        XCTAssertFalse(ThaiUTF8.ends(letter, before: 4), "past the end")
        // `contains` asks only for a letter's first two bytes, as the search copies did.
        XCTAssertTrue(ThaiUTF8.contains(letter.dropLast()))
        XCTAssertFalse(ThaiUTF8.contains(letter.prefix(1)))
        XCTAssertFalse(ThaiUTF8.contains([UInt8]()))
    }

    func testPlacesInsideALineAndInsideASlice() {
        let line = Array("ab ไทย cd".utf8)
        let found = line.indices.filter { ThaiUTF8.starts(line, at: $0) }
        XCTAssertEqual(found, [3, 6, 9])
        let ends = (0...line.count).filter { ThaiUTF8.ends(line, before: $0) }
        XCTAssertEqual(ends, [6, 9, 12])
        // A slice keeps its indices: its start is where it starts, not 0.
        let slice = line[6..<12]
        XCTAssertTrue(ThaiUTF8.starts(slice, at: 6))
        XCTAssertFalse(ThaiUTF8.starts(slice, at: 3), "before the slice")
        XCTAssertTrue(ThaiUTF8.ends(slice, before: 12))
        XCTAssertFalse(ThaiUTF8.contains(line[..<3]))
        XCTAssertTrue(ThaiUTF8.contains(line[2...]))
    }

    /// Characters counted from the bytes are Swift's `count`: every Thai scalar after every kind
    /// of scalar, at the start and inside; random texts of ASCII and Thai; anything else is nil.
    func testCharactersCountedFromTheBytesAreSwiftsCount() {
        let thai = (0x0E00...0x0E7F).compactMap(Unicode.Scalar.init).map(String.init)
        let before = ["", "ก", "a", " ", "ั", "ำ", "เ", "9", "่"]
        for scalar in thai {
            for base in before {
                for text in [base + scalar, base + scalar + "ข", scalar + base, base + scalar + scalar] {
                    XCTAssertEqual(ThaiUTF8.characters(Array(text.utf8)), text.count, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
                }
            }
        }
        let pool = thai.map(Character.init) + Array("abcXYZ019 :;,.-\\~")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = String((0..<Int.random(in: 0...60, using: &generator)).map { _ in pool.randomElement(using: &generator)! })
            XCTAssertEqual(ThaiUTF8.characters(Array(text.utf8)), text.count, text)
        }
        for other in ["café", "a\tb", "ก\r\nข", "\u{7F}", "ก\u{200B}ข", "👍", "\u{0301}"] {
            XCTAssertNil(ThaiUTF8.characters(Array(other.utf8)), other.debugDescription)
        }
        XCTAssertEqual(ThaiUTF8.characters([UInt8]()), 0)
    }
}
