import BusinessTime
import Templates

/// The case page's timeline: one item per step of the SOP, and in a step the case went through
/// more than once (a loop back), one item per pass ("รอบที่ 2"), each timed against the target.
extension CasePage {
    /// One step: its status in words, its time against its target, its events; or its passes.
    func write(_ r: borrowing StepRecord, of view: CaseView, into values: inout TemplateMap) {
        let decision = r.step.decision
        guard !r.earlier.isEmpty else {
            // Done once, running, or not reached: the step is its only pass (or has none).
            writeTiming(r.timing, r.status, running: r.end == nil, events: r.events, decision: decision, of: view, into: &values)
            values.text("id", r.step.id)
            writeMeter(r.timing, r.status, into: &values)
            writeStatus(r.status, into: &values)
            values.text("title", r.step.title)
            return
        }
        // The step's own line says how it stands now and how many rounds it took.
        values.text("detail", context.words.fill("timeline_rounds", ["n": String(r.rounds)]))
        values.text("id", r.step.id)
        values.flag("looped", true)
        values.list("passes", r.passes.enumerated()) { values, item in
            let (n, pass) = item
            if let back = pass.sentBack { writeSentBack(view.c.events[back], of: view, into: &values) }
            writeTiming(pass.timing, pass.status, running: pass.end == nil, events: pass.event.map { [$0] } ?? [],
                        decision: decision, of: view, into: &values)
            writeMeter(pass.timing, pass.status, into: &values)
            values.text("round", String(n + 1))
            values.text("round_label", context.words.fill("timeline_round", ["n": String(n + 1)]))
            writeStatus(pass.status, into: &values)
        }
        writeStatus(r.status, into: &values)
        values.text("title", r.step.title)
    }

    /// What sent the case back to the step: the step and its answer, when, and the note.
    private func writeSentBack(_ e: borrowing Event, of view: CaseView,
                                                         into values: inout TemplateMap) {
        let step = view.sop.steps.first { $0.id == e.step }
        let words = context.words
        values.map("back") { values in
            if let answer = e.answer, let decision = step?.decision { values.text("answer", decision.said(answer)) }
            values.text("date", words.moment(e.date))
            values.text("date_iso", e.date.day.description)
            if let note = e.note { values.text("note", markdown.inlineHTML(note)) }
            values.text("text", words.fill("timeline_sent_back", ["step": e.step, "title": step?.title ?? ""]))
        }
    }

    /// A pass's time against the target (and when it is due while it runs), and its events.
    private func writeTiming(_ timing: Timing?, _ status: StepStatus, running: Bool,
                                                       events: [Int], decision: Decision?, of view: CaseView,
                                                       into values: inout TemplateMap) {
        let words = context.words
        var detail = ""
        if let timing {
            detail = words.timing(timing, running: running)
            if let due = timing.due, running { detail += " · " + words.fill("timing_due", ["due": words.moment(due)]) }
        } else if status == .skipped {
            detail = words["skipped_because"]
        }
        values.text("detail", ifNotEmpty: detail)
        values.list("events", events) { values, i in write(view.c.events, i, decision: decision, into: &values) }
    }

    /// While a pass runs on time, a <progress> element shows how much of the target is used,
    /// without inline styles.
    private func writeMeter(_ timing: Timing?, _ status: StepStatus, into values: inout TemplateMap) {
        guard status == .inProgress, let timing, let target = timing.target else { return }
        values.map("meter") { values in
            values.text("max", String(max(value(target), 1)))
            values.text("value", String(value(timing.used)))
        }
    }

    private func writeStatus(_ status: StepStatus, into values: inout TemplateMap) {
        values.text("status", status.rawValue)
        values.text("status_label", context.words.status(status))
    }

    private func value(_ amount: Amount) -> Int {
        switch amount {
        case let .days(n), let .minutes(n): return n
        }
    }
}
