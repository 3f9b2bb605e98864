/// A calendar day in the Gregorian calendar, with no time and no zone: what "issued 2021-06-22"
/// or an event's date means to the office.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the date does not exist (2021-02-29, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads "YYYY-MM-DD"; nil for any other form or a date that does not exist.
    public init?(iso text: String) {
        // By bytes: a build reads 100,000 dates, and splitting each into Characters cost more
        // than the rest of reading an event.
        var text = text
        guard let (y, m, d) = text.withUTF8({ Day.isoParts($0) }) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The numbers of "YYYY-MM-DD" written in ASCII digits, or nil.
    static func isoParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (0x30...0x39).contains(bytes[i]) else { return nil }
                n = n * 10 + Int(bytes[i] - 0x30)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    /// "2021-06-22".
    public var description: String {
        // Ten digits and dashes written in place: case pages write tens of these each.
        if (0...9999).contains(year) {
            return String(unsafeUninitializedCapacity: 10) { out in
                func put(_ n: Int, _ width: Int, at start: Int) {
                    var n = n
                    for i in (start..<(start + width)).reversed() {
                        out[i] = UInt8(ascii: "0") + UInt8(n % 10)
                        n /= 10
                    }
                }
                put(year, 4, at: 0)
                out[4] = UInt8(ascii: "-")
                put(month, 2, at: 5)
                out[7] = UInt8(ascii: "-")
                put(day, 2, at: 8)
                return 10
            }
        }
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
