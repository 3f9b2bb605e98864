import BusinessTime

/// The home page's view of the cases: counts by state and by current step, what is overdue
/// (longest overdue first), what waits for a decision, and the latest events.
struct Dashboard {
    let views: [CaseView]

    var byState: [(state: CaseState, count: Int)] {
        CaseState.allCases.map { state in (state, views.count { $0.progress.state == state }) }
    }

    /// Open cases by the step they are at, in each SOP's order.
    var byStep: [(sop: SOP, step: Step, count: Int)] {
        var counts: [String: [String: Int]] = [:]  // SOP code → step id → open cases there
        var sops: [String: SOP] = [:]
        for view in views where view.progress.state.isOpen {
            sops[view.sop.code] = view.sop
            if let id = view.progress.current?.id { counts[view.sop.code, default: [:]][id, default: 0] += 1 }
        }
        return sops.keys.sorted().flatMap { code in
            sops[code]!.steps.compactMap { step in counts[code]?[step.id].map { (sops[code]!, step, $0) } }
        }
    }

    /// Overdue cases, the one whose step fell due earliest first.
    var overdue: [CaseView] {
        views.filter { $0.progress.state == .overdue }.sorted {
            ($0.due ?? $0.c.opened, $0.c.id) < ($1.due ?? $1.c.opened, $1.c.id)
        }
    }

    /// Open cases whose current step is a decision (SW01 step 3: the director's).
    var waiting: [CaseView] {
        views.filter { $0.progress.state.isOpen && $0.progress.current?.decision != nil }
    }

    /// The most recent events across all cases, newest first. Keeps only the newest `limit` on
    /// the way, by index (a portal of 10,000 cases has 90,000 events; the dashboard shows ten,
    /// and copying a case for each event cost more than the rest of the page).
    func latest(_ limit: Int) -> [(view: CaseView, event: Event)] {
        var kept: [(date: Moment, id: String, view: Int, event: Int)] = []
        kept.reserveCapacity(limit + 1)
        func newer(_ a: (date: Moment, id: String, view: Int, event: Int), than b: (date: Moment, id: String, view: Int, event: Int)) -> Bool {
            a.date != b.date ? a.date > b.date : a.id > b.id
        }
        for (v, view) in views.enumerated() {
            let events = view.c.events
            for e in events.indices {
                let item = (date: events[e].date, id: view.c.id, view: v, event: e)
                if kept.count == limit, let last = kept.last, !newer(item, than: last) { continue }
                let at = kept.firstIndex { newer(item, than: $0) } ?? kept.count
                kept.insert(item, at: at)
                if kept.count > limit { kept.removeLast() }
            }
        }
        return kept.map { (view: views[$0.view], event: views[$0.view].c.events[$0.event]) }
    }
}
