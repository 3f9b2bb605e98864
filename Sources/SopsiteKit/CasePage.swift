import BusinessTime

/// `/cases/<id>/`: the case report with its timeline against the SOP's targets.
struct CasePage {
    let context: PageContext
    let markdown: Markdown

    func render(_ view: CaseView, theme: Theme) -> Page {
        theme.page(view.url + "index.html", "case", Values(page: self, view: view))
    }

    /// The page's values, written in name order (`TemplateShapeWriter` reads them so fastest).
    struct Values: PageValues {
        let page: CasePage
        let view: CaseView

        func write<Context: TemplateContext>(into values: inout Context) {
            // The case read through its view, not copied: a copy counted a reference for each text.
            let context = page.context
            context.writeCommon(url: view.url, title: "\(view.c.id) \(view.c.title)", into: &values)
            values.html("body", view.c.report.htmlBytes)
            values.map("case") { values in
                values.text("contact", ifAny: view.c.contact)
                view.writeSummary(into: &values)
                values.text("sop_title", view.sop.title)
                values.text("sop_url", "sops/\(view.sop.code)/")
            }
            if view.c.manual != nil { values.text("manual_url", "manual/") }
            if view.progress.state == .handedOver || view.progress.state == .maintenance {
                values.text("survey_url", context.site.surveyURL(for: view.c.id))
            }
            // By index, each record and event read in place: copying them counted a reference
            // for each of their texts.
            values.list("timeline", view.progress.records.indices) { values, i in
                page.write(view.progress.records[i], of: view, into: &values)
            }
        }
    }

    /// One step of the timeline: its status in words, its time against its target, its events.
    private func write<Context: TemplateContext>(_ r: borrowing StepRecord, of view: CaseView, into values: inout Context) {
        let words = context.words
        var detail = ""
        if let timing = r.timing {
            detail = words.timing(timing, running: r.end == nil)
            if let due = timing.due, r.end == nil { detail += " · " + words.fill("timing_due", ["due": words.moment(due)]) }
        } else if r.status == .skipped {
            detail = words["skipped_because"]
        }
        values.text("detail", ifNotEmpty: detail)
        let decision = r.step.decision
        values.list("events", r.events) { values, i in write(view.c.events[i], decision: decision, into: &values) }
        values.text("id", r.step.id)
        if r.status == .inProgress, let timing = r.timing, let target = timing.target {
            // A <progress> element shows how much of the target is used, without inline styles.
            values.map("meter") { values in
                values.text("max", String(max(value(target), 1)))
                values.text("value", String(value(timing.used)))
            }
        }
        values.text("status", r.status.rawValue)
        values.text("status_label", words["status_" + r.status.rawValue])
        values.text("title", r.step.title)
    }

    private func value(_ amount: Amount) -> Int {
        switch amount {
        case let .days(n), let .minutes(n): return n
        }
    }

    private func write<Context: TemplateContext>(_ e: borrowing Event, decision: Decision?, into values: inout Context) {
        let words = context.words
        if let answer = e.answer, let decision {
            values.text("answer", answer ? decision.yes.label : decision.no.label)
        }
        values.text("by", ifAny: e.by)
        values.text("date", words.moment(e.date))
        values.text("date_iso", e.date.day.description)
        values.list("documents", e.documents) { values, doc in
            values.text("link", ifAny: doc.link)
            values.text("title", doc.title)
        }
        values.flag("has_documents", !e.documents.isEmpty)
        if let note = e.note { values.text("note", markdown.inlineHTML(note)) }
    }
}
