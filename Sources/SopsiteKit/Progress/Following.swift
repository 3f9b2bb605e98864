import BusinessTime

/// Following a case: its events at the as-of date along its SOP, with a warning where the
/// holiday calendar runs out. A build follows each case as soon as it is read (`Content.load`).
enum CaseCheck {
    /// One case followed at the as-of date (nil for a case whose SOP is unknown, or whose events
    /// break its SOP's order: said in `diagnostics`).
    static func follow(_ c: Case, sops: [String: SOP], calendar: WorkCalendar, holidays: Holidays, asOf: Day,
                       _ diagnostics: inout Diagnostics) -> CaseProgress? {
        guard let sop = sops[c.sop], let progress = CaseWalk.progress(c, sop: sop, calendar: calendar, asOf: asOf, &diagnostics)
        else { return nil }
        warnPastHolidays(c, progress, holidays, asOf: asOf, &diagnostics)
        return progress
    }

    /// Cases without holidays.yaml: said once.
    static func warnNoHolidays(_ content: Content, _ diagnostics: inout Diagnostics) {
        if !content.cases.isEmpty && content.holidays.lastYear == nil {
            diagnostics.append(Diagnostic(.warning, content.holidays.path, line: 1, column: 1,
                                          "no holidays listed: working days count every Monday to Friday"))
        }
    }

    /// Working days after the last year of holidays.yaml count no holidays: say so, once per case.
    static func warnPastHolidays(_ c: Case, _ progress: CaseProgress, _ holidays: Holidays, asOf: Day,
                                 _ diagnostics: inout Diagnostics) {
        guard let lastYear = holidays.lastYear else { return }
        var latest = progress.lastActivity.day
        if progress.state.isOpen { latest = max(latest, asOf) }
        for event in c.events { for due in event.due { latest = max(latest, due.day) } }
        if latest.year > lastYear {
            diagnostics.append(c.location.warning(
                "the case runs into \(latest.year), past the last year holidays.yaml covers (\(lastYear)); "
                + "add that year's holidays, or its working days count none"))
        }
    }
}
