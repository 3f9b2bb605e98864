import BusinessTime
@testable import SopsiteKit
import XCTest

/// Values made once and given again (`Kept`), and what is kept with them: a timing's words.
final class KeptTests: XCTestCase {
    func testAValueIsMadeOnceAndGivenAgainUntilTooManyAreKept() {
        let kept = Kept<Int, String>(most: 3)
        var made = 0
        func value(_ key: Int) -> String { kept.value(key) { made += 1; return "v\(key)" } }
        XCTAssertEqual([value(1), value(2), value(1), value(2)], ["v1", "v2", "v1", "v2"])
        XCTAssertEqual(made, 2, "asked again, a kept value is not made again")
        XCTAssertEqual(value(3), "v3")
        XCTAssertEqual(made, 3)
        // A fourth key finds three kept: all are let go, then the fourth is kept.
        XCTAssertEqual(value(4), "v4")
        XCTAssertEqual(value(1), "v1")
        XCTAssertEqual(made, 5, "the values let go are made again when asked")
        XCTAssertEqual(value(4), "v4")
        XCTAssertEqual(made, 5)
    }

    /// Every kind of timing in words, said by words that said every other kind first, is what
    /// words that said nothing before say: what decides the words is all in the key.
    func testATimingSaysTheSameWordsAfterOthersWereSaid() {
        let strings = ["timing_late": "ช้ากว่ากำหนด {excess}", "timing_overdue": "เกินกำหนด {excess}",
                       "timing_used": "ใช้ {used}", "timing_used_of": "ใช้ {used} จากกำหนด {target}",
                       "amount_day": "{n} วันทำการ", "amount_days": "{n} วันทำการ", "amount_minutes": "{m} นาที",
                       "amount_hours": "{h} ชั่วโมง", "amount_hours_minutes": "{h} ชั่วโมง {m} นาที"]
        let amounts: [Amount] = [.days(0), .days(1), .days(2), .days(1200), .minutes(25), .minutes(60), .minutes(90)]
        var timings: [(Timing, Bool)] = []
        for used in amounts {
            timings.append((Timing(used: used, target: nil, excess: nil, due: nil), false))
            for target in amounts {
                timings.append((Timing(used: used, target: target, excess: nil, due: nil), false))
                for running in [false, true] {
                    timings.append((Timing(used: used, target: target, excess: target, due: nil), running))
                }
            }
        }
        let warm = Words(strings: strings, dayStyle: .thai)
        for (timing, running) in timings { _ = warm.timing(timing, running: running) }
        var distinct = Set<String>()
        for (timing, running) in timings.reversed() {
            let said = warm.timing(timing, running: running)
            XCTAssertEqual(said, Words(strings: strings, dayStyle: .thai).timing(timing, running: running), "\(timing), running: \(running)")
            distinct.insert(said)
        }
        XCTAssertGreaterThan(distinct.count, 50, "the timings say many different things")
    }
}
