@testable import SopsiteKit
import XCTest

/// `ICalendar.foldKnown` breaks ASCII and Thai lines where Swift's Characters end, without
/// asking for them: it must fold every such line exactly as the Character walk does.
final class ICalendarFoldTests: XCTestCase {
    /// Every scalar of the Thai block (assigned or not), after every kind of scalar before it,
    /// at every position around the 75-octet break.
    func testEveryThaiScalarAfterEveryKindBreaksAsCharactersDo() throws {
        let thai = (0x0E00...0x0E7F).compactMap(Unicode.Scalar.init).map(String.init)
        let before = ["ก", "a", " ", "ั", "ำ", "เ", "9", "๙"]
        for scalar in thai {
            for base in before {
                for lead in 60...80 {
                    let line = String(repeating: "x", count: lead) + base + scalar + base + String(repeating: "ข", count: 30)
                    XCTAssertEqual(ICalendar.foldKnown(line), ICalendar.foldByCharacters(line),
                                   "U+\(String(scalar.unicodeScalars.first!.value, radix: 16)) after \(base) at \(lead)")
                }
            }
        }
    }

    /// Every scalar of Latin-1 past the controls (U+00A0–U+00FF), around Thai and ASCII, at
    /// every position around the break: each starts a character, but the soft hyphen, which
    /// is left to the Character walk.
    func testEveryLatin1ScalarBreaksAsCharactersDo() throws {
        let before = ["ก", "a", " ", "ั", "·"]
        for value in UInt32(0xA0)...0xFF {
            let scalar = String(Unicode.Scalar(value)!)
            for base in before {
                for lead in 60...80 {
                    let line = String(repeating: "x", count: lead) + base + scalar + "ั" + base + String(repeating: "ข", count: 30)
                    if value == 0xAD {
                        XCTAssertNil(ICalendar.foldKnown(line))
                    } else {
                        XCTAssertEqual(ICalendar.foldKnown(line), ICalendar.foldByCharacters(line),
                                       "U+\(String(value, radix: 16)) after \(base) at \(lead)")
                    }
                }
            }
        }
        XCTAssertNil(ICalendar.foldKnown("\u{85}" + String(repeating: "a", count: 80)))
    }

    /// Random lines of Thai, ASCII letters, digits and spaces, of many lengths.
    func testRandomThaiAndASCIILinesFoldAsCharactersDo() throws {
        let pool = (0x0E00...0x0E7F).compactMap(Unicode.Scalar.init).map(Character.init)
            + Array("abcXYZ019 :;,.-\\·é")
        var random = FuzzRandom(seed: 20261204)
        for _ in 0..<2000 {
            let line = String((0..<random.int(20...400)).map { _ in random.pick(pool) })
            XCTAssertEqual(ICalendar.foldKnown(line), ICalendar.foldByCharacters(line), line)
        }
    }

    /// Anything else is left to the Character walk.
    func testOtherScriptsAndControlsAreLeftToCharacters() {
        XCTAssertNil(ICalendar.foldKnown("cafe\u{301} " + String(repeating: "a", count: 80)))
        XCTAssertNil(ICalendar.foldKnown("👍🏽" + String(repeating: "ก", count: 40)))
        XCTAssertNil(ICalendar.foldKnown("a\tb" + String(repeating: "ก", count: 40)))
        let emoji = "SUMMARY:" + String(repeating: "👨‍👩‍👧 ก้ำ ", count: 12)
        XCTAssertEqual(ICalendar.fold(emoji), ICalendar.foldByCharacters(emoji))
    }
}
