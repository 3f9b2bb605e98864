import BusinessTime
import Templates

extension ReportsPage {
    /// Cases by requesting unit.
    func units(_ stats: ReportStats, into values: inout TemplateMap) {
        counts(stats, "units", into: &values, stats.units.map { (label: $0.unit, span: nil, counts: $0.counts) })
    }

    /// Cases by the fiscal year they were opened in.
    func years(_ stats: ReportStats, into values: inout TemplateMap) {
        counts(stats, "years", into: &values, stats.years.map {
            (label: words.fiscalYear($0.year), span: words.fiscalYearSpan($0.year), counts: $0.counts)
        })
    }

    /// One table and one chart of stacked bars: each case once, as handed over, in progress,
    /// overdue or rejected, so that a bar's length is the cases opened.
    private func counts(_ stats: ReportStats, _ kind: String, into values: inout TemplateMap,
                        _ groups: [(label: String, span: String?, counts: CaseCounts)]) {
        let none = words["reports_no_figure"]
        let legend = [words["reports_handed_over"], words["state_in-progress"], words["reports_overdue"],
                      words["reports_rejected"]]
        var rows: [[String: String]] = [], bars: [ReportChart.Bar] = [], details: [String] = []
        for (label, span, c) in groups {
            var row = [
                "label": label, "opened": String(c.opened), "handed_over": String(c.handedOver),
                "rejected": String(c.rejected), "open": String(c.open), "overdue": String(c.overdue),
                "to_handover": c.medianDaysToHandover.map { words.amount(.days($0)) } ?? none,
            ]
            if let span { row["span"] = span }
            rows.append(row)
            let parts = [c.handedOver, c.open - c.overdue, c.overdue, c.rejected]
            bars.append(ReportChart.Bar(label: label, parts: parts, value: String(c.opened)))
            let split = zip(legend, parts).map { "\($0) \($1)" }.joined(separator: ", ")
            details.append("\(words["reports_opened"]) \(c.opened) (\(split))")
        }
        let id = "report-\(stats.sop.code)-\(kind)"
        values.text("id", id)
        values.list("rows", rows, TemplateMap.texts)
        let fills = [CaseState.handedOver, .inProgress, .overdue, .rejected].map { Palette.states[$0]! }
        values.text("chart", chart(id + "-chart", "reports_" + kind, stats.sop, bars, legend: legend, fills: fills, details: details))
    }

    /// Requests and handovers month by month in the fiscal year of the as-of day, from October
    /// to the as-of month: the office's year so far.
    func months(_ stats: ReportStats, into values: inout TemplateMap) {
        let year = FiscalYear(containing: context.asOf)
        let months = Month.number(year.first)...Month.number(context.asOf)
        var rows: [[String: String]] = [], bars: [ReportChart.Bar] = [], details: [String] = []
        for month in months {
            let counts = stats.months[month] ?? (0, 0)
            let label = Month.first(month).monthFormatted(words.dayStyle)
            rows.append(["label": label, "opened": String(counts.opened), "handed_over": String(counts.handedOver)])
            bars.append(ReportChart.Bar(label: label, parts: [counts.opened, counts.handedOver], value: ""))
            details.append("\(words["reports_opened"]) \(counts.opened), \(words["reports_handed_over_in_month"]) \(counts.handedOver)")
        }
        let id = "report-\(stats.sop.code)-months"
        let caption = words.fill("reports_months", ["year": words.fiscalYear(year)]) + " (\(stats.sop.code))"
        values.text("id", id)
        values.text("caption", caption)
        values.list("rows", rows, TemplateMap.texts)
        values.text("chart", ReportChart(id: id + "-chart", title: caption, desc: ReportChart.desc(bars, details: details, words: words),
                                         bars: bars, legend: [words["reports_opened"], words["reports_handed_over_in_month"]],
                                         fills: [Palette.accent, Palette.states[.handedOver]!], grouped: true).svg())
    }

    /// Where time goes: day steps by their median time, longest first.
    func time(_ stats: ReportStats, into values: inout TemplateMap) {
        let ranking = stats.ranking
        let rows = ranking.enumerated().map { i, f -> [String: String] in
            [
                "rank": String(i + 1),
                "step": "\(f.step.id) \(f.step.title)",
                "median": f.median.map(words.amount) ?? "",
                "slowest": f.slowest.map(words.amount) ?? "",
                "target": f.step.duration?.text ?? "",
            ]
        }
        let bars = zip(ranking, rows).map { f, row in
            ReportChart.Bar(label: row["step"]!, parts: [Median.ofSorted(f.times) ?? 0], value: row["median"]!)
        }
        var notes = [words["reports_time_rule"]]
        let left = stats.leftOutOfRanking.map { "\($0.step.id) \($0.step.title)" }
        if !left.isEmpty {
            notes.append(words.fill("reports_time_left_out", ["steps": left.joined(separator: ", ")]))
        }
        let id = "report-\(stats.sop.code)-time"
        values.text("id", id)
        values.list("rows", rows, TemplateMap.texts)
        values.texts("notes", notes)
        values.flag("has_rows", !rows.isEmpty)
        values.text("chart", chart(id + "-chart", "reports_time_chart", stats.sop, bars))
    }
}
