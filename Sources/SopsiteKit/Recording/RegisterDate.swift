import BusinessTime

/// Dates as registers hold them: `2026-11-27` or `2026-11-27 10:15` (as in case files), and
/// `27/11/2569` or `27/11/2026 10:15`, day first as Thai offices write, the year in the
/// Buddhist Era when it is past 2400. Seconds a spreadsheet adds (`10:15:00`) are dropped.
enum RegisterDate {
    static func moment(_ text: String) -> Moment? {
        var text = text
        if text.count == 19 || (text.contains("/") && text.hasSuffix(":00") && text.filter { $0 == ":" }.count == 2) {
            text = String(text.dropLast(3))
        }
        if let iso = Moment(text: text) { return iso.day.year < 2400 ? iso : nil }
        let parts = text.split(separator: " ", maxSplits: 1)
        let numbers = parts[0].split(separator: "/").map { Int($0) }
        guard numbers.count == 3, let d = numbers[0], let m = numbers[1], var y = numbers[2], y >= 1900 else { return nil }
        if y > 2400 { y -= 543 }
        guard let day = Day(year: y, month: m, day: d) else { return nil }
        guard parts.count == 2 else { return Moment(day: day) }
        return Moment(text: day.description + " " + parts[1])
    }

    static func day(_ text: String) -> Day? {
        guard let moment = moment(text), moment.minute == nil else { return nil }
        return moment.day
    }
}
