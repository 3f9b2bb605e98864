/// A point in office time: a day, and the minute of the day (Asia/Bangkok) when the time is known.
///
/// Case records often give only a date ("closed 2025-01-06"); hour targets need the time as well,
/// so the time is optional rather than defaulted: a made-up 00:00 would count a whole day wrongly.
/// There is no zone: every time is the office's own wall-clock time.
public struct Moment: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let day: Day
    /// Minutes after midnight, 0..<1440; nil when only the date is known.
    public let minute: Int?

    /// `minute`, when given, must be in 0..<1440 (00:00 to 23:59).
    public init(day: Day, minute: Int? = nil) {
        precondition(minute.map { (0..<Moment.minutesPerDay).contains($0) } ?? true,
                     "a minute of the day is 0..<1440, got \(minute!)")
        self.day = day
        self.minute = minute
    }

    /// "2025-01-06" or "2025-01-06 10:30" (also accepts "2025-01-06T10:30"); nil otherwise, and nil
    /// for a time that does not exist (24:00, 10:61). A zone suffix (Z, +07:00) is NOT accepted:
    /// the office records local times, and a zone would suggest a conversion this module never does.
    public init?(text: String) {
        var text = text
        guard let (y, m, d, minute) = text.withUTF8({ Moment.parts($0) }), let day = Day(year: y, month: m, day: d)
        else { return nil }
        self.init(day: day, minute: minute)
    }

    /// "YYYY-MM-DD", or with " HH:MM" or "THH:MM": the day's numbers and the minutes, by bytes.
    private static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int?)? {
        guard bytes.count == 10 || bytes.count == 16,
              let (y, m, d) = Day.isoParts(UnsafeBufferPointer(rebasing: bytes[0..<10])) else { return nil }
        guard bytes.count == 16 else { return (y, m, d, nil) }
        guard bytes[10] == 0x20 || bytes[10] == 0x54, bytes[13] == 0x3A,  // " " or "T", ":"
              let hour = twoDigits(bytes[11], bytes[12]), let minute = twoDigits(bytes[14], bytes[15]),
              hour < 24, minute < 60
        else { return nil }
        return (y, m, d, hour * 60 + minute)
    }

    /// "2025-01-06" or "2025-01-06 10:30".
    public var description: String {
        guard let minute else { return day.description }
        return "\(day) \(Moment.pad(minute / 60)):\(Moment.pad(minute % 60))"
    }

    /// By day, then minute; a date-only moment sorts before any time on the same day, because
    /// "some time on that day" can be no later than the first minute we know of on it.
    public static func < (a: Moment, b: Moment) -> Bool {
        if a.day != b.day { return a.day < b.day }
        switch (a.minute, b.minute) {
        case let (x?, y?): return x < y
        case (nil, _?): return true
        default: return false
        }
    }

    static let minutesPerDay = 24 * 60

    private static func twoDigits(_ a: UInt8, _ b: UInt8) -> Int? {
        guard (0x30...0x39).contains(a), (0x30...0x39).contains(b) else { return nil }
        return Int(a - 0x30) * 10 + Int(b - 0x30)
    }

    private static func pad(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
