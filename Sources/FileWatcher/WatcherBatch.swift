/// The paths changed since the last report, and when the report is due: a burst of events (an
/// editor's temp file, rename and chmod) becomes one batch once `quiet` passes without another.
/// Each event restarts the quiet period, but never past `cap` after the first one, so a file
/// that is written to constantly (a log, a long copy) still gets reported.
struct WatcherBatch {
    let quiet: Duration
    let cap: Duration
    private var paths: Set<String> = []
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?

    init(quiet: Duration, cap: Duration) {
        self.quiet = quiet
        self.cap = cap
    }

    /// Records changed paths seen at `now`. Nothing (an ignored file) does not restart the timer.
    mutating func add(_ changed: some Sequence<String>, at now: ContinuousClock.Instant) {
        var added = false
        for path in changed {
            paths.insert(path)
            added = true
        }
        guard added else { return }
        if first == nil { first = now }
        last = now
    }

    /// When the batch must be reported; nil when there is nothing to report.
    var due: ContinuousClock.Instant? {
        guard let first, let last, !paths.isEmpty else { return nil }
        return min(last + quiet, first + cap)
    }

    /// The batch, sorted, if it is due at `now`; the next batch then starts empty.
    mutating func take(at now: ContinuousClock.Instant) -> [String]? {
        guard let due, now >= due else { return nil }
        let batch = paths.sorted()
        paths = []
        first = nil
        last = nil
        return batch
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a wait for this long never ends early, and at
    /// least 0: what `poll()` takes as its timeout.
    var pollMilliseconds: Int32 {
        guard self > .zero else { return 0 }
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
