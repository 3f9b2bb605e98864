import BusinessTime

/// What following a case needs besides its SOP: the working calendar, the holidays (to warn
/// where they run out) and the as-of day. A build follows each case as soon as it is read
/// (`Content.readCase`), and `serve` follows an edited case the same way, through the same door.
struct Following: Sendable {
    let calendar: WorkCalendar
    let holidays: Holidays
    let asOf: Day

    init(calendar: WorkCalendar, holidays: Holidays, asOf: Day) {
        self.calendar = calendar
        self.holidays = holidays
        self.asOf = asOf
    }

    init(_ content: Content, asOf: Day) {
        self.init(site: content.site, holidays: content.holidays, asOf: asOf)
    }

    /// With the site's office hours and the holidays, before a `Content` is made of them.
    init(site: Site, holidays: Holidays, asOf: Day) {
        self.init(calendar: WorkCalendar(holidays: holidays.days, officeHours: site.officeHours), holidays: holidays,
                  asOf: asOf)
    }

    /// One case followed at the as-of date (nil for a case whose SOP is unknown, or whose events
    /// break its SOP's order: said in `diagnostics`).
    func follow(_ c: Case, sops: [String: SOP], _ diagnostics: inout Diagnostics) -> CaseProgress? {
        guard let sop = sops[c.sop], let progress = CaseProgress.follow(c, sop: sop, calendar: calendar, asOf: asOf, &diagnostics)
        else { return nil }
        warnPastHolidays(c, progress, &diagnostics)
        return progress
    }

    /// Cases without holidays.yaml: said once.
    func warnNoHolidays(_ content: Content, _ diagnostics: inout Diagnostics) {
        if !content.cases.isEmpty && holidays.lastYear == nil {
            diagnostics.append(Diagnostic(.warning, holidays.path, line: 1, column: 1,
                                          "no holidays listed: working days count every Monday to Friday"))
        }
    }

    /// Working days after the last year of holidays.yaml count no holidays: say so, once per case.
    func warnPastHolidays(_ c: Case, _ progress: CaseProgress, _ diagnostics: inout Diagnostics) {
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
