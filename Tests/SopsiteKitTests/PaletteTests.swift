import Foundation
@testable import SopsiteKit
import XCTest

/// The states' colours: readable, apart for colour-blind readers, and the same wherever a state
/// shows (badges and charts from `Palette`, state labels from style.css).
final class PaletteTests: XCTestCase {
    func testWhiteTextOnEveryStateColourAndEveryColourOnThePageAreReadable() {
        for (state, colour) in Palette.states {
            XCTAssertGreaterThanOrEqual(Colour(colour).contrast(Colour("#ffffff")), 4.5, "white on \(state) (\(colour))")
        }
        for colour in [Palette.late, Palette.ink, Palette.muted] {
            XCTAssertGreaterThanOrEqual(Colour(colour).contrast(Colour("#ffffff")), 3, colour)
        }
        // The shading behind the bars keeps every bar's colour at 3:1 at least.
        for colour in Palette.states.values {
            XCTAssertGreaterThanOrEqual(Colour(colour).contrast(Colour(Palette.nonWorking)), 3, colour)
        }
    }

    /// Machado, Oliveira and Fernandes (2009), severity 1: what readers with protanopia,
    /// deuteranopia and tritanopia see; any two states at least 15 apart in CIELAB. (The
    /// palette before issue 21 had blue and purple 11 apart for deuteranopia.)
    func testStatesStayApartForEveryKindOfColourBlindness() {
        let kinds: [(String, [[Double]])] = [
            ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
            ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
            ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
            ("normal vision", [[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
        ]
        let states = Palette.stateOrder
        XCTAssertEqual(Set(states), Set(CaseState.allCases))
        for (kind, matrix) in kinds {
            for (i, a) in states.enumerated() {
                for b in states[(i + 1)...] {
                    let d = Colour(Palette.states[a]!).seen(matrix).distance(Colour(Palette.states[b]!).seen(matrix))
                    XCTAssertGreaterThanOrEqual(d, 15, "\(a) and \(b) for \(kind)")
                }
            }
        }
    }

    func testStateLabelsInTheStyleSheetHaveTheBadgesColours() throws {
        let css = try String(contentsOfFile: Repo.root + "/themes/default/static/style.css", encoding: .utf8)
        for (state, colour) in Palette.states {
            XCTAssertTrue(css.contains(".state-\(state.rawValue) strong, span.state-\(state.rawValue) { background: \(colour); }"),
                          "style.css gives \(state) the colour \(colour)")
        }
    }
}

/// An sRGB colour, as WCAG measures contrast and as CIELAB tells two colours apart.
private struct Colour {
    var linear: [Double]

    init(_ hex: String) {
        let v = Int(hex.dropFirst(), radix: 16)!
        linear = [v >> 16, (v >> 8) & 0xFF, v & 0xFF].map { c in
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
    }

    var luminance: Double { 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] }

    func contrast(_ other: Colour) -> Double {
        let (a, b) = (max(luminance, other.luminance), min(luminance, other.luminance))
        return (a + 0.05) / (b + 0.05)
    }

    /// The colour as a reader with the given kind of vision sees it.
    func seen(_ m: [[Double]]) -> Colour {
        var c = self
        c.linear = m.map { row in min(1, max(0, zip(row, linear).map(*).reduce(0, +))) }
        return c
    }

    var lab: [Double] {
        let (r, g, b) = (linear[0], linear[1], linear[2])
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
    }

    func distance(_ other: Colour) -> Double {
        sqrt(zip(lab, other.lab).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
    }
}
