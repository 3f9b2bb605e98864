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

    /// Random lines of Thai, ASCII letters, digits and spaces, of many lengths.
    func testRandomThaiAndASCIILinesFoldAsCharactersDo() throws {
        let pool = (0x0E00...0x0E7F).compactMap(Unicode.Scalar.init).map(Character.init)
            + Array("abcXYZ019 :;,.-\\")
        var random = FuzzRandom(seed: 20261204)
        for _ in 0..<2000 {
            let line = String((0..<random.int(20...400)).map { _ in random.pick(pool) })
            XCTAssertEqual(ICalendar.foldKnown(line), ICalendar.foldByCharacters(line), line)
        }
    }

    /// Anything else is left to the Character walk.
    func testOtherScriptsAndControlsAreLeftToCharacters() {
        XCTAssertNil(ICalendar.foldKnown("café " + String(repeating: "a", count: 80)))
        XCTAssertNil(ICalendar.foldKnown("👍🏽" + String(repeating: "ก", count: 40)))
        XCTAssertNil(ICalendar.foldKnown("a\tb" + String(repeating: "ก", count: 40)))
        let emoji = "SUMMARY:" + String(repeating: "👨‍👩‍👧 ก้ำ ", count: 12)
        XCTAssertEqual(ICalendar.fold(emoji), ICalendar.foldByCharacters(emoji))
    }
}
