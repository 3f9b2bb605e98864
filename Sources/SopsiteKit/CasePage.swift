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
            let context = page.context, c = view.c
            context.writeCommon(url: view.url, title: "\(c.id) \(c.title)", into: &values)
            values.text("body", c.report.html)
            values.map("case") { values in
                values.text("contact", ifAny: c.contact)
                view.writeSummary(into: &values)
                values.text("sop_title", view.sop.title)
                values.text("sop_url", "sops/\(view.sop.code)/")
            }
            if c.manual != nil { values.text("manual_url", "manual/") }
            if view.progress.state == .handedOver || view.progress.state == .maintenance {
                values.text("survey_url", context.site.surveyURL(for: c.id))
            }
            values.list("timeline", view.progress.records) { values, record in
                page.write(record, of: view, into: &values)
            }
        }
    }

    /// One step of the timeline: its status in words, its time against its target, its events.
    private func write<Context: TemplateContext>(_ r: StepRecord, of view: CaseView, into values: inout Context) {
        let words = context.words
        var detail = ""
        if let timing = r.timing {
            detail = words.timing(timing, running: r.end == nil)
            if let due = timing.due, r.end == nil { detail += " · " + words.fill("timing_due", ["due": words.moment(due)]) }
        } else if r.status == .skipped {
            detail = words["skipped_because"]
        }
        values.text("detail", ifNotEmpty: detail)
        values.list("events", r.events) { values, i in write(view.c.events[i], of: r.step, into: &values) }
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

    private func write<Context: TemplateContext>(_ e: Event, of step: Step, into values: inout Context) {
        let words = context.words
        if let answer = e.answer, let decision = step.decision {
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
