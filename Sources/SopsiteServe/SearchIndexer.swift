import Foundation
import SopsiteKit

/// Keeps the search index up to date while serving. Pagefind reads every page, which takes
/// seconds on a big portal, so it runs after a rebuild without holding up the reload, and
/// changes that come while it runs are indexed in one more run after it.
actor SearchIndexer {
    private let folder: String
    private let pagefind: String?
    private var running = false
    private var again = false

    init(folder: String, pagefind: String? = Search.findPagefind()) {
        self.folder = folder
        self.pagefind = pagefind
    }

    /// Whether there is a Pagefind to run; without one, serve says search was left out.
    var available: Bool { pagefind != nil }

    func schedule() {
        guard pagefind != nil else { return }
        if running {
            again = true
            return
        }
        running = true
        Task { await self.runUntilCaughtUp() }
    }

    private func runUntilCaughtUp() async {
        repeat {
            again = false
            let folder = self.folder, pagefind = self.pagefind!
            // Pagefind is a separate process: wait for it off this actor, on the thread that
            // started it, whose end would kill it (see ChildProcess in SopsiteKit).
            _ = await Task.detached { try? Search.index(folder, pagefind: pagefind) }.value
        } while again
        running = false
    }
}
