import BusinessTime

/// The interface strings of the page's language, with the few that take values filled in
/// (`{n}`, `{used}`...). Amounts and timings are written here, once, for every page.
struct Words {
    let strings: [String: String]
    let dayStyle: DayStyle
    /// "1 วันทำการ", "2 วันทำการ"...: amounts of days below `writtenDays`, written once, as case
    /// pages write tens of them each (one Words per renderer).
    private var days: [String] = []
    private static let writtenDays = 1000
    /// The strings that take values, read once (see `fill`).
    let fillables: [String: Fillable]
    /// What `timing` fills, found once: every step of every case page says its timing twice
    /// (the timeline, the chart's description), and each time looked its string up by name.
    private let timings: (late: Fillable, overdue: Fillable, used: Fillable, usedOf: Fillable)
    /// Each status in words ("status_done-late"), by `StepStatus.ordinal`: said for every step
    /// of every case page, each time a key made and looked up.
    private let statuses: [String]
    /// Timings said before: 10,000 case pages say about 150,000 (each step in the timeline and
    /// again in the chart's description), of a few hundred kinds, each filled from its string.
    private let said = Kept<SaidTiming, String>()

    private enum SaidTiming: Hashable, Sendable {
        case late(Amount, running: Bool), used(Amount), usedOf(Amount, target: Amount)
    }

    init(strings: [String: String], dayStyle: DayStyle) {
        self.strings = strings
        self.dayStyle = dayStyle
        let fillables = strings.filter { $0.value.utf8.contains(0x7B) }.mapValues(Fillable.init)  // "{"
        self.fillables = fillables
        // A string without braces fills to itself, as `fill` gives it.
        func fillable(_ key: String) -> Fillable { fillables[key] ?? Fillable(strings[key] ?? key) }
        timings = (fillable("timing_late"), fillable("timing_overdue"), fillable("timing_used"), fillable("timing_used_of"))
        statuses = StepStatus.allCases.map { strings["status_" + $0.rawValue] ?? "status_" + $0.rawValue }
        days = (0..<Words.writtenDays).map { dayAmount($0) }
    }

    subscript(key: String) -> String { strings[key] ?? key }

    /// A status in words, as `self["status_" + status.rawValue]`.
    func status(_ status: StepStatus) -> String { statuses[status.ordinal] }

    func amount(_ amount: Amount) -> String {
        switch amount {
        case let .days(n): return n >= 0 && n < days.count ? days[n] : dayAmount(n)
        case let .minutes(total):
            let (h, m) = (total / 60, total % 60)
            if h == 0 { return fill("amount_minutes", ["m": String(m)]) }
            return m == 0 ? fill("amount_hours", ["h": String(h)]) : fill("amount_hours_minutes", ["h": String(h), "m": String(m)])
        }
    }

    private func dayAmount(_ n: Int) -> String { fill(n == 1 ? "amount_day" : "amount_days", ["n": String(n)]) }

    func day(_ day: Day) -> String { day.formatted(dayStyle) }

    /// "22 มิ.ย. 2564" or "22 มิ.ย. 2564 10:30".
    func moment(_ moment: Moment) -> String {
        guard let minute = moment.minute else { return day(moment.day) }
        let mm = minute % 60 < 10 ? "0\(minute % 60)" : String(minute % 60)
        let hh = minute / 60 < 10 ? "0\(minute / 60)" : String(minute / 60)
        return "\(day(moment.day)) \(hh):\(mm)"
    }

    /// What a timing means for a reader: within target, late by, overdue by.
    func timing(_ timing: Timing, running: Bool) -> String {
        if let excess = timing.excess {
            return said.value(.late(excess, running: running)) {
                (running ? timings.overdue : timings.late).filled(["excess": amount(excess)])
            }
        }
        guard let target = timing.target else {
            return said.value(.used(timing.used)) { timings.used.filled(["used": amount(timing.used)]) }
        }
        return said.value(.usedOf(timing.used, target: target)) {
            timings.usedOf.filled(["used": amount(timing.used), "target": amount(target)])
        }
    }
}

extension String {
    /// Every `target` replaced, comparing bytes (placeholders and ids are ASCII; comparing
    /// Characters would break Thai text into graphemes for nothing).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let text = Array(utf8), find = Array(target.utf8), put = Array(replacement.utf8)
        guard !find.isEmpty, text.count >= find.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == find[0], i + find.count <= text.count, text[i..<(i + find.count)].elementsEqual(find) {
                out += put
                i += find.count
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
