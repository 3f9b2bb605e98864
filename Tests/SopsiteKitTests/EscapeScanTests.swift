import Escaping
import SVG
import XCTest

/// HTML and SVG escaping find what to escape with C's block scans (`CTextScan`): whatever the
/// length of a text and wherever a special sits in or across blocks of 32 bytes, the result is
/// what escaping letter by letter gives.
final class EscapeScanTests: XCTestCase {
    private let pool: [String] = ["a", "ก", "ำ", " ", "\"", "&", "<", ">", "'", "\u{1}", "\t", "\n", "\u{7F}", "\u{85}",
                                  "\u{FFFE}", "·", "é", "\u{FEFF}"]

    private func randomText(_ generator: inout SystemRandomNumberGenerator) -> String {
        // Mostly letters, so that texts with one special (or none) at any place are common.
        (0..<Int.random(in: 0...120, using: &generator)).map { _ in
            Int.random(in: 0..<6, using: &generator) == 0 ? pool.randomElement(using: &generator)! : "ก"
        }.joined()
    }

    /// Escaping letter by letter: the four specials, `'` for HTML that escapes it; for SVG, tab
    /// and line ends as spaces and the characters XML cannot carry dropped.
    private func letterByLetter(_ text: String, apostrophe: Bool = false, svg: Bool = false) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            case "\t" where svg, "\n" where svg, "\r" where svg: out += " "
            default:
                let v = scalar.value
                if svg && (v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func testHTMLEscapingAsLetterByLetter() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = randomText(&generator)
            for apostrophe in [false, true] {
                let expected = letterByLetter(text, apostrophe: apostrophe)
                XCTAssertEqual(text.escaped(apostrophe: apostrophe), expected, text.debugDescription)
                let needed = text.utf8.withContiguousStorageIfAvailable { Escape.needed($0, apostrophe: apostrophe) }
                XCTAssertEqual(needed, expected != text, text.debugDescription)
            }
        }
    }

    func testSVGEscapingAsLetterByLetter() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = randomText(&generator)
            XCTAssertEqual(SVGWriter.escape(text), letterByLetter(text, svg: true), text.debugDescription)
        }
    }
}
