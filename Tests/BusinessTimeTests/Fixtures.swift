import BusinessTime

/// A fixed calendar for the tests, so that they do not depend on content/holidays.yaml:
/// New Year 2024–25 (with the Cabinet's extra day 30 Dec), Makha Bucha 2025, Chakri Day's
/// substitution, and Songkran 2025 (13 Apr is a Sunday, substituted on 16 Apr).
enum Fixture {
    static let holidays = [
        "2024-12-30", "2024-12-31", "2025-01-01", "2025-02-12", "2025-04-07",
        "2025-04-13", "2025-04-14", "2025-04-15", "2025-04-16",
    ].map { day($0) }

    static let calendar = WorkCalendar(holidays: holidays, officeHours: .standard)
}

/// "2025-01-06" as a Day; a typo in a test is a crash, not a silent nil.
func day(_ text: String) -> Day {
    guard let day = Day(iso: text) else { fatalError("bad test date \(text)") }
    return day
}

/// "2025-01-06" or "2025-01-06 10:30" as a Moment.
func moment(_ text: String) -> Moment {
    guard let moment = Moment(text: text) else { fatalError("bad test moment \(text)") }
    return moment
}

/// A small deterministic generator (SplitMix64), so property checks repeat exactly on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
