import BusinessTime

/// A page that lists or counts cases (the case list, reports, home, status.json, the feed), with
/// what it reads of each case. `serve` compares what a changed case gives these before and
/// after the change: when nothing the page reads of it changed (and no other case changed), the
/// page is as it was and is not made again. A title edit remakes the case list and status.json;
/// the reports, which count steps and times, stay.
struct Listing: Sendable {
    /// What makes its pages, in jobs that may run at once: one, or several when it makes many
    /// pages (the case list's 25 at 10,000 cases took one core 20 ms while the other had finished).
    let jobs: [@Sendable () throws -> [Page]]
    /// A folder whose pages are all this listing's (the case list's further pages): in `serve`,
    /// a page there that the listing no longer makes is removed.
    var folder: String?
    /// What the page's counts, order and choice of cases depend on.
    var counts: @Sendable (CaseView) -> String = { _ in "" }
    /// What the page shows of a case it lists (its row).
    var shows: @Sendable (CaseView) -> String = { _ in "" }
    /// Whether the page lists the case whatever the other cases are: every case (the case
    /// list), or every overdue or waiting one (home).
    var listsAlways: @Sendable (CaseView) -> Bool = { _ in false }
    /// How many of the newest events it lists with their cases (home 10, the feed 100); 0 for none.
    var newest = 0
    /// For the cases changed (each with its view before and after; nil: added or removed):
    /// jobs that make only the pages that can differ, when that is fewer than all of them; nil:
    /// `jobs`. The pages they leave out stay as they are (the case list's other pages, the
    /// other units' calendars).
    var remakes: @Sendable (_ changes: [(old: CaseView?, new: CaseView?)]) -> [@Sendable () throws -> [Page]]? = { _ in nil }

    /// Every page, one job after the other.
    func make() throws -> [Page] { try jobs.flatMap { try $0() } }

    /// Does a change of one case (nil: added or removed) make the page differ? `newestFrom`,
    /// asked only when needed: the date of the `newest`-th newest event (nil when there are
    /// fewer); a case with no event since is not among the newest listed.
    func isChanged(from old: CaseView?, to new: CaseView?, newestFrom: () -> Moment?) -> Bool {
        guard let old, let new else { return true }
        if counts(old) != counts(new) { return true }
        if shows(old) == shows(new) { return false }
        func isListed(_ view: CaseView) -> Bool {
            if listsAlways(view) { return true }
            guard newest > 0 else { return false }
            guard let newestFrom = newestFrom() else { return !view.c.events.isEmpty }
            return view.c.events.contains { $0.date >= newestFrom }
        }
        return isListed(old) || isListed(new)
    }
}

/// What each listing reads, in one place: a page that starts reading more of a case must say so
/// here, or `serve` would leave it stale (`LiveSiteTests` compares serve's output after edits
/// with a build's).
extension Listing {
    /// `only`: the pages that show the cases named (and the index of every row); while no
    /// case's unit, year or SOP changes, the filters' choices and every other page stay.
    static func caseList(_ jobs: [@Sendable () throws -> [Page]],
                         only: @escaping @Sendable (Set<String>) throws -> [Page]) -> Listing {
        Listing(jobs: jobs, folder: "cases/page/", shows: summary,
                listsAlways: { _ in true }, remakes: { changes in
            // A case added or removed moves the rows after it, and changes every page's count.
            guard changes.allSatisfy({ change in
                guard let old = change.old, let new = change.new else { return false }
                return Exact(old.c.unit) == Exact(new.c.unit) && old.year == new.year && old.sop.code == new.sop.code
            }) else { return nil }
            let ids = Set(changes.compactMap(\.new?.c.id))
            return [{ try only(ids) }]
        })
    }

    static func statusJSON(_ make: @escaping @Sendable () throws -> Page) -> Listing {
        Listing(jobs: [{ [try make()] }], shows: { $0.statusEntry }, listsAlways: { _ in true })
    }

    /// Counts by state, unit, year and step, and the times of each step (the reports, and the
    /// SOPs' pages with their steps' figures).
    static func reports(_ make: @escaping @Sendable () throws -> [Page]) -> Listing {
        Listing(jobs: [make], counts: { view in
            // Each pass of each step: a loop's earlier passes count too.
            let records = view.progress.records.map { r in
                "\(r.step.id) \(r.status) \(String(describing: r.timing)) \(String(describing: r.end))"
                    + r.earlier.map { " \($0.status) \(String(describing: $0.timing))" }.joined()
            }
            return join([view.sop.code, view.c.unit, view.c.opened.description, view.progress.state.rawValue] + records)
        })
    }

    /// The dashboard: counts by state and current step, the overdue and waiting cases, the
    /// latest events (their step, date and answer; not who or the note, which the feed shows).
    static func home(_ make: @escaping @Sendable () throws -> Page) -> Listing {
        Listing(jobs: [{ [try make()] }], counts: { view in
            join([view.sop.code, view.progress.state.rawValue, view.progress.current?.id ?? "",
                  view.due?.description ?? "", view.c.opened.description]
                 + view.c.events.map { join([$0.step, $0.date.description, $0.answer.map { "\($0)" } ?? ""]) })
        }, shows: summary, listsAlways: { view in
            view.progress.state == .overdue || (view.progress.state.isOpen && view.progress.current?.decision != nil)
        }, newest: 10)
    }

    /// The calendar feeds: an open case's current step, pass, due date and time, its agreed
    /// dates, and what an event says of it; every unit with a case has a feed.
    /// While the units with cases stay the same (`keepsUnits`: a unit's folder depends on every
    /// unit's name), a changed case remakes only the portal's feed and its units' (`units`,
    /// only those named), in two jobs.
    static func calendars(_ make: @escaping @Sendable () throws -> [Page],
                          portal: @escaping @Sendable () throws -> Page,
                          units: @escaping @Sendable (Set<String>) throws -> [Page],
                          keepsUnits: @escaping @Sendable ([(old: CaseView?, new: CaseView?)]) -> Bool) -> Listing {
        Listing(jobs: [make], folder: "units/", counts: { view in
            join([view.c.unit, view.progress.state.rawValue, view.progress.current?.id ?? "", String(view.progress.currentPass ?? 0),
                  view.due?.description ?? "", view.timeText]
                 + view.c.events.flatMap { $0.due.map { "\($0.step)=\($0.day)" } }
                 + view.progress.records.map { $0.status.rawValue })
        }, shows: { join([$0.c.title, $0.c.unit, $0.stateLabel]) }, listsAlways: { $0.progress.state.isOpen },
        remakes: { changes in
            guard keepsUnits(changes) else { return nil }
            let named = Set(changes.flatMap { [$0.old?.c.unit, $0.new?.c.unit].compactMap { $0 } })
            return [{ [try portal()] }, { try units(named) }]
        })
    }

    static func feed(_ make: @escaping @Sendable () throws -> Page) -> Listing {
        Listing(jobs: [{ [try make()] }], counts: { join(events($0)) }, shows: { join([$0.c.title, $0.c.unit]) },
                newest: Feed.limit)
    }

    private static func summary(_ view: CaseView) -> String {
        join(view.summary.entries.map { entry in
            guard case let .text(text) = entry.value else { return entry.name }
            return entry.name + "=" + text
        })
    }

    private static func events(_ view: CaseView) -> [String] {
        view.c.events.map { join([$0.step, $0.date.description, $0.by ?? "", $0.note ?? "", $0.answer.map { "\($0)" } ?? ""]) }
    }

    private static func join(_ parts: [String]) -> String { parts.joined(separator: "\u{1F}") }
}
