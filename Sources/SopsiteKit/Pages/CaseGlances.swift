import BusinessTime

/// What the dashboard and the feed look at first in every case, side by side in the cases'
/// order: each case's state and the date of its newest event. Reading them from 10,000 views
/// lying all over memory waited on memory for each (most of the dashboard's time after an edit
/// in `serve`); from two arrays, only the cases they then show are read. `Renderer` keeps them
/// in step with its views.
struct CaseGlances: Sendable {
    private(set) var states: [CaseState] = []
    private(set) var newestEvents: [Moment?] = []

    init(_ views: [CaseView]) {
        states = views.map(\.progress.state)
        newestEvents = views.map(\.newestEvent)
    }

    /// With the cases `range` replaced by `views` (none: removed; an empty range: added).
    mutating func replacing(_ range: Range<Int>, with views: [CaseView]) {
        states.replaceSubrange(range, with: views.map(\.progress.state))
        newestEvents.replaceSubrange(range, with: views.map(\.newestEvent))
    }
}
