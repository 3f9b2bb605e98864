import Escaping
import Foundation

/// `/cases/`: every case, in pages a browser opens at once (`perPage` rows each: at 10,000
/// cases one page of them all was 6 MB, and Chromium took 18 s to show it), linked to each other
/// so that paging works without JavaScript. `cases/index.json` holds every case's row for the
/// list's script, which filters (state, unit, SOP, year) and sorts all cases, not one page.
struct CaseListPage {
    let context: PageContext
    /// In `serve`, every case's row of the index, kept joined; nil: made from the views.
    var rows: JoinedLines?
    static let perPage = 400

    /// Where page `number` (from 1) of the list is.
    static func path(page number: Int) -> String {
        number == 1 ? "cases/" : "cases/page/\(number)/"
    }

    /// How many pages the list of `cases` cases takes.
    static func pageCount(_ cases: Int) -> Int { max(1, (cases + perPage - 1) / perPage) }

    /// A share of the list's making: a few of its pages, or the index (cases/index.json).
    enum Job: Sendable {
        case pages(ClosedRange<Int>)
        case index
    }

    /// The list made in jobs that may run at once: four pages each, and the index.
    static func jobs(_ cases: Int) -> [Job] {
        let count = pageCount(cases)
        return stride(from: 1, through: count, by: 4).map { Job.pages($0...min(count, $0 + 3)) } + [.index]
    }

    /// The filters' options, the same on every page: sorted, with each unit's calendar folder,
    /// worked out once for all the jobs that make the list.
    struct Choices: Sendable {
        let units: [String], years: [String], sops: [String]
        let folders: [String: String]

        init(_ filters: CaseFilters) {
            (units, years, sops) = (filters.units.keys.map(\.text).sorted(), filters.years.keys.map(\.text).sorted(),
                                    filters.sops.keys.map(\.text).sorted())
            folders = CalendarFeed.unitFolders(units)
        }
    }

    /// One job's pages. Each case's row is its view's (in `serve`, kept with its text).
    func render(_ views: [CaseView], choices: Choices, theme: Theme, job: Job) -> [Page] {
        switch job {
        case let .pages(numbers): render(views, choices: choices, theme: theme, pages: numbers)
        case .index: [index(views)]
        }
    }

    /// Only the pages that show the cases `ids`, and the index (`serve`, after cases changed in place).
    func render(_ views: [CaseView], choices: Choices, theme: Theme, showing ids: Set<String>) -> [Page] {
        let numbers = Set(ids.map { views.insertionIndex(of: $0) { $0.c.id } / Self.perPage + 1 })
        return render(views, choices: choices, theme: theme, pages: numbers.sorted()) + [index(views)]
    }

    private func index(_ views: [CaseView]) -> Page {
        Page(path: "cases/index.json", body: .bytes(Self.json(rows ?? JoinedLines(views.map(\.listIndexRow)))))
    }

    private func render(_ views: [CaseView], choices: Choices, theme: Theme, pages numbers: some Sequence<Int>) -> [Page] {
        let count = Self.pageCount(views.count)
        let words = context.words
        let (units, years, sops, folders) = (choices.units, choices.years, choices.sops, choices.folders)
        return numbers.map { number -> Page in
            let url = Self.path(page: number)
            var values = context.common(url: url, title: context.strings["cases_heading"] ?? "")
            let from = (number - 1) * Self.perPage, to = min(views.count, number * Self.perPage)
            values.list("cases", values: views[from..<to].map(\.row))
            values.flag("has_cases", !views.isEmpty)
            values.text("total", String(views.count))
            values.text("showing", words.fill("cases_showing", ["from": String(from + 1), "to": String(to),
                                                                "total": String(views.count)]))
            values.flag("paged", count > 1)
            if count > 1 {
                values.list("pages", Array(1...count)) { values, n in
                    values.text("number", String(n))
                    values.text("url", Self.path(page: n))
                    values.flag("current", n == number)
                }
                if number > 1 { values.text("previous_url", Self.path(page: number - 1)) }
                if number < count { values.text("next_url", Self.path(page: number + 1)) }
            }
            values.list("states", CaseState.allCases) { values, state in
                values.text("key", state.rawValue)
                values.text("label", words["state_" + state.rawValue])
            }
            values.texts("units", units)
            values.list("unit_calendars", units) { values, unit in
                values.text("name", unit)
                values.text("url", "units/\(folders[unit]!)/calendar.ics")
            }
            values.texts("years", years)
            values.texts("sops", sops)
            return theme.page(url + "index.html", "cases", values)
        }
    }

    /// Every case's row as the list's script reads it: the columns of the table, then what it
    /// filters by. One line per case; `serve` keeps the lines joined (`JoinedLines`), so an
    /// edit copies one buffer rather than joining 10,000 lines.
    static func json(_ rows: JoinedLines) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(rows.bytes.count + 200)
        out += ("{\"columns\":[\"id\",\"url\",\"title\",\"unit\",\"current_step\",\"time\",\"state\",\"state_label\","
                + "\"sop\",\"year\",\"waiting\"],\n\"rows\":[").utf8
        out += rows.bytes.dropFirst()  // each row after ",\n"; the first one's comma left out
        out += "\n]}\n".utf8
        return out
    }

    /// One case's line of the index, in the order of its columns.
    static func indexRow(_ view: CaseView) -> String {
        let texts = [view.c.id, view.url, view.c.title, view.c.unit, view.currentStep, view.timeText,
                     view.progress.state.rawValue, view.stateLabel, view.sop.code, view.year]
        return "[" + texts.map(StatusJSON.json).joined(separator: ",") + (view.isWaiting ? ",true]" : ",false]")
    }
}

/// The case list's filter options: each unit and year some case has, with how many cases have
/// it, so that `serve` keeps them up to date case by case instead of hashing 20,000 texts on
/// every edit. The filters match the rows' data-unit and data-year attributes byte for byte in
/// the browser, so the options are told apart the same way (`Exact`).
struct CaseFilters: Sendable {
    private(set) var units: [Exact: Int] = [:]
    private(set) var years: [Exact: Int] = [:]
    private(set) var sops: [Exact: Int] = [:]

    init(_ views: [CaseView]) {
        for view in views { add(view) }
    }

    mutating func add(_ view: CaseView) {
        units[Exact(view.c.unit), default: 0] += 1
        years[Exact(view.year), default: 0] += 1
        sops[Exact(view.sop.code), default: 0] += 1
    }

    mutating func remove(_ view: CaseView) {
        func drop(_ key: Exact, from counts: inout [Exact: Int]) {
            counts[key] = counts[key].flatMap { $0 > 1 ? $0 - 1 : nil }
        }
        drop(Exact(view.c.unit), from: &units)
        drop(Exact(view.year), from: &years)
        drop(Exact(view.sop.code), from: &sops)
    }
}

/// Text compared and hashed by its bytes (UTF-8), not as Unicode-equivalent characters.
struct Exact: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: Exact, b: Exact) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        return a.text.withBytes { a in b.text.withBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    func hash(into hasher: inout Hasher) {
        text.withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
