import Templates

/// The portal's home page: the organisation and its SOPs.
struct HomePage {
    let context: PageContext

    func render(_ sops: [SOP], cases views: [CaseView], glances: CaseGlances? = nil, theme: Theme) -> Page {
        var values = context.common(url: "", title: context.site.title)
        values.list("sops", sops) { values, sop in
            values.text("code", sop.code)
            values.text("title", sop.title)
            values.text("url", "sops/\(sop.code)/")
            values.text("issued", context.format(sop.issued))
            values.text("steps", String(sop.steps.count))
        }
        values.flag("has_sops", !sops.isEmpty)
        if !views.isEmpty {
            values.map("dashboard") { dashboard(Dashboard(views: views, glances: glances), into: &$0) }
        }
        return theme.page("index.html", "home", values)
    }
}

extension HomePage {
    /// How many overdue and waiting cases home lists; the case list has them all.
    static let shown = 20

    func dashboard(_ d: Dashboard, into values: inout TemplateMap) {
        let words = context.words
        let latest = d.latest(10)
        let overdue = d.overdue, waiting = d.waiting
        values.text("count", String(d.views.count))
        values.list("by_state", d.byState) { values, group in
            values.text("key", group.state.rawValue)
            values.text("label", words["state_" + group.state.rawValue])
            values.text("count", String(group.count))
        }
        values.text("state_chart", stateChart(d))
        values.list("by_step", d.byStep) { values, group in
            values.text("sop", group.sop.code)
            values.text("id", group.step.id)
            values.text("title", group.step.title)
            values.text("count", String(group.count))
        }
        // Rows as the case list has them: the first `shown` of each list, and a link to all of
        // them in the case list (2,126 overdue rows made home 811 KB at 10,000 cases).
        values.list("overdue", values: overdue.prefix(Self.shown).map(\.row))
        values.flag("has_overdue", !overdue.isEmpty)
        if overdue.count > Self.shown { values.text("overdue_all", words.fill("dashboard_all", ["count": String(overdue.count)])) }
        values.list("waiting", values: waiting.prefix(Self.shown).map(\.row))
        values.flag("has_waiting", !waiting.isEmpty)
        if waiting.count > Self.shown { values.text("waiting_all", words.fill("dashboard_all", ["count": String(waiting.count)])) }
        values.list("latest", latest) { row, item in
            let step = item.view.sop.steps.first { $0.id == item.event.step }
            row = item.view.summary
            row.text("date", words.moment(item.event.date))
            row.text("date_iso", item.event.date.day.description)
            row.text("step", "\(item.event.step) \(step?.title ?? "")")
            if let answer = item.event.answer, let decision = step?.decision {
                row.text("answer", decision.said(answer))
            }
        }
        values.flag("has_latest", !latest.isEmpty)
    }

    /// The cases by state as bars in the states' colours, beside the table with the same
    /// figures (its description repeats them).
    private func stateChart(_ d: Dashboard) -> String {
        let words = context.words
        let bars = d.byState.map { group in
            ReportChart.Bar(label: words["state_" + group.state.rawValue], parts: [group.count], value: String(group.count),
                            fill: Palette.states[group.state])
        }
        return ReportChart(id: "home-states", title: words["dashboard_by_state"],
                           desc: ReportChart.desc(bars, words: words), bars: bars).svg()
    }
}
