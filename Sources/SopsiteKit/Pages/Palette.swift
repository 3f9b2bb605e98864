/// The portal's colours for states and step statuses, one place for the badges, the charts and
/// the Gantt chart (style.css repeats them for the state labels; `PaletteTests` holds the two
/// equal). Chosen to stay apart for readers with any of the three kinds of colour blindness
/// (simulated, the least difference between two states at least 15 in CIELAB), and dark enough
/// for white text (4.5:1), so also at least 3:1 against the white page. A colour never says
/// something alone: states have their words beside them, late parts a pattern too.
enum Palette {
    static let states: [CaseState: String] = [
        .inProgress: "#3358d6", .overdue: "#b82e00", .rejected: "#5e6a75",
        .handedOver: "#118046", .maintenance: "#83459a",
    ]

    /// The order in which charts and legends list states.
    static let stateOrder: [CaseState] = [.inProgress, .overdue, .handedOver, .maintenance, .rejected]

    /// A step's bar in the Gantt chart: done on time as a case handed over, running as a case in
    /// progress, late as an overdue one (with the hatching), an ongoing step as maintenance.
    static func bar(_ status: StepStatus) -> String {
        switch status {
        case .doneOnTime, .doneLate: return handedOver
        case .inProgress, .overdue: return inProgress
        case .ongoing: return maintenance
        case .done, .notReached, .skipped: return rejected
        }
    }

    // Looked up once: a bar is drawn for each step of 10,000 cases.
    private static let handedOver = states[.handedOver]!
    private static let inProgress = states[.inProgress]!
    private static let maintenance = states[.maintenance]!
    private static let rejected = states[.rejected]!

    static let late = states[.overdue]!
    /// A chart's bars that are not states (a share on time, a median): the site's accent.
    static let accent = "#0b5394"
    static let ink = "#1b1f24"
    static let muted = "#57606a"
    /// Weekends and holidays behind the bars: light, so the bars keep their contrast.
    static let nonWorking = "#e6e9ed"
    static let grid = "#c9d1d9"
}
