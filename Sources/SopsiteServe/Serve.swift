import Foundation
import FileWatcher
import HummingbirdCore
import SopsiteKit

/// `sopsite serve`: builds the portal, serves the output folder (on 127.0.0.1 unless bound
/// elsewhere, through `Listener`), watches `content/` and the theme, rebuilds what a change
/// affects, and tells open pages to reload once the rebuild has finished. A change that breaks
/// the build leaves the last good portal served and shows the errors in the terminal and over
/// the page.
public enum Serve {
    /// Why serve could not listen, in the user's words (`listenError`).
    public struct CannotListen: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs until the task is cancelled. `log` gets every line the terminal shows.
    /// `rollsOver`: the as-of date is "today", and moves on at midnight (`Rollover`).
    public static func run(_ options: BuildOptions, port: UInt16, bind: String = "127.0.0.1", quiet: Duration = .milliseconds(15),
                           rollsOver: Bool = false, clock: PortalClock = .current,
                           log: @escaping @Sendable (String) -> Void) async throws {
        let site = LiveSite(options: options)
        let hub = LiveReload()
        // Listen first: a port that is taken is said at once, before any building.
        let (listening, ready) = AsyncStream<Void>.makeStream()
        let server = Listener.server(bind: bind, port: port, files: SiteFiles(root: options.outputFolder, hub: hub), hub: hub) {
            ready.yield()
        }
        let serving = Task {
            defer { ready.finish() }
            try await server.run()
        }
        var isListening = false
        for await _ in listening {
            isListening = true
            break
        }
        guard isListening else {
            if case let .failure(failure) = await serving.result { throw listenError(failure, bind: bind, port: port) }
            throw CannotListen(description: "could not listen on \(bind):\(port)")
        }

        // Watch before the first build: an edit saved while it runs is rebuilt right after it.
        // A save that ends in a file closed or renamed into place is taken after 3 ms: only
        // what an editor does right after it is worth waiting for.
        let watcher = try Watcher(folders: [options.contentFolder, options.themeFolder], quiet: quiet, settle: .milliseconds(3))
        let started = ContinuousClock.now
        let first = await site.buildAll()
        report(first, since: started, first: true, log: log)
        await hub.publish(first)
        let search = SearchIndexer(folder: options.outputFolder, pagefind: options.search ? Search.findPagefind() : nil, log: log)
        if await search.available {
            await search.schedule(from: site, changed: [])
        } else if options.search {
            log("warning: " + Search.missing)
        }

        let rebuilding = Task {
            for await paths in watcher.changes {
                let start = ContinuousClock.now
                let outcome = await site.apply(paths)
                report(outcome, since: start, log: log)
                await hub.publish(outcome)
                if case let .rebuilt(changed, _) = outcome, changed.contains(where: { $0.hasSuffix(".html") }) {
                    await search.schedule(from: site, changed: changed)
                }
            }
        }
        let rolling = rollsOver ? Task {
            await Rollover.run(site, clock: clock, log: log) { outcome in
                report(outcome, since: ContinuousClock.now, log: log)
                await hub.publish(outcome)
                if case let .rebuilt(changed, _) = outcome { await search.schedule(from: site, changed: changed) }
            }
        } : nil
        defer {
            watcher.stop()
            rebuilding.cancel()
            rolling?.cancel()
        }
        log("serving \(urls(bind: bind, port: port)) (watching \(options.contentFolder)/ and \(options.themeFolder)/; Ctrl-C stops)")
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            serving.cancel()
        }
    }

    /// Where to open the portal: the address served on, or for 0.0.0.0 (every address) each
    /// address of the machine, so that a phone on the office network can be pointed at one.
    static func urls(bind: String, port: UInt16) -> String {
        guard bind == "0.0.0.0" else { return "http://\(bind):\(port)/" }
        let addresses = MachineAddresses.ipv4()
        return "on every address: " + addresses.map { "http://\($0):\(port)/" }.joined(separator: ", ")
    }

    /// SwiftNIO reports a failed bind with the errno (Linux's numbers).
    static func listenError(_ error: any Error, bind: String, port: UInt16) -> CannotListen {
        let text = "\(error)".lowercased()
        if text.contains("errno: 98)") {  // EADDRINUSE
            return CannotListen(description: "port \(port) is taken by another program; choose another with --port N")
        }
        if text.contains("errno: 99)") {  // EADDRNOTAVAIL
            return CannotListen(description: "\(bind) is not an address of this machine; use 127.0.0.1, 0.0.0.0 (every "
                                + "address) or one of \(MachineAddresses.ipv4().joined(separator: ", "))")
        }
        if text.contains("errno: 13)") {  // EACCES: a port below 1024
            return CannotListen(description: "port \(port) needs root (ports below 1024); choose another with --port N")
        }
        return CannotListen(description: "could not listen on \(bind):\(port): \(error)")
    }

    /// One line per rebuild, and every error, compiler-style.
    static func report(_ outcome: LiveSite.Outcome, since start: ContinuousClock.Instant, first: Bool = false,
                       log: @Sendable (String) -> Void) {
        let ms = (ContinuousClock.now - start).components.attoseconds / 1_000_000_000_000_000
            + (ContinuousClock.now - start).components.seconds * 1000
        switch outcome {
        case let .rebuilt(changed, stylesOnly):
            guard !changed.isEmpty else { return }
            let shown = changed.prefix(5).joined(separator: ", ") + (changed.count > 5 ? ", ..." : "")
            log("\(first ? "built" : "rebuilt") in \(ms) ms: \(changed.count) file\(changed.count == 1 ? "" : "s")\(stylesOnly ? " (styles)" : "") (\(shown))")
        case let .failed(diagnostics):
            for d in diagnostics { log(d.description) }
            log("\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s"); still serving the last good portal")
        }
    }
}
