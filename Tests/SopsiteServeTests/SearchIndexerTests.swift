@testable import SopsiteKit
@testable import SopsiteServe
import XCTest

/// After a change, only the parts of the index that it touches are indexed again.
final class SearchIndexerTests: XCTestCase {
    let shards = [
        SearchShard(name: "sops", pages: ["sops/SW01/index.html"]),
        SearchShard(name: "2568-1", pages: ["cases/A/index.html", "cases/B/index.html"]),
        SearchShard(name: "2568-2", pages: ["cases/C/index.html"]),
    ]
    var indexed: [String: [String]] { Dictionary(uniqueKeysWithValues: shards.map { ($0.name, $0.pages) }) }

    func testNothingIndexedYetIndexesEveryPart() {
        XCTAssertEqual(SearchIndexer.stale(shards, indexed: [:], changed: []).map(\.name), ["sops", "2568-1", "2568-2"])
    }

    func testAnEditedCaseIndexesItsPartOnly() {
        XCTAssertEqual(SearchIndexer.stale(shards, indexed: indexed, changed: ["cases/B/index.html", "cases/B/badge.svg",
                                                                               "index.html", "cases/index.html"]).map(\.name),
                       ["2568-1"])
        XCTAssertEqual(SearchIndexer.stale(shards, indexed: indexed, changed: ["status.json"]).map(\.name), [])
    }

    /// A case deleted, or moved to another quarter: the parts whose pages changed.
    func testAPartWhosePagesChangedIsIndexedAgain() {
        var now = shards
        now[1] = SearchShard(name: "2568-1", pages: ["cases/A/index.html"])
        now[2] = SearchShard(name: "2568-2", pages: ["cases/B/index.html", "cases/C/index.html"])
        XCTAssertEqual(SearchIndexer.stale(now, indexed: indexed, changed: []).map(\.name), ["2568-1", "2568-2"])
    }
}
