import BusinessTime

/// Where a case stands at the as-of date.
public enum CaseState: String, Sendable, CaseIterable {
    case inProgress = "in-progress"
    case overdue
    case rejected
    case handedOver = "handed-over"
    case maintenance

    /// Cases still moving through the SOP; the others are closed or handed over.
    public var isOpen: Bool { self == .inProgress || self == .overdue }
}

/// How one step of the SOP went for a case.
public enum StepStatus: String, Sendable, CaseIterable {
    case doneOnTime = "done-on-time"
    case doneLate = "done-late"
    /// Done, with no target to judge it by (per scope with no agreed due date).
    case done
    case inProgress = "in-progress"
    case overdue
    /// An ongoing step the case has reached (SW01 step 9), with or without events.
    case ongoing
    case notReached = "not-reached"
    /// Not on the case's path: a decision's answer led elsewhere.
    case skipped

    /// Whether a record of this status is a pass through the step (done, or running): not for
    /// a step not reached, skipped, or ongoing (which has events but no passes).
    public var isPass: Bool {
        switch self {
        case .notReached, .skipped, .ongoing: return false
        default: return true
        }
    }

    /// The status's place among `allCases`.
    var ordinal: Int {
        switch self {
        case .doneOnTime: return 0
        case .doneLate: return 1
        case .done: return 2
        case .inProgress: return 3
        case .overdue: return 4
        case .ongoing: return 5
        case .notReached: return 6
        case .skipped: return 7
        }
    }

    /// Hashed and compared by case: an enum with raw values is otherwise hashed by its raw
    /// text, and statuses key dictionaries read for every row of every case page's chart.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
    public static func == (a: StepStatus, b: StepStatus) -> Bool { a.ordinal == b.ordinal }
}

/// One time through a step. A step the case went back to (a decision's "no" that loops) is
/// done more than once, each pass timed from its own start against the step's target.
public struct StepPass: Sendable {
    public var status: StepStatus
    public var start: Moment?
    /// The event that completed the pass; nil while it runs.
    public var end: Moment?
    public var timing: Timing?
    /// The event that completed it, by its place in the case's events.
    public var event: Int?
    /// For a second or later pass, the event that sent the case back to the step (usually a
    /// decision's "no"): the page shows its answer and note.
    public var sentBack: Int?
}

/// A step of the SOP as this case went through it: its latest pass (the current one, when the
/// case is at it), and the passes before it.
public struct StepRecord: Sendable {
    public var step: Step
    public var status: StepStatus
    public var start: Moment?
    /// The event that completed the latest pass.
    public var end: Moment?
    public var timing: Timing?
    /// The step's events over every pass, by their place in the case's events (not copies:
    /// 90,000 events at 10,000 cases, a tenth of a build's memory).
    public var events: [Int]
    /// The latest pass's sending-back event (see `StepPass.sentBack`).
    public var sentBack: Int?
    /// The passes before the latest, in order; empty for a step done once (no allocation).
    public var earlier: [StepPass] = []

    /// The latest pass.
    public var pass: StepPass {
        StepPass(status: status, start: start, end: end, timing: timing,
                 event: end == nil ? nil : events.last, sentBack: sentBack)
    }

    /// Every pass, in order: one for a step done once or running, none for a step not reached.
    public var passes: [StepPass] { status.isPass ? earlier + [pass] : earlier }

    /// How many times the case has been through the step, the running pass included.
    public var rounds: Int { earlier.count + (status.isPass ? 1 : 0) }
}

/// What the portal derives from a case at the as-of date.
public struct CaseProgress: Sendable {
    public var state: CaseState
    /// The step the case is at; nil once it has ended.
    public var current: Step?
    /// The current step's timing, measured to the end of the as-of day.
    public var currentTiming: Timing?
    /// Every step of the SOP, in the SOP's order.
    public var records: [StepRecord]
    /// The last event's date, or the opening.
    public var lastActivity: Moment
    /// How the case ended in the SOP's words, when the "no" that ended it names an outcome.
    public var outcome: String?

    /// Which pass of the current step the case is in: 2 once it has been sent back to it.
    public var currentPass: Int? {
        guard let current else { return nil }
        return records.first { $0.step === current }.map { max($0.rounds, 1) }
    }
}
