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
public enum StepStatus: String, Sendable {
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
}

/// A step of the SOP as this case went through it.
public struct StepRecord: Sendable {
    public var step: Step
    public var status: StepStatus
    public var start: Moment?
    /// The event that completed it (the last one, for a step done more than once).
    public var end: Moment?
    public var timing: Timing?
    /// The step's events, by their place in the case's events (not copies: 90,000 events at
    /// 10,000 cases, a tenth of a build's memory).
    public var events: [Int]
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
}
