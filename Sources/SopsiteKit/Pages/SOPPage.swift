import BusinessTime
import Flowchart
import MarkdownBridge
import Templates
import ThaiWords

/// The SOP as the office publishes it: header block, swimlane flowchart, step table, body.
struct SOPPage {
    let context: PageContext
    let markdown: Markdown

    /// What the page shows of the SOP itself, all but its cases' figures: its values and each
    /// step's. `serve` keeps it (`Renderer.sopPages`): a step done changes the figures, and
    /// laying out the flowchart and rendering the procedures again took most of a remake.
    struct Fixed: Sendable {
        var values: TemplateMap
        var steps: [TemplateMap]
    }

    func fixed(_ sop: SOP) -> Fixed {
        let url = "sops/\(sop.code)/"
        var values = context.common(url: url, title: "\(sop.code) \(sop.title)")
        values.map("sop") { values in
            values.text("code", sop.code)
            values.text("organisation", sop.organisation)
            values.text("document", sop.document)
            values.text("title", sop.title)
            values.text("issued", context.format(sop.issued))
            values.text("issued_iso", sop.issued.description)
            values.text("written_by", sop.writtenBy)
            values.text("controlled_by", sop.controlledBy)
            values.text("approved_by", sop.approvedBy)
        }
        values.text("flowchart", flowchart(sop).svg(idPrefix: "flowchart-\(sop.code)"))
        values.text("body", markdown.html(sop.body))
        let steps = sop.steps.map { step in
            var values = TemplateMap()
            self.step(sop, step, into: &values)
            return values
        }
        return Fixed(values: values, steps: steps)
    }

    /// `figures`: each step's figures over the SOP's cases (`ReportStats.steps`, in the steps'
    /// order); none before any case. `fixed`: the SOP's own values, when kept.
    func render(_ sop: SOP, fixed: Fixed? = nil, figures: [StepFigures] = [], theme: Theme) -> Page {
        let fixed = fixed ?? self.fixed(sop)
        var values = fixed.values
        values.list("steps", values: fixed.steps.indices.map { i in
            var step = fixed.steps[i]
            if i < figures.count { actual(figures[i], into: &step) }
            return .map(step)
        })
        values.flag("has_figures", figures.contains { $0.through > 0 })
        return theme.page("sops/\(sop.code)/index.html", "sop", values)
    }

    private func step(_ sop: SOP, _ step: Step, into values: inout TemplateMap) {
        let responsible = step.responsible
            ?? step.roles.compactMap { sop.role($0)?.name }.joined(separator: "/")
        values.text("id", step.id)
        values.text("title", step.title)
        values.text("responsible", responsible)
        values.text("procedure", markdown.html(step.procedure))
        values.texts("documents", step.documents.map { markdown.inlineHTML($0) })
        values.flag("has_documents", !step.documents.isEmpty)
        values.text("duration", step.duration?.text ?? "")
        values.flag("ongoing", step.ongoing)
        if let decision = step.decision {
            values.map("decision") { values in
                values.text("question", decision.question)
                values.text("yes", decision.yes.label)
                values.text("no", decision.no.label)
            }
        }
    }

    /// How the step went over the SOP's cases, beside its target: the median time and the
    /// share done on time (as the reports count them: every pass, the running one left out).
    private func actual(_ f: StepFigures, into values: inout TemplateMap) {
        guard let median = f.median else { return }
        let words = context.words
        values.map("actual") { values in
            values.text("median", words.amount(median))
            if let percent = f.onTimePercent {
                values.text("on_time", words.fill("reports_on_time_of", ["n": String(f.onTime), "of": String(f.withTarget),
                                                                         "percent": String(percent)]))
            }
        }
    }

    /// The SOP in the flowchart's terms: lanes are roles, boxes are steps. The texts the
    /// flowchart wraps (lane names, boxes, questions) are marked where Thai words meet
    /// (`ThaiWords.marked`), so that a line breaks between words, not inside one.
    func flowchart(_ sop: SOP) -> Flowchart {
        func target(_ t: StepTarget) -> Flowchart.Target {
            switch t {
            case let .step(id): return .step(id)
            case .end: return .end
            }
        }
        func branch(_ b: Branch) -> Flowchart.Branch {
            let action = b.action.flatMap { text in b.actionRole.map { Flowchart.Action(label: ThaiWords.marked(text), lane: $0) } }
            return Flowchart.Branch(label: b.label, action: action, target: target(b.target))
        }
        let steps = sop.steps.map { step in
            // Numbered steps carry their number into the drawing, so that a reader can match a
            // box to its row of the table; a decision's diamond names its step too.
            let label = step.id.allSatisfy(\.isNumber) ? "\(step.id). \(step.title)" : step.title
            return Flowchart.Step(
                id: step.id, label: ThaiWords.marked(label), lanes: step.roles,
                decision: step.decision.map {
                    Flowchart.Decision(question: ThaiWords.marked("\(label): \($0.question)"), yes: branch($0.yes), no: branch($0.no))
                },
                next: target(step.next), ongoing: step.ongoing)
        }
        let t = context.strings
        let summary = describe(sop)
        return Flowchart(
            title: "\(t["flowchart"] ?? "") \(sop.code) \(sop.title)",
            description: summary,
            lanes: sop.roles.map { Flowchart.Lane(id: $0.id, name: ThaiWords.marked($0.name)) },
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
