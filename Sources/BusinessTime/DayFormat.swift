/// How a day is written for readers: the Thai interface uses the Buddhist Era and Thai
/// abbreviated month names ("22 มิ.ย. 2564"); the English one the Gregorian calendar ("22 Jun 2021").
public enum DayStyle: String, Sendable, CaseIterable {
    case thai = "th"
    case english = "en"
}

extension Day {
    /// The Buddhist Era is the Gregorian year plus 543.
    public var buddhistYear: Int { year + 543 }

    /// The day as the interface language writes it.
    public func formatted(_ style: DayStyle) -> String {
        switch style {
        case .thai: return "\(day) \(Day.thaiMonths[month - 1]) \(buddhistYear)"
        case .english: return "\(day) \(Day.englishMonths[month - 1]) \(year)"
        }
    }

    static let thaiMonths = [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]
    static let englishMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
}

extension Day {
    /// The day's month and year as the interface language writes them ("พ.ย. 2569", "Nov 2026").
    public func monthFormatted(_ style: DayStyle) -> String {
        switch style {
        case .thai: return "\(Day.thaiMonths[month - 1]) \(buddhistYear)"
        case .english: return "\(Day.englishMonths[month - 1]) \(year)"
        }
    }
}
