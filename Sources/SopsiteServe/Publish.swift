import Foundation
import FileWatcher
import SopsiteKit

/// `sopsite publish`: keeps a web root current for a web server such as nginx. Builds once,
/// then watches `content/` and the theme and writes what a change affects (each file through a
/// temporary file and a rename: a reader never gets half a page, and nothing is ever missing);
/// a change with errors keeps the last good portal and says why, in the log and in
/// `/build.json`. With the as-of date "today", the portal is made again at midnight. No HTTP
/// server: the web server serves the folder.
public enum Publish {
    /// Runs until the task is cancelled or the process is stopped.
    public static func run(_ options: BuildOptions, rollsOver: Bool, clock: PortalClock = .current,
                           quiet: Duration = .milliseconds(200), log: @escaping @Sendable (String) -> Void) async throws {
        let site = LiveSite(options: options)
        // Watch before the first build: an edit saved while it runs is published right after it.
        let watcher = try Watcher(folders: [options.contentFolder, options.themeFolder], quiet: quiet)
        defer { watcher.stop() }
        let search = SearchIndexer(folder: options.outputFolder, pagefind: options.search ? Search.findPagefind() : nil, log: log)
        if !(await search.available) && options.search { log("warning: " + Search.missing) }

        /// After each attempt: its report, build.json, and the search index when pages changed.
        @Sendable func done(_ outcome: LiveSite.Outcome, since start: ContinuousClock.Instant) async {
            Serve.report(outcome, since: start, log: log)
            do { try await site.writeBuildInfo(clock: clock) } catch { log("\(error)") }
            if case let .rebuilt(changed, _) = outcome, changed.contains(where: { $0.hasSuffix(".html") }) {
                await search.schedule(from: site, changed: changed)
            }
        }

        let started = ContinuousClock.now
        await done(await site.buildAll(), since: started)
        log("publishing into \(options.outputFolder)/ as of \(await site.asOf) "
            + "(watching \(options.contentFolder)/ and \(options.themeFolder)/\(rollsOver ? "; a new day at 00:00 Asia/Bangkok" : ""))")
        let rolling = rollsOver ? Task {
            await Rollover.run(site, clock: clock, log: log) { await done($0, since: ContinuousClock.now) }
        } : nil
        defer { rolling?.cancel() }
        for await paths in watcher.changes {
            let start = ContinuousClock.now
            await done(await site.apply(paths), since: start)
        }
    }
}
