/// `/cases/`: every case, sortable and filterable by state, unit and year.
struct CaseListPage {
    let context: PageContext

    func render(_ views: [CaseView], theme: Theme) -> Page {
        var values = context.common(url: "cases/", title: context.strings["cases_heading"] ?? "")
        let words = context.words
        values["cases"] = views.map(\.row)
        values["has_cases"] = !views.isEmpty
        values["states"] = CaseState.allCases.map { ["key": $0.rawValue, "label": words["state_" + $0.rawValue]] }
        // The filters match the rows' data-unit and data-year attributes byte for byte in the
        // browser, so the options are told apart the same way (and Thai text hashes fast so).
        values["units"] = Set(views.map { Exact($0.c.unit) }).map(\.text).sorted()
        values["years"] = Set(views.map { Exact($0.year) }).map(\.text).sorted()
        return Page(path: "cases/index.html", text: theme.render("cases", values))
    }
}

/// Text compared and hashed by its bytes (UTF-8), not as Unicode-equivalent characters.
struct Exact: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: Exact, b: Exact) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
