import BusinessTime

/// A page that lists or counts cases (the case list, reports, home, status.json, the feed), with
/// what it reads of each case. `serve` compares what a changed case gives these before and
/// after the change: when nothing the page reads of it changed (and no other case changed), the
/// page is as it was and is not made again. A title edit remakes the case list and status.json;
/// the reports, which count steps and times, stay.
struct Listing: Sendable {
    let make: @Sendable () throws -> [Page]
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
    static func caseList(_ make: @escaping @Sendable () throws -> [Page]) -> Listing {
        Listing(make: make, folder: "cases/page/", shows: summary, listsAlways: { _ in true })
    }

    static func statusJSON(_ make: @escaping @Sendable () throws -> Page) -> Listing {
        Listing(make: { [try make()] }, shows: { $0.statusEntry }, listsAlways: { _ in true })
    }

    /// Counts by state, unit, year and step, and the times of each step (the reports, and the
    /// SOPs' pages with their steps' figures).
    static func reports(_ make: @escaping @Sendable () throws -> [Page]) -> Listing {
        Listing(make: make, counts: { view in
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
        Listing(make: { [try make()] }, counts: { view in
            join([view.sop.code, view.progress.state.rawValue, view.progress.current?.id ?? "",
                  view.due?.description ?? "", view.c.opened.description]
                 + view.c.events.map { join([$0.step, $0.date.description, $0.answer.map { "\($0)" } ?? ""]) })
        }, shows: summary, listsAlways: { view in
            view.progress.state == .overdue || (view.progress.state.isOpen && view.progress.current?.decision != nil)
        }, newest: 10)
    }

    /// The calendar feeds: an open case's current step, pass, due date and time, its agreed
    /// dates, and what an event says of it; every unit with a case has a feed.
    static func calendars(_ make: @escaping @Sendable () throws -> [Page]) -> Listing {
        Listing(make: make, folder: "units/", counts: { view in
            join([view.c.unit, view.progress.state.rawValue, view.progress.current?.id ?? "", String(view.progress.currentPass ?? 0),
                  view.due?.description ?? "", view.timeText]
                 + view.c.events.flatMap { $0.due.map { "\($0.step)=\($0.day)" } }
                 + view.progress.records.map { $0.status.rawValue })
        }, shows: { join([$0.c.title, $0.c.unit, $0.stateLabel]) }, listsAlways: { $0.progress.state.isOpen })
    }

    static func feed(_ make: @escaping @Sendable () throws -> Page) -> Listing {
        Listing(make: { [try make()] }, counts: { join(events($0)) }, shows: { join([$0.c.title, $0.c.unit]) },
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
