import BusinessTime
import Templates

/// `/reports/`: for each SOP at the as-of date, how its steps were kept, the cases by
/// requesting unit and by fiscal year, and where time goes. Every figure is drawn as a bar
/// chart (`ReportChart`) and written in a table beside it, so a screen reader has the numbers.
struct ReportsPage {
    let context: PageContext
    /// The content's working days and office hours: request-to-handover counts in them.
    let calendar: WorkCalendar

    var words: Words { context.words }

    /// One report per SOP, from its cases' columns (`ReportColumns`), in the SOPs' order.
    func render(_ sops: [ReportStats], theme: Theme) -> Page {
        var values = context.common(url: "reports/", title: words["reports_heading"])
        values.list("sops", sops) { values, stats in
            let sop = stats.sop
            values.text("code", sop.code)
            values.text("title", sop.title)
            values.text("url", "sops/\(sop.code)/")
            // A unit row per requesting unit: none means no case follows this SOP yet.
            if !stats.units.isEmpty {
                values.map("report") { report in
                    report.map("steps") { steps(stats, into: &$0) }
                    report.map("units") { units(stats, into: &$0) }
                    report.map("years") { years(stats, into: &$0) }
                    report.map("months") { months(stats, into: &$0) }
                    report.map("time") { time(stats, into: &$0) }
                }
            }
        }
        return theme.page("reports/index.html", "reports", values)
    }

    /// Per step: passes through it, the share on time, the median and slowest time, the target,
    /// and for a step some case went through more than once, the median and most rounds.
    func steps(_ stats: ReportStats, into values: inout TemplateMap) {
        let none = words["reports_no_figure"]
        let rows = stats.steps.map { f -> [String: String] in
            var onTime = words["reports_no_target"]
            if let percent = f.onTimePercent {
                onTime = words.fill("reports_on_time_of", ["n": String(f.onTime), "of": String(f.withTarget),
                                                           "percent": String(percent)])
            }
            return [
                "step": "\(f.step.id) \(f.step.title)",
                "target": f.step.duration?.text ?? none,
                "through": String(f.through),
                "on_time": f.through == 0 ? none : onTime,
                "median": f.median.map(words.amount) ?? none,
                "slowest": f.slowest.map(words.amount) ?? none,
                "rounds": f.medianRounds.map { words.fill("reports_rounds_of", ["median": String($0), "most": String(f.mostRounds!)]) } ?? none,
            ]
        }
        let bars = zip(stats.steps, rows).map { f, row in
            ReportChart.Bar(label: row["step"]!, parts: [f.onTimePercent ?? 0],
                            value: f.onTimePercent.map { "\($0)%" } ?? row["on_time"]!)
        }
        let notes = stats.steps.filter { $0.unmeasured > 0 }.map {
            words.fill("reports_unmeasured", ["step": $0.step.id, "n": String($0.unmeasured)])
        }
        values.text("id", "report-\(stats.sop.code)-steps")
        values.list("rows", rows, TemplateMap.texts)
        values.text("chart", chart("report-\(stats.sop.code)-steps-chart", "reports_steps_chart", stats.sop, bars, full: 100))
        values.texts("notes", notes)
        // The rounds column only for an SOP some case went round a loop of.
        values.flag("has_rounds", stats.steps.contains { !$0.rounds.isEmpty })
    }

    /// A chart whose title is an interface string and the SOP's code, and whose description
    /// says what is drawn and repeats every bar's figure (`details`, when the figure after a
    /// stacked bar is only its total).
    func chart(_ id: String, _ titleKey: String, _ sop: SOP, _ bars: [ReportChart.Bar],
               legend: [String] = [], fills: [String] = [Palette.accent], full: Int? = nil,
               details: [String]? = nil) -> String {
        ReportChart(id: id, title: "\(words[titleKey]) (\(sop.code))", desc: ReportChart.desc(bars, details: details, words: words),
                    bars: bars, legend: legend, full: full, fills: fills).svg()
    }
}

extension ReportChart {
    /// What a chart draws, with every bar's figure (`details`, when the figure after a bar is not
    /// all it shows: a stacked bar's total, a month's two bars), for readers who do not see it.
    static func desc(_ bars: [Bar], details: [String]? = nil, words: Words) -> String {
        let figures = zip(bars, details ?? bars.map(\.value)).map { "\($0.label): \($1)" }.joined(separator: "; ")
        return words.fill("reports_chart_desc", ["rows": figures])
    }
}
