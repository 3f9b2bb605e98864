@testable import SopsiteKit
import BusinessTime
import XCTest

/// Filling interface strings: each `{name}` with a value is put in, left to right; every other
/// brace stays as it is.
final class WordsTests: XCTestCase {
    /// The fill as a scan of the bytes does it, for comparison.
    private func scanned(_ text: String, _ values: [(String, String)]) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = [], i = 0
        while i < bytes.count {
            if bytes[i] == 0x7B, let close = bytes[(i + 1)...].firstIndex(of: 0x7D),
               let value = values.first(where: { Array($0.0.utf8) == Array(bytes[(i + 1)..<close]) })?.1 {
                out += value.utf8
                i = close + 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func testFilledAsAScanOfTheString() {
        let words = Words(strings: ["timing_used_of": "ใช้ {used} จาก {target}", "odd": "{a{b}} {c} {} {a"], dayStyle: .thai)
        XCTAssertEqual(words.fill("timing_used_of", ["used": "2 วัน", "target": "5 วัน"]), "ใช้ 2 วัน จาก 5 วัน")
        XCTAssertEqual(words.fill("odd", ["b": "B", "a": "A"]), "{aB} {c} {} {a")
        XCTAssertEqual(words.fill("missing_key", ["a": "1"]), "missing_key")
        // A name met inside a brace already filled is not filled again.
        XCTAssertEqual(Words(strings: ["k": "{a{b}"], dayStyle: .thai).fill("k", ["a{b": "X", "b": "B"]), "X")
        let pieces = ["{", "}", "a", "b", "ก", "{a}", "{b}", "{ab}", " "]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<1500 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let values: KeyValuePairs<String, String> = round % 2 == 0 ? ["a": "<1>", "ab": "{b}"] : ["b": "ข", "": "E"]
            let words = Words(strings: ["k": text], dayStyle: .thai)
            XCTAssertEqual(words.fill("k", values), scanned(text, values.map { ($0.key, $0.value) }), text)
        }
    }

    /// A timing's words come from the strings the words were made with, filled or not: a
    /// translation may leave a value out, and a missing string reads as its key, as in `fill`.
    func testTimingFromTheStringsFilledOrNot() {
        let words = Words(strings: ["timing_used_of": "{used} of {target}", "timing_late": "late",
                                    "amount_days": "{n} days", "amount_day": "{n} day"], dayStyle: .english)
        XCTAssertEqual(words.timing(Timing(used: .days(2), target: .days(5), excess: nil, due: nil), running: false), "2 days of 5 days")
        XCTAssertEqual(words.timing(Timing(used: .days(7), target: .days(5), excess: .days(2), due: nil), running: false), "late")
        XCTAssertEqual(words.timing(Timing(used: .days(7), target: .days(5), excess: .days(2), due: nil), running: true), "timing_overdue")
        XCTAssertEqual(words.timing(Timing(used: .days(1), target: nil, excess: nil, due: nil), running: true), "timing_used")
    }

    /// A status in words is its `status_` string, found by the status's place among all cases.
    func testStatusWordsByPlace() {
        XCTAssertEqual(StepStatus.allCases.map(\.ordinal), Array(StepStatus.allCases.indices))
        let words = Words(strings: ["status_done-late": "เสร็จล่าช้า", "status_skipped": "ข้าม"], dayStyle: .thai)
        for status in StepStatus.allCases {
            XCTAssertEqual(words.status(status), words["status_" + status.rawValue])
        }
        XCTAssertEqual(words.status(.doneLate), "เสร็จล่าช้า")
        XCTAssertEqual(Set(StepStatus.allCases).count, StepStatus.allCases.count)
    }
}

/// What every page says the same way, made once.
final class SaidOnceTests: XCTestCase {
    /// The way back to the root counts the path's folders as splitting it at "/" does.
    func testTheWayToTheRootHasOneStepPerFolder() {
        for url in ["", "/", "cases/", "cases/SW01-2569-00001/", "a//b/", "/a/b", "sops/SW01/steps/3/", "a/b/c/d/e/f/g/h/i/"] {
            XCTAssertEqual(PageContext.root(url), String(repeating: "../", count: url.split(separator: "/").count), url)
        }
    }
}
