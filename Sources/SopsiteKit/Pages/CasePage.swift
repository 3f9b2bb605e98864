import BusinessTime
import MarkdownBridge
import Templates

/// `/cases/<id>/`: the case report with its timeline against the SOP's targets.
struct CasePage {
    let context: PageContext
    let markdown: Markdown
    let calendar: WorkCalendar
    /// What the Gantt charts of the case's SOP write the same (`CaseGantt.texts`).
    let ganttTexts: CaseGantt.Texts

    func render(_ view: CaseView, theme: Theme) -> Page {
        // A case page is its report and about 20 KB more (the timeline and the Gantt chart).
        theme.page(view.url + "index.html", "case", values(view), capacity: view.c.report.htmlBytes.count + 24 * 1024)
    }

    /// The page's values.
    func values(_ view: CaseView) -> TemplateMap {
        // The case read through its view, not copied: a copy counted a reference for each text.
        var values = TemplateMap(capacity: 32)
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
        let gantt = CaseGantt(view.progress, opened: view.c.opened, asOf: context.asOf, calendar: calendar)
        values.html("gantt", gantt.svg(caseID: view.c.id, texts: ganttTexts, words: context.words))
        // By index, each record and event read in place: copying them counted a reference
        // for each of their texts.
        values.list("timeline", view.progress.records.indices) { values, i in
            write(view.progress.records[i], of: view, into: &values)
        }
        return values
    }

    /// Event `i` of `events`, read field by field where it lies: passed as a value, even
    /// `borrowing`, an event was copied, counting a reference for each of its texts.
    func write(_ events: [Event], _ i: Int, decision: Decision?, into values: inout TemplateMap) {
        let words = context.words
        if let answer = events[i].answer, let decision {
            values.text("answer", decision.said(answer))
        }
        values.text("by", ifAny: events[i].by)
        values.text("date", words.moment(events[i].date))
        values.text("date_iso", events[i].date.day.description)
        values.list("documents", events[i].documents) { values, doc in
            values.text("link", ifAny: doc.link)
            values.text("title", doc.title)
        }
        values.flag("has_documents", !events[i].documents.isEmpty)
        if let note = events[i].note { values.text("note", markdown.inlineHTML(note)) }
    }
}
