import BusinessTime
import MarkdownBridge
import Templates

/// Turns what was loaded into the portal's files. Each kind of page has its own function, so
/// that `serve` can render only what a change affects: one case's pages, then the pages that
/// list or count cases.
struct Renderer: Sendable {
    /// What was loaded; `replaceCase` changes one case of it.
    var content: Content
    let theme: Theme
    /// The day the pages show cases as of: the page context's, held once.
    var asOf: Day { page.asOf }
    let page: PageContext
    let markdown: Markdown
    /// Views keep their list entries once made (see `CaseView`): `serve` keeps the renderer.
    let keepsEntries: Bool
    /// Every case with its SOP and progress, in id order. Like `content`, changed only by
    /// `replaceCase`, which keeps the two in step.
    var views: [CaseView]
    /// Each case's state and newest event, side by side, kept in step with `views`.
    var glances: CaseGlances
    /// In `serve`, the case list's filter options, kept in step with `views`; a build gathers
    /// them while it renders the case list, beside the cases' pages.
    var filters: CaseFilters?
    /// In `serve`, status.json's entries, kept in step with `views`.
    var statusEntries: JoinedLines?
    /// In `serve`: every case's row of the case list's index, in the cases' order.
    var listRows: JoinedLines?
    /// In `serve`, what the reports count of each SOP's cases, kept in step with `views`. A
    /// build counts them while it renders the reports, beside the cases' pages, rather than
    /// on one core before any page is made.
    var reportColumns: [ReportColumns]?
    /// Working days and holidays, for the case pages' Gantt charts.
    let calendar: WorkCalendar
    /// What each SOP's Gantt charts write the same (step labels wrapped, legend texts
    /// measured), by SOP code: made once.
    let ganttTexts: [String: CaseGantt.Texts]
    /// In `serve`, what each SOP's page shows of the SOP itself, by code (`SOPPage.Fixed`);
    /// a build makes each page once and keeps nothing.
    let sopPages: [String: SOPPage.Fixed]

    /// `followed`: each case's progress, in the order of `content.cases`.
    init(content: Content, theme: Theme, followed: [CaseProgress?], asOf: Day, keepsEntries: Bool = false) {
        self.content = content
        self.theme = theme
        let language = content.site.language
        let page = PageContext(site: content.site, language: language, strings: theme.strings[language] ?? [:],
                               templateStrings: theme.templateStrings[language] ?? TemplateStrings([:]), asOf: asOf)
        self.page = page
        markdown = Markdown(allowRawHTML: content.site.allowRawHTML, limits: content.site.markdownLimits)
        self.keepsEntries = keepsEntries
        calendar = content.calendar
        let sopPage = SOPPage(context: page, markdown: markdown)
        sopPages = keepsEntries ? Dictionary(content.sops.map { ($0.code, sopPage.fixed($0)) }) { first, _ in first } : [:]
        ganttTexts = Dictionary(content.sops.map { ($0.code, CaseGantt.texts($0, words: page.words)) }) { first, _ in first }
        let sops = Content.byCode(content.sops)
        let baseURL = content.site.baseURL
        let cases = content.cases
        views = Array(cases.indices).parallelMap { i -> CaseView? in
            guard i < followed.count, let sop = sops[cases[i].sop], let progress = followed[i] else { return nil }
            return CaseView(c: cases[i], sop: sop, progress: progress, words: page.words, baseURL: baseURL, keepsEntries: keepsEntries)
        }.compactMap { $0 }
        glances = CaseGlances(views)
        if keepsEntries {
            filters = CaseFilters(views)
            reportColumns = countReports()
            statusEntries = JoinedLines(views.parallelMap(\.statusEntry))
            listRows = JoinedLines(views.parallelMap(\.listIndexRow))
        }
    }

    /// What the reports count, SOP by SOP.
    func countReports() -> [ReportColumns] {
        let views = self.views, calendar = content.calendar
        return content.sops.map { ReportColumns(sop: $0, views: views, calendar: calendar) }
    }

    /// The search page: it depends on the site and the theme only.
    func searchPage() -> Page {
        theme.page("search/index.html", "search", page.common(url: "search/", title: page.strings["search_heading"] ?? ""))
    }

    /// The reports, and each SOP's page with its steps' figures (their median time and share on
    /// time): both count the same of each case, so `serve` remakes them together.
    func reports() -> [Page] {
        let stats = (reportColumns ?? countReports()).map(ReportStats.init)
        let sopPage = SOPPage(context: page, markdown: markdown)
        return [ReportsPage(context: page, calendar: content.calendar).render(stats, theme: theme)]
            + stats.map { sopPage.render($0.sop, fixed: sopPages[$0.sop.code], figures: $0.steps, theme: theme) }
    }

    /// One case's own files: its page, its badge and its manual.
    func casePages(_ view: CaseView) -> [Page] {
        var pages = [CasePage(context: page, markdown: markdown, calendar: calendar,
                              ganttTexts: ganttTexts[view.sop.code] ?? CaseGantt.texts(view.sop, words: page.words)).render(view, theme: theme),
                     Badge.render(view)]
        if let manual = view.c.manual { pages += ManualPage(context: page).render(view, manual, theme: theme) }
        return pages
    }

    /// Whether the units with cases are those before `changes` (in `serve`: one case added,
    /// removed or changed, and the renderer already changed).
    func keepsUnits(after changes: [(old: CaseView?, new: CaseView?)]) -> Bool {
        guard changes.count == 1, let filters else { return false }
        let (old, new) = changes[0]
        // The old unit still has a case; the new one had one before this case came to it.
        if let old, filters.units[Exact(old.c.unit)] == nil { return false }
        if let new {
            let movedIn = old.map { Exact($0.c.unit) != Exact(new.c.unit) } ?? true
            if filters.units[Exact(new.c.unit), default: 0] < (movedIn ? 2 : 1) { return false }
        }
        return true
    }

    /// Every unit with a case, in order.
    var units: [String] { Set(filters.map { $0.units.keys.map(\.text) } ?? views.map(\.c.unit)).sorted() }

    /// The pages that list or count cases, the longest jobs first: two cores take them in this
    /// order, and a long one taken last is waited for alone.
    var listings: [Listing] {
        let r = self
        let choices = CaseListPage.Choices(filters ?? CaseFilters(views))
        let calendars = CalendarFeed(site: content.site, words: page.words, asOf: asOf)
        return [
            .reports { r.reports() },
            .calendars({ calendars.render(r.views, units: r.units) },
                       portal: { calendars.portal(r.views) },
                       units: { only in calendars.render(r.views, units: r.units, only: only) },
                       keepsUnits: { r.keepsUnits(after: $0) }),
            .caseList(CaseListPage.jobs(r.views.count).map { job in {
                CaseListPage(context: r.page, rows: r.listRows).render(r.views, choices: choices, theme: r.theme, job: job)
            } }, only: { ids in
                CaseListPage(context: r.page, rows: r.listRows).render(r.views, choices: choices, theme: r.theme, showing: ids)
            }),
            .home { HomePage(context: r.page).render(r.content.sops, cases: r.views, glances: r.glances, theme: r.theme) },
            .statusJSON { try r.statusEntries.map { StatusJSON.render($0, asOf: r.asOf) } ?? StatusJSON.render(r.views, asOf: r.asOf) },
            .feed { Feed(site: r.content.site, words: r.page.words).render(r.views, glances: r.glances, asOf: r.asOf) },
        ]
    }
}
