import BusinessTime

/// The home page's view of the cases: counts by state and by current step, what is overdue
/// (longest overdue first), what waits for a decision, and the latest events.
struct Dashboard {
    let views: [CaseView]
    let glances: CaseGlances
    let byState: [(state: CaseState, count: Int)]
    /// Open cases by the step they are at, in each SOP's order.
    let byStep: [(sop: SOP, step: Step, count: Int)]
    /// Overdue cases, the one whose step fell due earliest first.
    let overdue: [CaseView]
    /// Open cases whose current step is a decision (SW01 step 3: the director's).
    let waiting: [CaseView]

    /// All of it in one pass over the cases: 10,000 of them lie all over memory, and each pass
    /// cost about as much as the page's template.
    init(views: [CaseView], glances: CaseGlances? = nil) {
        self.views = views
        let glances = glances ?? CaseGlances(views)
        self.glances = glances
        var states: [CaseState: Int] = [:]
        var counts: [String: [String: Int]] = [:]  // SOP code → step id → open cases there
        var sops: [String: SOP] = [:]
        var overdue: [(due: Moment, view: CaseView)] = [], waiting: [CaseView] = []
        for (i, state) in glances.states.enumerated() {
            states[state, default: 0] += 1
            guard state.isOpen else { continue }
            let view = views[i]
            if state == .overdue { overdue.append((view.due ?? view.c.opened, view)) }
            if sops[view.sop.code] == nil { sops[view.sop.code] = view.sop }
            guard let current = view.progress.current else { continue }
            counts[view.sop.code, default: [:]][current.id, default: 0] += 1
            if view.isWaiting { waiting.append(view) }
        }
        byState = CaseState.allCases.map { ($0, states[$0] ?? 0) }
        byStep = sops.keys.sorted().flatMap { code in
            sops[code]!.steps.compactMap { step in counts[code]?[step.id].map { (sops[code]!, step, $0) } }
        }
        // Each case's date found once, not at every comparison (2,000 overdue cases).
        self.overdue = overdue.sorted { $0.due != $1.due ? $0.due < $1.due : $0.view.c.id < $1.view.c.id }.map(\.view)
        self.waiting = waiting
    }

    /// The most recent events across all cases, newest first. Keeps only the newest `limit` on
    /// the way, by index (a portal of 10,000 cases has 90,000 events; the dashboard shows ten,
    /// and copying a case for each event cost more than the rest of the page).
    func latest(_ limit: Int) -> [(view: CaseView, event: Event)] { Dashboard.latest(limit, of: views, glances: glances) }

    /// The same for any cases, without the dashboard's counts (the feed and `serve` need only
    /// these; counting 10,000 cases for them took most of the time of a step-done edit).
    static func latest(_ limit: Int, of views: [CaseView], glances: CaseGlances? = nil) -> [(view: CaseView, event: Event)] {
        let newestEvents = (glances ?? CaseGlances(views)).newestEvents
        var kept: [(date: Moment, id: String, view: Int, event: Int)] = []
        kept.reserveCapacity(limit + 1)
        func newer(_ a: (date: Moment, id: String, view: Int, event: Int), than b: (date: Moment, id: String, view: Int, event: Int)) -> Bool {
            a.date != b.date ? a.date > b.date : a.id > b.id
        }
        // The cases from the last id back: ids carry the year, so the newest events come first
        // and soon every other case is skipped whole (the result is the same in any order:
        // events of one case stay in their order, and different cases never tie).
        for v in views.indices.reversed() {
            // Most cases' events are all older than the ones kept: the case is not read.
            if kept.count == limit, let last = kept.last, let newest = newestEvents[v], newest < last.date { continue }
            let view = views[v]
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
