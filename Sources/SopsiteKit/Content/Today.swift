import BusinessTime
import Foundation

extension Day {
    /// Today's date in Asia/Bangkok, where the office is: the default as-of date.
    public static func today(now: Date = Date()) -> Day {
        Moment.now(now).day
    }
}

extension Moment {
    /// The current minute in Asia/Bangkok.
    public static func now(_ now: Date = Date()) -> Moment {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Bangkok") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: now)
        return Moment(day: Day(year: parts.year!, month: parts.month!, day: parts.day!)!,
                      minute: parts.hour! * 60 + parts.minute!)
    }
}
