import BusinessTime
import Foundation

/// The time a long-running sopsite (`serve`, `publish`) goes by, to roll the portal over to a
/// new day at midnight in Asia/Bangkok. The system's clock, except in tests: with
/// `SOPSITE_TEST_NOW=2026-03-19T23:59:55` in the environment the clock starts at that Bangkok
/// time and runs on from there, so that a test sees midnight pass in seconds. Only tests set it
/// (docs/deploy.md says so); a portal in service never should.
public struct PortalClock: Sendable {
    /// Added to the system's time.
    let offset: TimeInterval

    public static let system = PortalClock(offset: 0)

    /// The clock the environment asks for: `SOPSITE_TEST_NOW`, or the system's.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                       now: Date = Date()) -> PortalClock {
        guard let text = environment["SOPSITE_TEST_NOW"], let start = bangkok(text) else { return .system }
        return PortalClock(offset: start.timeIntervalSince(now))
    }

    /// The clock the process runs by, read once.
    public static let current = fromEnvironment()

    public func now() -> Date { Date().addingTimeInterval(offset) }

    /// Today in Asia/Bangkok by this clock.
    public func today() -> Day { Day.today(now: now()) }

    /// Seconds from now until the next midnight in Asia/Bangkok (UTC+7, which has no summer time).
    public func secondsToMidnight() -> TimeInterval {
        let bangkok = now().timeIntervalSince1970 + 7 * 3600
        let day: TimeInterval = 86_400
        return day - bangkok.truncatingRemainder(dividingBy: day)
    }

    /// `YYYY-MM-DDTHH:MM:SS` read as Bangkok time.
    static func bangkok(_ text: String) -> Date? {
        bangkokFormatter("yyyy-MM-dd'T'HH:mm:ss").date(from: text)
    }

    /// The time as build.json writes it: `2026-03-20T00:00:01+07:00`.
    public func stamp(_ date: Date? = nil) -> String {
        PortalClock.bangkokFormatter("yyyy-MM-dd'T'HH:mm:ss'+07:00'").string(from: date ?? now())
    }

    /// A fixed-format formatter on Bangkok time (UTC+7), whatever the machine's locale and zone.
    private static func bangkokFormatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = format
        return formatter
    }
}
