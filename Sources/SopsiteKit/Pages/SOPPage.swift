import BusinessTime
import Flowchart

/// The SOP as the office publishes it: header block, swimlane flowchart, step table, body.
struct SOPPage {
    let context: PageContext
    let markdown: Markdown

    func render(_ sop: SOP, theme: Theme) -> Page {
        let url = "sops/\(sop.code)/"
        var values = context.common(url: url, title: "\(sop.code) \(sop.title)")
        values["sop"] = [
            "code": sop.code,
            "organisation": sop.organisation,
            "document": sop.document,
            "title": sop.title,
            "issued": context.format(sop.issued),
            "issued_iso": sop.issued.description,
            "written_by": sop.writtenBy,
            "controlled_by": sop.controlledBy,
            "approved_by": sop.approvedBy,
        ]
        values["flowchart"] = flowchart(sop).svg(idPrefix: "flowchart-\(sop.code)")
        values["steps"] = sop.steps.map { step(sop, $0) }
        values["body"] = markdown.html(sop.body)
        return theme.page(url + "index.html", "sop", values)
    }

    private func step(_ sop: SOP, _ step: Step) -> [String: Any] {
        let responsible = step.responsible
            ?? step.roles.compactMap { sop.role($0)?.name }.joined(separator: "/")
        var values: [String: Any] = [
            "id": step.id,
            "title": step.title,
            "responsible": responsible,
            "procedure": markdown.html(step.procedure),
            "documents": step.documents.map { markdown.inlineHTML($0) },
            "has_documents": !step.documents.isEmpty,
            "duration": step.duration?.text ?? "",
            "ongoing": step.ongoing,
        ]
        if let decision = step.decision {
            values["decision"] = ["question": decision.question, "yes": decision.yes.label, "no": decision.no.label]
        }
        return values
    }

    /// The SOP in the flowchart's terms: lanes are roles, boxes are steps.
    func flowchart(_ sop: SOP) -> Flowchart {
        func target(_ t: StepTarget) -> Flowchart.Target {
            switch t {
            case let .step(id): return .step(id)
            case .end: return .end
            }
        }
        func branch(_ b: Branch) -> Flowchart.Branch {
            let action = b.action.flatMap { text in b.actionRole.map { Flowchart.Action(label: text, lane: $0) } }
            return Flowchart.Branch(label: b.label, action: action, target: target(b.target))
        }
        let steps = sop.steps.map { step in
            // Numbered steps carry their number into the drawing, so that a reader can match a
            // box to its row of the table; a decision's diamond names its step too.
            let label = step.id.allSatisfy(\.isNumber) ? "\(step.id). \(step.title)" : step.title
            return Flowchart.Step(
                id: step.id, label: label, lanes: step.roles,
                decision: step.decision.map {
                    Flowchart.Decision(question: "\(label): \($0.question)", yes: branch($0.yes), no: branch($0.no))
                },
                next: target(step.next), ongoing: step.ongoing)
        }
        let t = context.strings
        let summary = describe(sop)
        return Flowchart(
            title: "\(t["flowchart"] ?? "") \(sop.code) \(sop.title)",
            description: summary,
            lanes: sop.roles.map { Flowchart.Lane(id: $0.id, name: $0.name) },
            steps: steps,
            words: Flowchart.Words(start: t["flowchart_start"] ?? "", end: t["flowchart_end"] ?? "",
                                   ongoing: t["flowchart_ongoing"] ?? ""))
    }

    /// The flow in words, for screen readers: each step, and where each answer of a decision leads.
    func describe(_ sop: SOP) -> String {
        let t = context.strings
        func name(_ target: StepTarget) -> String {
            switch target {
            case let .step(id): return "\(t["step_number"] ?? "") \(id)"
            case .end: return t["flowchart_end"] ?? ""
            }
        }
        let steps = sop.steps.map { step -> String in
            var text = "\(step.id). \(step.title)"
            if let d = step.decision {
                // The end a "no" leads to is named by its outcome, when the SOP gives one.
                let end = d.no.outcome.map { "\(name(d.no.target)): \($0)" } ?? name(d.no.target)
                let no = [d.no.action, end].compactMap { $0 }.joined(separator: " → ")
                text += " (\(d.question) \(d.yes.label) → \(name(d.yes.target)); \(d.no.label) → \(no))"
            }
            if step.ongoing { text += " (\(t["flowchart_ongoing"] ?? ""))" }
            return text
        }
        return ([t["flowchart_start"] ?? ""] + steps + [t["flowchart_end"] ?? ""]).joined(separator: " → ")
    }
}
