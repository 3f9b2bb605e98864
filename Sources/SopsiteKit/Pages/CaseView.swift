import BusinessTime
import Foundation
import Templates

/// A case as every page shows it (list, dashboard, case page, status.json): the values a
/// template needs, worded in the page's language. A class: the pages that list or count cases
/// pass 10,000 of them around, and copying the struct retained every field each time.
/// Unchecked: the kept entries are set in `init` only.
final class CaseView: @unchecked Sendable {
    let c: Case
    let sop: SOP
    let progress: CaseProgress
    let words: Words
    let baseURL: String
    /// The year of the request in the page's calendar (2569, or 2026 in English): the list's filter.
    let year: String
    /// The date of the case's newest event, if it has events (the dashboard's latest events).
    let newestEvent: Moment?
    /// "cases/<id>/".
    let url: String
    /// The case's state in words.
    let stateLabel: String
    /// "3 พิจารณา" ("3 พิจารณา (รอบที่ 2)" on a second pass), or nothing once the case has ended.
    let currentStep: String
    /// The current step's time against its target, or nothing when it has none.
    let timeText: String
    /// When the case was opened, and when its current step is due (if it has a target), in words.
    let openedText: String, dueText: String
    /// Make and keep what the lists show of the case (its row, its status.json entry): `serve`
    /// keeps the views of unchanged cases between edits, so an edit makes only its own case's
    /// entries again, and each row keeps its text in the lists. A build needs each once and
    /// does not keep them (memory).
    let keepsEntries: Bool
    // Separate fields rather than a tuple: reading one field of an optional tuple retained all.
    private var keptRow: TemplateRow?
    private var keptCalendar: [ICalendar.Written]?

    init(c: Case, sop: SOP, progress: CaseProgress, words: Words, baseURL: String, keepsEntries: Bool = false) {
        self.c = c
        self.sop = sop
        self.progress = progress
        self.words = words
        self.baseURL = baseURL
        self.keepsEntries = keepsEntries
        year = String(words.dayStyle == .thai ? c.opened.day.buddhistYear : c.opened.day.year)
        newestEvent = c.events.lazy.map(\.date).max()
        // Worded once: the case page, the case list, the dashboard, the badge and status.json
        // each wrote them again.
        url = "cases/\(c.id)/"
        // A case ended by a "no" that names its outcome shows it in the SOP's words.
        stateLabel = progress.outcome ?? words["state_" + progress.state.rawValue]
        // "3 พิจารณา", and "(รอบที่ 2)" once the case has been sent back to it.
        var currentStep = progress.current.map { "\($0.id) \($0.title)" } ?? ""
        if let pass = progress.currentPass, pass > 1 {
            currentStep += " (" + words.fill("timeline_round", ["n": String(pass)]) + ")"
        }
        self.currentStep = currentStep
        timeText = progress.currentTiming.map { words.timing($0, running: true) } ?? ""
        openedText = words.moment(c.opened)
        dueText = progress.currentTiming?.due.map { words.moment($0) } ?? ""
        // Made with the view (on every core when the renderer makes them all), so that reading
        // them for 10,000 rows takes no lock.
        if keepsEntries {
            keptRow = TemplateRow(makeSummary())
            keptCalendar = CalendarFeed.events(of: self, words: words)
        }
    }

    /// The values the list, the dashboard and the case page share. Empty values are left
    /// out, so that a template's `{{#time}}...{{/time}}` shows nothing for them.
    var summary: TemplateMap { keptRow?.values ?? makeSummary() }
    /// The case's row in the lists: in `serve`, the kept row, which keeps its text.
    var row: TemplateValue { keptRow.map(TemplateValue.row) ?? .map(makeSummary()) }
    /// The case's entry in status.json. Not kept: `serve` keeps every entry's bytes in one
    /// buffer (`JoinedLines`), and an edit compares the entry of one case.
    var statusEntry: String { StatusJSON.entry(self, baseURL: baseURL) }
    /// The case's row in the case list's index (cases/index.json); `serve` keeps every row's
    /// bytes in one buffer (`JoinedLines`).
    var listIndexRow: String { CaseListPage.indexRow(self) }
    /// The case's events in the calendar feeds (none once it has ended).
    var calendarEvents: [ICalendar.Written] { keptCalendar ?? CalendarFeed.events(of: self, words: words) }

    /// Open and at a decision: waiting for someone to decide (the dashboard's second list).
    var isWaiting: Bool { progress.state.isOpen && progress.current?.decision != nil }

    /// When the current step is due, if it has a target.
    var due: Moment? { progress.currentTiming?.due }

    private func makeSummary() -> TemplateMap {
        var values = TemplateMap()
        writeSummary(into: &values)
        return values
    }

    /// The summary's values.
    func writeSummary(into values: inout TemplateMap) {
        values.text("current_step", ifNotEmpty: currentStep)
        values.text("current_step_id", ifNotEmpty: progress.current?.id ?? "")
        values.text("due", ifNotEmpty: dueText)
        values.text("id", ifNotEmpty: c.id)
        values.text("opened", ifNotEmpty: openedText)
        values.text("opened_iso", ifNotEmpty: c.opened.day.description)
        values.text("sop", ifNotEmpty: sop.code)
        values.text("state", ifNotEmpty: progress.state.rawValue)
        values.text("state_label", ifNotEmpty: stateLabel)
        values.text("time", ifNotEmpty: timeText)
        values.text("title", ifNotEmpty: c.title)
        values.text("unit", ifNotEmpty: c.unit)
        values.text("url", ifNotEmpty: url)
        values.text("year", ifNotEmpty: year)
    }
}
