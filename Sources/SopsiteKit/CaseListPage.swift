/// `/cases/`: every case, sortable and filterable by state, unit and year.
struct CaseListPage {
    let context: PageContext

    func render(_ views: [CaseView], theme: Theme) -> Page {
        var values = context.common(url: "cases/", title: context.strings["cases_heading"] ?? "")
        let words = context.words
        values["cases"] = views.map(\.row)
        values["has_cases"] = !views.isEmpty
        values["states"] = CaseState.allCases.map { ["key": $0.rawValue, "label": words["state_" + $0.rawValue]] }
        values["units"] = Set(views.map(\.c.unit)).sorted()
        values["years"] = Set(views.compactMap { $0.summary["year"] as? String }).sorted()
        return Page(path: "cases/index.html", text: theme.render("cases", values))
    }
}
