import Foundation
import SopsiteKit

/// Keeps the search index up to date while serving or publishing. The index is in parts
/// (`SearchShard`: the SOPs, and the cases of each fiscal quarter); after a change only the parts
/// that hold a changed page, or whose pages changed, are indexed again: an edit of one case
/// costs Pagefind a few hundred pages, not the whole portal. Pagefind runs after the rebuild
/// without holding up the reload, and changes that come while it runs are indexed in one more
/// run after it. Each part is made in a folder of its own and put in place whole, so no text
/// of a deleted or edited page is left in `pagefind/`.
actor SearchIndexer {
    private let folder: String
    private let pagefind: String?
    private var running = false
    /// The parts as the index holds them: name → pages; empty before the first run.
    private var indexed: [String: [String]] = [:]
    /// The newest parts asked for, and the pages changed since the last run.
    private var wanted: [SearchShard] = []
    private var changedPages = Set<String>()
    /// Where each run is told: which parts, how long; or why it failed.
    private let log: @Sendable (String) -> Void

    init(folder: String, pagefind: String? = Search.findPagefind(), log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.folder = folder
        self.pagefind = pagefind
        self.log = log
    }

    /// Whether there is a Pagefind to run; without one, serve says search was left out.
    var available: Bool { pagefind != nil }

    /// Asks for the index of the site's parts as they are now, after `changed` pages were written
    /// (at the first run every part is indexed, whatever changed).
    /// The parts are asked of `site` only when there is a Pagefind to index them: without one,
    /// working them out after every edit was wasted.
    func schedule(from site: LiveSite, changed: [String]) async {
        guard pagefind != nil else { return }
        wanted = await site.searchShards()
        changedPages.formUnion(changed)
        guard !running else { return }
        running = true
        Task { await self.runUntilCaughtUp() }
    }

    /// The parts to index again: new ones, ones whose pages changed, ones holding a changed page.
    static func stale(_ shards: [SearchShard], indexed: [String: [String]], changed: Set<String>) -> [SearchShard] {
        shards.filter { indexed[$0.name] != $0.pages || $0.pages.contains(where: changed.contains) }
    }

    private func runUntilCaughtUp() async {
        while true {
            let all = wanted
            let stale = Self.stale(all, indexed: indexed, changed: changedPages)
            let names = Set(all.map(\.name))
            guard !stale.isEmpty || names != Set(indexed.keys) else { break }
            changedPages = []
            let folder = self.folder, pagefind = self.pagefind!
            // Pagefind is a separate process: wait for it off this actor, on the thread that
            // started it, whose end would kill it (see ChildProcess in SopsiteKit).
            let start = ContinuousClock.now
            // A part whose pages are what it was made from stays (serve started over an output
            // it had indexed before, or a page was written again the same).
            let outcome = await Task.detached { () -> Result<[String], Error> in
                Result { try Search.index(site: folder, all: all, changed: stale, pagefind: pagefind, reusingFrom: folder) }
            }.value
            var ok = true
            switch outcome {
            case .failure(let failure):
                ok = false
                log("search index: \(failure); made again whole at the next change")
            case .success(let made):
                let ms = (ContinuousClock.now - start) / .milliseconds(1)
                let names = made.prefix(5).joined(separator: ", ") + (made.count > 5 ? ", ..." : "")
                let kept = stale.count - made.count
                let keptText = "\(kept) part\(kept == 1 ? "" : "s") kept: their pages had not changed"
                log(stale.isEmpty ? "search index: a part without pages removed"
                    : made.isEmpty ? "search index: " + keptText
                    : "search index: \(made.count) part\(made.count == 1 ? "" : "s") indexed in \(Int(ms)) ms (\(names))"
                        + (kept > 0 ? "; " + keptText : ""))
            }
            // A failed run is made again whole at the next change.
            indexed = ok ? Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.pages) }) : [:]
            if !ok { break }
        }
        running = false
    }
}
