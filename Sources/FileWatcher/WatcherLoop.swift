import Foundation

/// The watcher's thread: waits for inotify events (or the next polling round) or for `stop()`,
/// gathers changed paths into a batch and yields the batch once it is due.
final class WatcherLoop: @unchecked Sendable {
    // @unchecked: apart from `control` (which locks) and `continuation` (Sendable), everything
    // here is used only by the watcher's thread, once `init` has handed the loop over to it.

    private enum Source {
        #if os(Linux)
        case inotify(WatcherInotify)
        #endif
        case polling(WatcherPolling, next: ContinuousClock.Instant)
        case stopped
    }

    let control: WatcherControl
    private let roots: [String]
    private let continuation: AsyncStream<[String]>.Continuation
    private var batch: WatcherBatch
    private var source: Source = .stopped

    init(roots: [String], quiet: Duration, settle: Duration?, polling: Bool,
         continuation: AsyncStream<[String]>.Continuation) throws {
        control = try WatcherControl()
        self.roots = roots
        self.continuation = continuation
        batch = WatcherBatch(quiet: quiet, settle: settle, cap: quiet * 10)
        #if os(Linux)
        if !polling, let inotify = try WatcherInotify.open(roots: roots) {
            source = .inotify(inotify)
            return
        }
        #endif
        startPolling()
    }

    func run() {
        while !control.isStopped {
            if let paths = batch.take(at: .now) { continuation.yield(paths) }
            var wake = [pollfd(fd: control.wakeRead, events: Int16(POLLIN), revents: 0)]
            var due = batch.due
            switch source {
            #if os(Linux)
            case .inotify(let inotify):
                wake.append(pollfd(fd: inotify.descriptor, events: Int16(POLLIN), revents: 0))
            #endif
            case .polling(_, let next):
                due = min(due ?? next, next)
            case .stopped:
                break
            }
            // No timeout when nothing is pending: inotify or `stop()` will wake the thread.
            let timeout = due.map { ($0 - .now).pollMilliseconds } ?? -1
            if poll(&wake, nfds_t(wake.count), timeout) < 0, errno != EINTR { break }
            collect()
        }
        // Closes the inotify descriptor now rather than whenever the thread lets go of the loop.
        source = .stopped
        continuation.finish()
    }

    /// Adds what changed since the last look to the batch.
    private func collect() {
        let now = ContinuousClock.now
        switch source {
        #if os(Linux)
        case .inotify(let inotify):
            let (changed, settled, needsPolling) = inotify.read()
            batch.add(changed, at: now, settled: settled)
            // A new folder could not be watched, or a root is gone: inotify would miss changes.
            // What has happened so far is in the batch; from here on polling sees everything.
            if needsPolling { startPolling() }
        #endif
        case .polling(var polling, let next):
            guard now >= next else { return }
            batch.add(polling.changes(), at: now)
            source = .polling(polling, next: now + WatcherPolling.interval)
        case .stopped:
            break
        }
    }

    private func startPolling() {
        source = .polling(WatcherPolling(roots: roots), next: .now + WatcherPolling.interval)
    }
}
