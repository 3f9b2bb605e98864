/// Office hours in Asia/Bangkok, in minutes from midnight; hour targets count inside them.
public struct OfficeHours: Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// Not counted as working time.
    public var lunch: ClosedRange<Int>?

    public init(start: Int, end: Int, lunch: ClosedRange<Int>?) {
        self.start = start
        self.end = end
        self.lunch = lunch
    }

    /// 08:30–16:30 with lunch 12:00–13:00: the university's hours.
    public static let standard = OfficeHours(start: 8 * 60 + 30, end: 16 * 60 + 30, lunch: 12 * 60...13 * 60)

    /// Working minutes in a full working day (seven hours for the standard hours).
    public var minutesPerDay: Int {
        end - start - (lunch.map { $0.upperBound - $0.lowerBound } ?? 0)
    }
}
