import Foundation

/// How long a step may take, as the SOP writes it ("1 วัน", "1-2 วัน", "ตามขอบเขต"). Not
/// `Duration`: that is Swift's own, which the watcher and the server use for waiting.
public struct StepDuration: Sendable, Equatable {
    /// The business-time target the text stands for.
    public enum Target: Sendable, Equatable {
        /// Working days (Monday to Friday minus holidays).
        case days(Int)
        /// Working hours inside office hours.
        case hours(Int)
        /// "ตามขอบเขต" / "per scope": the case agrees a due date for the step.
        case perScope
    }

    /// The text exactly as written in the SOP; this is what the portal shows.
    public var text: String
    public var target: Target
    /// For a range ("1-2 วัน") the lower bound; the target is the upper bound.
    public var minimum: Int?

    public init(text: String, target: Target, minimum: Int? = nil) {
        self.text = text
        self.target = target
        self.minimum = minimum
    }
}

/// Why a duration could not be read; `message` is meant for the user.
public struct DurationError: Error, Sendable, Equatable {
    public var message: String
}

extension StepDuration {
    /// Reads a duration written the way the SOP writes them, in Thai or English.
    /// A form it does not know is an error, never a guess.
    public static func parse(_ text: String) throws(DurationError) -> StepDuration {
        let words = normalise(text)
        if perScopeWords.contains(words.joined(separator: " ")) {
            return StepDuration(text: text, target: .perScope)
        }
        var rest = words[...]
        // "ภายใน 3 วัน" / "within 3 days" means the same target as "3 วัน".
        if let first = rest.first, withinWords.contains(first) { rest = rest.dropFirst() }
        guard rest.count == 2, let unit = units[rest.last!] else { throw unknown(text) }
        let amount = rest.first!
        let bounds = amount.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(bounds.count) else { throw unknown(text) }
        let numbers = bounds.compactMap { Int($0) }
        guard numbers.count == bounds.count else { throw unknown(text) }
        guard numbers.allSatisfy({ $0 >= 1 }) else {
            throw DurationError(message: "duration \"\(text)\" must be at least 1")
        }
        // Business-time arithmetic multiplies the amount (hours × 60, days × 7 / 5): a huge one would overflow and trap.
        guard numbers.allSatisfy({ $0 <= maximum }) else {
            throw DurationError(message: "duration \"\(text)\" is too long: at most \(maximum) days or hours")
        }
        if numbers.count == 2 && numbers[0] >= numbers[1] {
            throw DurationError(message: "duration range \"\(text)\" must go from the smaller to the larger number")
        }
        let target: Target = unit == .day ? .days(numbers.last!) : .hours(numbers.last!)
        return StepDuration(text: text, target: target, minimum: numbers.count == 2 ? numbers[0] : nil)
    }

    /// The largest amount a duration may give: some forty years of working days.
    public static let maximum = 9999

    private enum Unit { case day, hour }

    private static let units: [String: Unit] = [
        "วัน": .day, "day": .day, "days": .day, "วันทำการ": .day, "working-day": .day, "working-days": .day,
        "ชั่วโมง": .hour, "ชม.": .hour, "hour": .hour, "hours": .hour,
    ]
    private static let withinWords: Set<String> = ["ภายใน", "within"]
    private static let perScopeWords: Set<String> = ["ตามขอบเขต", "ตามขอบเขตงาน", "per scope", "per-scope"]

    /// Lower-cases, turns Thai digits and dashes into ASCII, and splits into words,
    /// separating a number glued to its unit ("3วัน") and spaces around a range dash.
    private static func normalise(_ text: String) -> [String] {
        var out = ""
        var previous: Character = " "
        // Sara am typed as nikhahit + sara aa ("วันทําการ") reads as sara am ("วันทำการ").
        var folded = String.UnicodeScalarView()
        for s in text.lowercased().unicodeScalars {
            if s == "\u{0E32}", folded.last == "\u{0E4D}" { folded.removeLast(); folded.append("\u{0E33}") } else { folded.append(s) }
        }
        for c in String(folded) {
            var c = c
            if let digit = thaiDigits.firstIndex(of: c) { c = Character(String(thaiDigits.distance(from: thaiDigits.startIndex, to: digit))) }
            if c == "–" || c == "—" || c == "−" { c = "-" }
            if c.isWhitespace { c = " " }
            let boundary = (previous.isASCIIDigit && !c.isASCIIDigit && c != "-" && c != " ")
                || (!previous.isASCIIDigit && previous != "-" && previous != " " && c.isASCIIDigit)
            if boundary { out.append(" ") }
            out.append(c)
            previous = c
        }
        out = out.replacingAll(" -", with: "-").replacingAll("- ", with: "-")
        return out.split(separator: " ").map(String.init)
    }

    private static let thaiDigits: [Character] = ["๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"]

    private static func unknown(_ text: String) -> DurationError {
        DurationError(message: "unknown duration \"\(text)\"; write it as the SOP does: "
            + "\"1 วัน\", \"1-2 วัน\", \"ภายใน 3 วัน\", \"1 ชั่วโมง\", \"ตามขอบเขต\" "
            + "(or \"2 days\", \"1-2 days\", \"within 3 days\", \"1 hour\", \"per scope\")")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var s = self
        while let r = s.range(of: target) { s.replaceSubrange(r, with: replacement) }
        return s
    }
}
