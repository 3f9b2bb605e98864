import Foundation

/// `/cases/`: every case, sortable and filterable by state, unit and year.
struct CaseListPage {
    let context: PageContext

    /// Each case's row is its view's (in `serve`, kept with its text).
    func render(_ views: [CaseView], filters: CaseFilters, theme: Theme) -> Page {
        var values = context.common(url: "cases/", title: context.strings["cases_heading"] ?? "")
        let words = context.words
        values.list("cases", values: views.map(\.row))
        values.flag("has_cases", !views.isEmpty)
        values.list("states", CaseState.allCases) { values, state in
            values.text("key", state.rawValue)
            values.text("label", words["state_" + state.rawValue])
        }
        values.texts("units", filters.units.keys.map(\.text).sorted())
        values.texts("years", filters.years.keys.map(\.text).sorted())
        return theme.page("cases/index.html", "cases", values)
    }
}

/// The case list's filter options: each unit and year some case has, with how many cases have
/// it, so that `serve` keeps them up to date case by case instead of hashing 20,000 texts on
/// every edit. The filters match the rows' data-unit and data-year attributes byte for byte in
/// the browser, so the options are told apart the same way (`Exact`).
struct CaseFilters: Sendable {
    private(set) var units: [Exact: Int] = [:]
    private(set) var years: [Exact: Int] = [:]

    init(_ views: [CaseView]) {
        for view in views { add(view) }
    }

    mutating func add(_ view: CaseView) {
        units[Exact(view.c.unit), default: 0] += 1
        years[Exact(view.year), default: 0] += 1
    }

    mutating func remove(_ view: CaseView) {
        func drop(_ key: Exact, from counts: inout [Exact: Int]) {
            counts[key] = counts[key].flatMap { $0 > 1 ? $0 - 1 : nil }
        }
        drop(Exact(view.c.unit), from: &units)
        drop(Exact(view.year), from: &years)
    }
}

/// Text compared and hashed by its bytes (UTF-8), not as Unicode-equivalent characters.
struct Exact: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: Exact, b: Exact) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var (a, b) = (a.text, b.text)
        return a.withUTF8 { a in b.withUTF8 { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
