import BusinessTime
@testable import SopsiteKit
import XCTest

/// The dashboard's and the feed's newest events are the first of every event sorted newest
/// first (the later case id first on the same date; one case's events of one date in the order
/// they are written), however the cases are read.
final class DashboardTests: XCTestCase {
    func testLatestEventsAreTheNewestOfAll() throws {
        var diagnostics = Diagnostics()
        let (content, progress) = try loadFollowed(Repo.root + "/content", asOf: Repo.asOf, &diagnostics)
        let words = Words(strings: [:], dayStyle: .thai)
        var views = content.cases.compactMap { c in
            content.sop(c.sop).map { CaseView(c: c, sop: $0, progress: progress[c.id]!, words: words, baseURL: "") }
        }
        // Cases with events on one date (copies of a case, under other ids) tie on the date.
        for (n, id) in ["SW01-2569-004a", "SW01-2569-004b"].enumerated() {
            var c = try XCTUnwrap(content.cases.first { $0.id == "SW01-2569-004" })
            c.id = id
            c.events = c.events.map { var e = $0; e.date = Moment(day: Day(iso: "2026-11-2\(n)")!); return e }
            views.append(CaseView(c: c, sop: views[0].sop, progress: progress["SW01-2569-004"]!, words: words, baseURL: ""))
        }
        views.sort { $0.c.id < $1.c.id }
        let all = views.flatMap { view in view.c.events.indices.map { (view, $0) } }
        let sorted = all.enumerated().sorted { a, b in
            let (x, y) = (a.element.0.c.events[a.element.1].date, b.element.0.c.events[b.element.1].date)
            if x != y { return x > y }
            if a.element.0.c.id != b.element.0.c.id { return a.element.0.c.id > b.element.0.c.id }
            return a.offset < b.offset
        }.map(\.element)
        XCTAssertGreaterThan(all.count, 20)
        for limit in [1, 3, 10, 12, 100] {
            let latest = Dashboard(views: views).latest(limit)
            let expected = sorted.prefix(limit)
            XCTAssertEqual(latest.map(\.view.c.id), expected.map(\.0.c.id), "limit \(limit)")
            XCTAssertEqual(latest.map { "\($0.event.step) \($0.event.date)" },
                           expected.map { "\($0.0.c.events[$0.1].step) \($0.0.c.events[$0.1].date)" }, "limit \(limit)")
        }
    }
}
