import BusinessTime

/// One part of the search index: the pages Pagefind reads for it, indexed on their own into
/// `pagefind/<name>/` and merged with the other parts by the search page (`mergeIndex`).
///
/// Pagefind's time and memory grow with the pages it is given (10,000 case pages took 52 s and
/// 3.5 GB in one run), and most cases are closed and never change again. So cases are indexed
/// by the fiscal quarter they were opened in (a few hundred pages each): a build indexes two
/// parts at a time, one per core, each in bounded memory, and an edit in `serve` indexes again
/// only the part its case is in.
public struct SearchShard: Sendable, Equatable {
    /// `sops`, or the fiscal year (Buddhist Era) and quarter of the cases: `2567-1` for October
    /// to December 2023.
    public let name: String
    /// The pages indexed, as paths in the site, sorted.
    public let pages: [String]
}

extension SearchShard {
    /// The parts of the index of a site: its SOPs' pages, and each quarter's cases with their
    /// handover manuals. The pages marked for search (`data-pagefind-body`) are these.
    static func shards(_ renderer: Renderer) -> [SearchShard] {
        var byQuarter: [String: [String]] = [:]
        for view in renderer.views {
            var pages = [view.url + "index.html"]
            if view.c.manual != nil { pages.append(view.url + "manual/index.html") }
            byQuarter[quarter(of: view.c.opened.day), default: []] += pages
        }
        let sops = SearchShard(name: "sops", pages: renderer.content.sops.map { "sops/\($0.code)/index.html" }.sorted())
        let cases = byQuarter.keys.sorted().map { SearchShard(name: $0, pages: byQuarter[$0]!.sorted()) }
        return (sops.pages.isEmpty ? [] : [sops]) + cases
    }

    /// The Thai fiscal year runs from October to September and is named by the Buddhist-Era
    /// year it ends in; its first quarter is October to December.
    static func quarter(of day: Day) -> String {
        let endsIn = day.month >= 10 ? day.year + 1 : day.year
        let quarter = (day.month + 2) % 12 / 3 + 1
        return "\(endsIn + 543)-\(quarter)"
    }
}
