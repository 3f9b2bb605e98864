import BusinessTime

/// Dates and times in front matter: `2025-01-06` or `2025-01-06 10:30` (Asia/Bangkok, no zone).
/// A Buddhist-Era year where a Gregorian one belongs (2568-01-06) is read as the Gregorian year
/// with a warning: it is the most common slip in a Thai office, and its meaning is clear.
extension YAMLValue {
    func day(_ what: @autoclosure () -> String, _ diagnostics: inout Diagnostics) -> Day? {
        guard let text = self.text(what(), &diagnostics) else { return nil }
        guard let moment = readMoment(text, what(), &diagnostics) else { return nil }
        guard moment.minute == nil else {
            diagnostics.append(location.error("\(what()) must be a date written YYYY-MM-DD, without a time, not \"\(text)\""))
            return nil
        }
        return moment.day
    }

    func moment(_ what: @autoclosure () -> String, _ diagnostics: inout Diagnostics) -> Moment? {
        guard let text = self.text(what(), &diagnostics) else { return nil }
        return readMoment(text, what(), &diagnostics)
    }

    /// Years from 2400 on are taken for Buddhist-Era years (2400 BE is 1857 CE).
    static let buddhistEraFrom = 2400

    private func readMoment(_ text: String, _ what: @autoclosure () -> String, _ diagnostics: inout Diagnostics) -> Moment? {
        guard let moment = Moment(text: text) else {
            // What follows a readable "YYYY-MM-DD HH:MM" says what to leave out: a zone (also "-05:00", which
            // the old check missed) or seconds.
            let rest = text.count > 16 && Moment(text: String(text.prefix(16))) != nil
                ? text.dropFirst(16).drop { $0 == " " }.first : nil
            let hint = rest.map { "Zz+-".contains($0) } == true || text.hasSuffix("Z") || text.contains("+")
                ? " (times are Asia/Bangkok; leave out the zone)"
                : rest == ":" ? " (write the time as HH:MM, without seconds)" : ""
            diagnostics.append(location.error(
                "\(what()) must be a date that exists, written YYYY-MM-DD or YYYY-MM-DD HH:MM, not \"\(text)\"\(hint)"))
            return nil
        }
        guard moment.day.year >= YAMLValue.buddhistEraFrom else { return moment }
        guard let day = Day(year: moment.day.year - 543, month: moment.day.month, day: moment.day.day) else {
            diagnostics.append(location.error("\(what()) \"\(text)\" is not a date that exists"))
            return nil
        }
        let gregorian = Moment(day: day, minute: moment.minute)
        diagnostics.append(location.warning(
            "\(what()) \"\(text)\" has a Buddhist-Era year; read as \(gregorian) (write the Gregorian year)"))
        return gregorian
    }
}
