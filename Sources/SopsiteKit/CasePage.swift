import BusinessTime

/// `/cases/<id>/`: the case report with its timeline against the SOP's targets.
struct CasePage {
    let context: PageContext
    let markdown: Markdown

    func render(_ view: CaseView, theme: Theme) -> Page {
        let words = context.words
        var values = context.common(url: view.url, title: "\(view.c.id) \(view.c.title)")
        var summary = view.summary
        if let contact = view.c.contact { summary["contact"] = contact }
        summary["sop_title"] = view.sop.title
        summary["sop_url"] = "sops/\(view.sop.code)/"
        values["case"] = summary
        values["timeline"] = view.progress.records.map { record(view, $0, words) }
        values["body"] = view.c.report.html
        if view.c.manual != nil { values["manual_url"] = "manual/" }
        if view.progress.state == .handedOver || view.progress.state == .maintenance {
            values["survey_url"] = context.site.surveyURL(for: view.c.id)
        }
        return theme.page(view.url + "index.html", "case", values)
    }

    /// One step of the timeline: its status in words, its time against its target, its events.
    private func record(_ view: CaseView, _ r: StepRecord, _ words: Words) -> [String: Any] {
        var detail = ""
        if let timing = r.timing {
            detail = words.timing(timing, running: r.end == nil)
            if let due = timing.due, r.end == nil { detail += " · " + words.fill("timing_due", ["due": words.moment(due)]) }
        } else if r.status == .skipped {
            detail = words["skipped_because"]
        }
        var values: [String: Any] = [
            "id": r.step.id,
            "title": r.step.title,
            "status": r.status.rawValue,
            "status_label": words["status_" + r.status.rawValue],
            "events": r.events.map { event(view, view.c.events[$0], r.step, words) },
        ]
        if !detail.isEmpty { values["detail"] = detail }
        if r.status == .inProgress, let timing = r.timing, let target = timing.target {
            // A <progress> element shows how much of the target is used, without inline styles.
            values["meter"] = ["value": String(value(timing.used)), "max": String(max(value(target), 1))]
        }
        return values
    }

    private func value(_ amount: Amount) -> Int {
        switch amount {
        case let .days(n), let .minutes(n): return n
        }
    }

    private func event(_ view: CaseView, _ e: Event, _ step: Step, _ words: Words) -> [String: Any] {
        // Absent values stay out of the dictionary: an empty string would still open a section.
        var values: [String: Any] = [
            "date": words.moment(e.date),
            "date_iso": e.date.day.description,
            "documents": e.documents.map { doc -> [String: String] in
                doc.link.map { ["title": doc.title, "link": $0] } ?? ["title": doc.title]
            },
            "has_documents": !e.documents.isEmpty,
        ]
        if let by = e.by { values["by"] = by }
        if let note = e.note { values["note"] = markdown.inlineHTML(note) }
        if let answer = e.answer, let decision = step.decision {
            values["answer"] = answer ? decision.yes.label : decision.no.label
        }
        return values
    }
}
