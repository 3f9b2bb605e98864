import BusinessTime
@testable import SopsiteKit
import XCTest

/// The parts of the search index: the SOPs, and the cases of each Thai fiscal quarter.
final class SearchShardTests: XCTestCase {
    func testAQuarterIsNamedByTheFiscalYearItEndsInAndItsPlaceInIt() {
        let expected = [
            ("2023-10-01", "2567-1"), ("2023-12-31", "2567-1"), ("2024-01-01", "2567-2"), ("2024-03-31", "2567-2"),
            ("2024-04-01", "2567-3"), ("2024-06-30", "2567-3"), ("2024-07-01", "2567-4"), ("2024-09-30", "2567-4"),
            ("2024-10-01", "2568-1"),
        ]
        for (day, name) in expected {
            XCTAssertEqual(SearchShard.quarter(of: Day(iso: day)!), name, day)
        }
    }

    /// Every page marked for search is in exactly one part; each case's pages (and its manual) in
    /// the part of the quarter it was opened in.
    func testTheShippedContentsPagesAreEachInOnePart() throws {
        var diagnostics = Diagnostics()
        let (content, progress) = try loadFollowed(Repo.root + "/content", asOf: Repo.asOf, &diagnostics)
        let theme = try XCTUnwrap(Theme.load(path: Repo.root + "/themes/default", &diagnostics))
        let renderer = Renderer(content: content, theme: theme, followed: content.cases.map { progress[$0.id] }, asOf: Repo.asOf)
        let shards = SearchShard.shards(renderer)
        XCTAssertEqual(shards.first?.name, "sops")
        XCTAssertEqual(shards.first?.pages, content.sops.map { "sops/\($0.code)/index.html" })
        let pages = shards.flatMap(\.pages)
        XCTAssertEqual(pages.count, Set(pages).count, "a page in two parts")
        for c in content.cases {
            let part = try XCTUnwrap(shards.first { $0.pages.contains("cases/\(c.id)/index.html") }, c.id)
            XCTAssertEqual(part.name, SearchShard.quarter(of: c.opened.day), c.id)
            XCTAssertEqual(part.pages.contains("cases/\(c.id)/manual/index.html"), c.manual != nil, c.id)
        }
        // Every page the theme marks for Pagefind is in a part, and no other page is.
        let marked = try renderer.pagesMarkedForSearch()
        XCTAssertEqual(Set(pages), marked)
    }
}

extension Renderer {
    /// The pages of the portal whose HTML holds `data-pagefind-body`.
    func pagesMarkedForSearch() throws -> Set<String> {
        var pages = [searchPage()]
        for view in views { pages += casePages(view) }
        for listing in listings { pages += try listing.make() }
        return Set(pages.filter { $0.text.contains("data-pagefind-body") }.map(\.path))
    }
}
