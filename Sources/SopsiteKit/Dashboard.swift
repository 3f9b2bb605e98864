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
        var rows: [(SOP, Step, Int)] = []
        var sops: [SOP] = []
        for view in views where !sops.contains(where: { $0.code == view.sop.code }) { sops.append(view.sop) }
        for sop in sops.sorted(by: { $0.code < $1.code }) {
            for step in sop.steps {
                let count = views.count { $0.sop.code == sop.code && $0.progress.state.isOpen && $0.progress.current?.id == step.id }
                if count > 0 { rows.append((sop, step, count)) }
            }
        }
        return rows
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
        func newer(_ a: (Int, Int), than b: (Int, Int)) -> Bool {
            let x = views[a.0].c.events[a.1].date, y = views[b.0].c.events[b.1].date
            return x != y ? x > y : views[a.0].c.id > views[b.0].c.id
        }
        var kept: [(Int, Int)] = []
        kept.reserveCapacity(limit + 1)
        for v in views.indices {
            for e in views[v].c.events.indices {
                if kept.count == limit, let last = kept.last, !newer((v, e), than: last) { continue }
                let at = kept.firstIndex { newer((v, e), than: $0) } ?? kept.count
                kept.insert((v, e), at: at)
                if kept.count > limit { kept.removeLast() }
            }
        }
        return kept.map { (view: views[$0.0], event: views[$0.0].c.events[$0.1]) }
    }
}
