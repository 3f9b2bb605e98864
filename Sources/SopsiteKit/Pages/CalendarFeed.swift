import BusinessTime

/// `/calendar.ics` and `/units/<unit>/calendar.ics`: iCalendar feeds (RFC 5545) that staff
/// subscribe to, with every open case's current due date and the dates agreed for its per-scope
/// steps still ahead, each an all-day event on its day. A calendar application reads them again
/// now and then; each event keeps its UID across builds (case, step and pass), so a moved due
/// date moves the event rather than adding one.
struct CalendarFeed {
    let site: Site
    let words: Words
    let asOf: Day

    /// The whole portal's feed, then one per requesting unit (each unit that has a case, open or
    /// not, so that a subscription never breaks). Each open case's events are written once for
    /// the portal's feed and its unit's (a build does not keep them).
    func render(_ views: [CaseView], units: [String]) -> [Page] {
        let (all, byUnit) = gather(views, portal: true, units: nil)
        return [portal(all)] + render(byUnit, units: units, only: nil)
    }

    /// The portal's feed alone (`serve`: a job of its own beside the units' feeds).
    func portal(_ views: [CaseView]) -> Page {
        portal(gather(views, portal: true, units: []).all)
    }

    /// The units' feeds; `only`: just these units' (`serve`, after a case changed in place).
    func render(_ views: [CaseView], units: [String], only: Set<String>?) -> [Page] {
        render(gather(views, portal: false, units: only).byUnit, units: units, only: only)
    }

    /// Every open case's events (ended cases have none), for the portal's feed and by unit
    /// (`units`: only these; nil: all).
    private func gather(_ views: [CaseView], portal: Bool, units: Set<String>?)
        -> (all: [ICalendar.Written], byUnit: [String: [ICalendar.Written]]) {
        var all: [ICalendar.Written] = [], byUnit: [String: [ICalendar.Written]] = [:]
        for view in views where view.progress.state.isOpen {
            let wanted = units?.contains(view.c.unit) ?? true
            guard portal || wanted else { continue }
            let events = view.calendarEvents
            if portal { all += events }
            if wanted { byUnit[view.c.unit, default: []] += events }
        }
        return (all, byUnit)
    }

    private func portal(_ all: [ICalendar.Written]) -> Page {
        Page(path: "calendar.ics", text: calendar(all, name: site.title))
    }

    /// A unit whose cases have all ended has an empty feed.
    private func render(_ byUnit: [String: [ICalendar.Written]], units: [String], only: Set<String>?) -> [Page] {
        let folders = CalendarFeed.unitFolders(units)
        return units.filter { only?.contains($0) ?? true }.map { unit in
            Page(path: "units/\(folders[unit]!)/calendar.ics", text: calendar(byUnit[unit] ?? [], name: "\(site.title) · \(unit)"))
        }
    }

    /// A unit's folder under `units/`: its name with what a path cannot hold made dashes (Thai
    /// stays, as Hugo keeps letters in a term's URL); two names that come out the same are told
    /// apart by a number, in the names' order.
    static func unitFolders(_ units: [String]) -> [String: String] {
        var folders: [String: String] = [:], taken: Set<String> = []
        for unit in units.sorted() {
            var slug = ""
            for scalar in unit.unicodeScalars {
                let cut = scalar.properties.isWhitespace || "/\\?#%&:;\"'<>|*.".unicodeScalars.contains(scalar)
                    || scalar.value < 0x20
                if cut {
                    if !slug.hasSuffix("-") && !slug.isEmpty { slug += "-" }
                } else {
                    slug.unicodeScalars.append(scalar)
                }
            }
            while slug.hasSuffix("-") { slug.removeLast() }
            if slug.isEmpty { slug = "unit" }
            var folder = slug, n = 2
            while taken.contains(folder) {
                folder = "\(slug)-\(n)"
                n += 1
            }
            taken.insert(folder)
            folders[unit] = folder
        }
        return folders
    }

    /// A case's events, written: its due dates ahead or past, as long as the case is open.
    static func events(of view: CaseView, words: Words) -> [ICalendar.Written] {
        guard view.progress.state.isOpen else { return [] }
        var events: [ICalendar.Event] = []
        let host = ICalendar.host(view.baseURL)
        let url = view.baseURL + view.url
        let facts = "\(view.c.title) · \(view.c.unit) · \(view.timeText.isEmpty ? view.stateLabel : view.timeText)"
        var dated: Set<String> = []
        if let current = view.progress.current, let due = view.due {
            let pass = view.progress.currentPass ?? 1
            dated.insert(current.id)
            events.append(ICalendar.Event(
                uid: "\(view.c.id)-step-\(current.id)-pass-\(pass)@\(host)", day: due.day,
                summary: words.fill("calendar_due", ["id": view.c.id, "step": "\(current.id) \(current.title)"]),
                description: facts, url: url))
        }
        // Dates agreed for per-scope steps not reached yet, the last agreement for each.
        var agreed: [String: Day] = [:]
        for event in view.c.events { for due in event.due { agreed[due.step] = due.day } }
        for record in view.progress.records where record.status == .notReached && !dated.contains(record.step.id) {
            guard let day = agreed[record.step.id] else { continue }
            events.append(ICalendar.Event(
                uid: "\(view.c.id)-step-\(record.step.id)-agreed@\(host)", day: day,
                summary: words.fill("calendar_agreed", ["id": view.c.id, "step": "\(record.step.id) \(record.step.title)"]),
                description: facts, url: url))
        }
        return events.map(\.written)
    }

    /// A feed of `events`, sorted by day.
    private func calendar(_ events: [ICalendar.Written], name: String) -> String {
        ICalendar(name: words.fill("calendar_name", ["name": name]), stamp: asOf,
                  events: events.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }).text
    }
}
