import BusinessTime
import Foundation
@testable import MarkdownBridge
@testable import SopsiteKit
import XCTest

/// Property tests of the duration parser and of the case rules against SW01, on seeded random
/// inputs: never a crash or a trap, every error in its place, the same answer every time, and
/// the right answer for the inputs whose answer is known.
final class FuzzRulesTests: XCTestCase {
    // MARK: Durations

    let numbers = ["0", "1", "2", "3", "9999", "10000", "99999999999999999999", "๓", "๑๒", "+3", "1.5", "-", "–", " - ", ""]
    let words = ["วัน", "days", "day", "Days", "วันทำการ", "วันท\u{0E4D}\u{0E32}การ", "working-days", "ชั่วโมง", "ชม.", "hour",
                 "hours", "ภายใน", "within", "ตามขอบเขต", "ตามขอบเขตงาน", "per", "scope", "per-scope", "สัปดาห์", "week",
                 "นาที", "ๆ", "😀", "\u{200B}", "\u{0301}", " ", "\t", "วัน\u{0E4D}"]

    func randomDuration(_ r: inout FuzzRandom) -> String {
        (0..<r.int(1...5)).map { _ in r.chance(50) ? r.pick(numbers) : r.pick(words) }
            .joined(separator: r.chance(70) ? " " : "")
    }

    func testDurationsParseOrFailCleanly() throws {
        var r = FuzzRandom(seed: 10)
        let calendar = WorkCalendar(holidays: [Day(iso: "2025-04-14")!], officeHours: .standard)
        var parsed = 0
        for _ in 0..<4_000 {
            let text = randomDuration(&r)
            let first = Result { () throws(DurationError) in try StepDuration.parse(text) }
            let again = Result { () throws(DurationError) in try StepDuration.parse(text) }
            XCTAssertEqual(try? first.get(), try? again.get(), text)
            switch first {
            case let .failure(error):
                XCTAssertFalse(error.message.isEmpty)
                XCTAssertTrue(error.message.contains("\"\(text)\""), error.message)
            case let .success(duration):
                parsed += 1
                XCTAssertEqual(duration.text, text)
                switch duration.target {
                case let .days(n), let .hours(n):
                    XCTAssertTrue((1...StepDuration.maximum).contains(n), text)
                    if let minimum = duration.minimum { XCTAssertTrue(1 <= minimum && minimum < n, text) }
                case .perScope:
                    XCTAssertNil(duration.minimum)
                }
                // Any target, measured between any two moments: never a trap, always a due moment.
                let start = Moment(day: Day(dayNumber: r.int(0...30_000)), minute: r.chance(50) ? r.int(0...1439) : nil)
                let end = Moment(day: start.day.adding(days: r.int(0...4_000)), minute: r.chance(50) ? r.int(0...1439) : nil)
                let timing = calendar.timing(duration.target, agreedDue: r.chance(50) ? end.day : nil, start: start, end: end)
                if duration.target != .perScope { XCTAssertNotNil(timing.due, text) }
            }
        }
        XCTAssertGreaterThan(parsed, 100)
    }

    func testEveryWrittenFormReadsAsItsTarget() throws {
        var r = FuzzRandom(seed: 11)
        let thaiDigits = Array("๐๑๒๓๔๕๖๗๘๙")
        func thai(_ n: Int) -> String { String(String(n).map { thaiDigits[$0.wholeNumberValue!] }) }
        for _ in 0..<1_000 {
            let n = r.int(1...StepDuration.maximum), m = r.int(1...StepDuration.maximum)
            let written = r.chance(30) ? thai(n) : String(n)
            XCTAssertEqual(try StepDuration.parse("\(written) วัน").target, .days(n))
            XCTAssertEqual(try StepDuration.parse("within \(n) days").target, .days(n))
            XCTAssertEqual(try StepDuration.parse("\(written)ชั่วโมง").target, .hours(n))
            if n < m {
                let range = try StepDuration.parse("\(n) - \(m) วันทำการ")
                XCTAssertEqual(range.target, .days(m))
                XCTAssertEqual(range.minimum, n)
            }
            let huge = StepDuration.maximum + r.int(1...1_000_000)
            XCTAssertThrowsError(try StepDuration.parse("\(huge) ชั่วโมง")) {
                XCTAssertEqual(($0 as? DurationError)?.message, "duration \"\(huge) ชั่วโมง\" is too long: at most 9999 days or hours")
            }
        }
        // Before the cap, Int.max hours made `n * 60` overflow and the build trap.
        XCTAssertThrowsError(try StepDuration.parse("9223372036854775807 ชั่วโมง"))
        XCTAssertThrowsError(try StepDuration.parse("1-9223372036854775807 วัน"))
    }

    // MARK: Events against SW01

    struct GeneratedCase {
        var text: String
        /// The state a valid case must have; nil when the events were disturbed.
        var state: CaseState?
        var current: String?
    }

    /// A case that follows SW01 for a random number of steps, with random dates in order, answers
    /// in every accepted spelling, agreed due dates, notes; then, for half of them, disturbed.
    func generateCase(_ r: inout FuzzRandom) -> GeneratedCase {
        var day = Day(iso: "2025-01-06")!.adding(days: r.int(0...60))
        var minute = -1
        // In order: a date without a time comes before any time that day, so once a day has a
        // time, the next moment that day is a later time.
        func moment() -> String {
            let advance = r.pick([0, 0, 1, 1, 2, 5])
            if advance > 0 || minute >= 16 * 60 {
                day = day.adding(days: max(advance, 1))
                minute = -1
            }
            if minute < 0 && r.chance(50) { return "\(day)" }
            minute = r.int(max(minute + 1, 8 * 60)...(16 * 60 + 59))
            return "\(day) \(String(format: "%02d:%02d", minute / 60, minute % 60))"
        }
        let opened = moment()
        var events: [[String]] = []
        var step = 1, state = CaseState.inProgress
        let yesWords = ["yes", "YES", "true", "เห็นควร", "เห็นควร".decomposedStringWithCanonicalMapping]
        let noWords = ["no", "No", "false", "ไม่เห็นควร"]
        let stop = r.int(0...12)
        while events.count < stop {
            var event = ["step: \(step)", "date: \(moment())"]
            if r.chance(20) { event.append("by: '\(r.pick(["คณะ", "<b>x</b>", "a: b", "javascript:x"]))'") }
            if r.chance(20) { event.append("note: '\(r.pick(["บันทึก **ที่** 1", "[x](memo.pdf)", "it''s", "# h"]))'") }
            if r.chance(10) { event.append("documents: [{title: บันทึก, link: memo.pdf}]") }
            if step == 4 || (step < 7 && r.chance(20)) {
                let due = (5...7).filter { _ in r.chance(70) }.map { "\($0): \(day.adding(days: r.int(1...40)))" }
                if !due.isEmpty { event.append("due: {\(due.joined(separator: ", "))}") }
            }
            if step == 3 {
                let yes = r.chance(70)
                event.append("answer: \(r.pick(yes ? yesWords : noWords))")
                events.append(event)
                if !yes { state = .rejected; break }
                step = 4
                continue
            }
            events.append(event)
            if step == 9 { continue }
            step += 1
        }
        if state != .rejected && step == 9 { state = events.last.map { $0[0] == "step: 9" } == true ? .maintenance : .handedOver }
        var current: String? = state == .rejected ? nil : String(step)
        var expected: CaseState? = state
        if r.chance(50), !events.isEmpty {
            // Disturbed: the walk may now refuse the case, or still accept it; either is fine.
            expected = nil
            current = nil
            let i = r.int(0...events.count - 1)
            switch r.int(0...6) {
            case 0: events.remove(at: i)
            case 1: events.swapAt(i, r.int(0...events.count - 1))
            case 2: events[i][0] = "step: \(r.pick(["1", "3", "9", "10", "x", "''", "[1]"]))"
            case 3: events[i][1] = "date: \(r.pick(["2024-12-31", "2026-01-01", "2025-02-30", "2568-03-01", "2025-01-06 09:00"]))"
            case 4: events[i].append("answer: \(r.pick(["yes", "no", "maybe"]))")
            case 5: events[i].append("due: {\(r.pick(["1", "8", "9", "5", "x"])): 2025-05-01}")
            default: events.insert(events[i], at: i)
            }
        }
        let list = events.map { "  - " + $0.joined(separator: "\n    ") }.joined(separator: "\n")
        let text = "---\nsop: SW01\ntitle: ระบบ\nunit: หน่วยงาน\nopened: \(opened)\nevents:\(events.isEmpty ? " []" : "\n" + list)\n---\nรายงาน\n"
        return GeneratedCase(text: text, state: expected, current: current)
    }

    func walk(_ text: String) -> (CaseProgress?, [Diagnostic], String) {
        var diagnostics = Diagnostics()
        let c = CaseLoader.load(text, id: "C1", folder: "cases/C1", path: "cases/C1/index.md", attachments: ["memo.pdf"],
                                sops: ["SW01": CaseRulesTests.sop], markdown: Markdown(), &diagnostics)
        let progress = c.flatMap {
            CaseProgress.follow($0, sop: CaseRulesTests.sop, calendar: WorkCalendar(holidays: [], officeHours: .standard),
                              asOf: Day(iso: "2025-12-31")!, &diagnostics)
        }
        return (progress, diagnostics.all, progress.map { String(describing: $0) } ?? "nil")
    }

    func testRandomEventListsAgainstSW01() {
        var r = FuzzRandom(seed: 12)
        var valid = 0, disturbedRefused = 0
        for _ in 0..<600 {
            let generated = generateCase(&r)
            let (progress, diagnostics, description) = walk(generated.text)
            XCTAssertTrue(fuzzCheck(generated.text, path: "cases/C1/index.md", loaded: progress != nil, diagnostics))
            let again = walk(generated.text)
            XCTAssertEqual(again.2, description)
            XCTAssertEqual(again.1, diagnostics)
            if let state = generated.state {
                // A case that follows the SOP loads, in the state its events lead to.
                valid += 1
                XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [], generated.text)
                let expected: Set<CaseState> = state == .inProgress ? [.inProgress, .overdue] : [state]
                XCTAssertTrue(progress.map { expected.contains($0.state) } == true,
                              "\(String(describing: progress?.state)) for \(generated.text)")
                XCTAssertEqual(progress?.current?.id, generated.current, generated.text)
                XCTAssertEqual(progress?.records.count, 9)
            } else if progress == nil {
                disturbedRefused += 1
            }
        }
        XCTAssertGreaterThan(valid, 220)
        XCTAssertGreaterThan(disturbedRefused, 100)
    }

    func testMutatedRandomCases() {
        // The generated cases, then edited as text: the loader and the walk together.
        var r = FuzzRandom(seed: 13)
        for _ in 0..<500 {
            let text = fuzzMutate(generateCase(&r).text, &r)
            let (progress, diagnostics, description) = walk(text)
            XCTAssertTrue(fuzzCheck(text, path: "cases/C1/index.md", loaded: progress != nil, diagnostics))
            XCTAssertEqual(walk(text).2, description)
        }
    }

    // MARK: site.yaml

    func testRandomOfficeHoursAndMutatedSiteSettings() throws {
        var r = FuzzRandom(seed: 14)
        let site = try String(contentsOfFile: Repo.root + "/content/site.yaml", encoding: .utf8)
        let times = ["08:30", "16:30", "12:00", "13:00", "00:00", "23:59", "24:00", "8:30", "08:30 ", "12:60", "-1:00", "", "x"]
        for i in 0..<1_000 {
            var text = site
            for key in ["start", "end"] where r.chance(70) {
                text = text.replacingOccurrences(of: key == "start" ? "start: \"08:30\"" : "end: \"16:30\"",
                                                 with: "\(key): \"\(r.pick(times))\"")
            }
            if r.chance(70) {
                text = text.replacingOccurrences(of: "lunch: \"12:00-13:00\"", with: "lunch: \"\(r.pick(times))-\(r.pick(times))\"")
            }
            if i % 3 == 0 { text = fuzzMutate(text, &r) }
            var diagnostics = Diagnostics()
            let loaded: Site?
            do throws(Diagnostic) {
                // As Content.loadSite does.
                let root = try YAMLValue.parse(text, path: "site.yaml", firstLine: 1)
                if root == nil { diagnostics.append(Diagnostic(.error, "site.yaml", line: 1, column: 1, "site.yaml is empty")) }
                loaded = root?.map("site.yaml", &diagnostics).flatMap { Site.load($0, &diagnostics) }
            } catch {
                diagnostics.append(error)
                loaded = nil
            }
            XCTAssertTrue(fuzzCheck(text, path: "site.yaml", loaded: loaded != nil, diagnostics.all))
            guard let loaded else { continue }
            // What the build does next: a calendar from the office hours. Before the fix, a lunch
            // as long as the day passed here and the calendar's precondition stopped the build.
            XCTAssertGreaterThan(loaded.officeHours.minutesPerDay, 0, text)
            _ = WorkCalendar(holidays: [], officeHours: loaded.officeHours)
            XCTAssertTrue(loaded.baseURL.hasPrefix("https://") || loaded.baseURL.hasPrefix("http://"), loaded.baseURL)
        }
    }
}
