/// What a swimlane flowchart is drawn from: the SOP's roles (lanes) and steps, in SOP order.
/// Built by SopsiteKit from an SOP file; knows nothing of files, Markdown or HTML pages.
public struct Flowchart: Sendable, Equatable {
    /// Read by screen readers: the SVG's `<title>` and `<desc>`.
    public var title: String
    public var description: String
    /// One lane per role, drawn left to right in this order.
    public var lanes: [Lane]
    /// The steps in SOP order; the first one follows "start".
    public var steps: [Step]
    /// The interface words the drawing uses (start, end, ongoing), in the page's language.
    public var words: Words

    public init(title: String, description: String, lanes: [Lane], steps: [Step], words: Words) {
        self.title = title
        self.description = description
        self.lanes = lanes
        self.steps = steps
        self.words = words
    }

    public struct Lane: Sendable, Equatable {
        /// The role's id, as steps name it.
        public var id: String
        /// The role's name, shown at the head of the lane.
        public var name: String
        public init(id: String, name: String) { self.id = id; self.name = name }
    }

    /// Where an arrow leads: a step by id, or an end terminal.
    public enum Target: Sendable, Equatable {
        case step(String)
        case end
    }

    /// An extra box on a branch before it reaches its target, in a lane of its own
    /// (SW01 step 3, "no": notify the requesting unit, then end).
    public struct Action: Sendable, Equatable {
        public var label: String
        public var lane: String
        public init(label: String, lane: String) { self.label = label; self.lane = lane }
    }

    /// One answer of a decision: the label on its arrow, an optional action box, and where it leads.
    public struct Branch: Sendable, Equatable {
        public var label: String
        public var action: Action?
        public var target: Target
        public init(label: String, action: Action? = nil, target: Target) {
            self.label = label
            self.action = action
            self.target = target
        }
    }

    public struct Decision: Sendable, Equatable {
        /// The question written in the diamond.
        public var question: String
        public var yes: Branch
        public var no: Branch
        public init(question: String, yes: Branch, no: Branch) {
            self.question = question
            self.yes = yes
            self.no = no
        }
    }

    public struct Step: Sendable, Equatable {
        /// The step's id as the SOP numbers it ("1", "2", ...).
        public var id: String
        /// The short text in the box.
        public var label: String
        /// The roles responsible: the box sits in these lanes (spanning them when they are adjacent).
        public var lanes: [String]
        /// A decision is drawn as a diamond with its question and two labelled branches.
        public var decision: Decision?
        /// Where a process step leads; ignored for a decision (its branches say).
        public var next: Target
        /// An ongoing step (SW01 step 9) is marked as such and has no duration.
        public var ongoing: Bool

        public init(id: String, label: String, lanes: [String], decision: Decision? = nil,
                    next: Target, ongoing: Bool = false) {
            self.id = id
            self.label = label
            self.lanes = lanes
            self.decision = decision
            self.next = next
            self.ongoing = ongoing
        }
    }

    public struct Words: Sendable, Equatable {
        public var start: String
        public var end: String
        public var ongoing: String
        public init(start: String, end: String, ongoing: String) {
            self.start = start
            self.end = end
            self.ongoing = ongoing
        }
    }
}
