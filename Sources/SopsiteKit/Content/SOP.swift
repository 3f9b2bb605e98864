import BusinessTime
import MarkdownBridge

/// A Standard Operating Procedure, from `content/sops/<code>.md`.
public struct SOP: Sendable {
    /// The document code (SW01); also the page's URL: /sops/SW01/.
    public var code: String
    public var organisation: String
    /// The kind of document (มาตรฐานขั้นตอนการปฏิบัติงาน (Standard Operating Procedure)).
    public var document: String
    public var title: String
    public var issued: Day
    public var writtenBy: String
    public var controlledBy: String
    public var approvedBy: String
    /// The responsible parties, in the order of the flowchart's lanes.
    public var roles: [Role]
    public var steps: [Step]
    /// The Markdown body: purpose, scope, notes.
    public var body: String
    public var bodyLine: Int
    public var path: String

    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
}

/// A responsible party: one swimlane.
public struct Role: Sendable, Equatable {
    public var id: String
    public var name: String
}

/// Where a step or a branch leads.
public enum StepTarget: Sendable, Equatable {
    case step(String)
    case end
}

/// A class: every case's record of every step refers to its SOP's step rather than carrying a
/// copy of its texts (384 bytes a copy, 90,000 copies at 10,000 cases). Only the SOP's loader
/// sets `decision` and `next`, before the SOP is shared.
public final class Step: @unchecked Sendable {
    /// The SOP's number for the step ("1" ... "9").
    public let id: String
    /// A short name for the step: the flowchart box and the case timeline show it.
    public let title: String
    public let roles: [String]
    /// The responsible-party cell as the SOP writes it; defaults to the roles' names.
    public let responsible: String?
    /// Markdown, verbatim from the SOP.
    public let procedure: String
    /// Related documents, each inline Markdown.
    public let documents: [String]
    /// Nil only for an ongoing step.
    public let duration: StepDuration?
    public let ongoing: Bool
    public internal(set) var decision: Decision?
    /// Where a process step leads: the next step in the list unless `next:` says otherwise.
    public internal(set) var next: StepTarget
    public let location: SourceLocation

    init(id: String, title: String, roles: [String], responsible: String?, procedure: String, documents: [String],
         duration: StepDuration?, ongoing: Bool, decision: Decision?, next: StepTarget, location: SourceLocation) {
        self.id = id
        self.title = title
        self.roles = roles
        self.responsible = responsible
        self.procedure = procedure
        self.documents = documents
        self.duration = duration
        self.ongoing = ongoing
        self.decision = decision
        self.next = next
        self.location = location
    }
}

public struct Decision: Sendable {
    public var question: String
    public var yes: Branch
    public var no: Branch
}

public struct Branch: Sendable {
    /// The answer as written on the arrow (เห็นควร / ไม่เห็นควร).
    public var label: String
    /// An action taken on this answer before it leads on (แจ้งกลับหน่วยงาน...), by `role`.
    public var action: String?
    public var actionRole: String?
    public var target: StepTarget
    /// How a case ends on this answer, in the SOP's words (ปิดงานโดยศูนย์บริการ): shown instead
    /// of the generic "rejected". Only on a "no" that leads to the end.
    public var outcome: String?
    public var location: SourceLocation
}

extension Decision {
    /// An answer as the pages write it: the branch's label, and the outcome when it ends the case.
    public func said(_ answer: Bool) -> String {
        guard !answer else { return yes.label }
        return no.outcome.map { "\(no.label) · \($0)" } ?? no.label
    }
}
