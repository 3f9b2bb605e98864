/// The paths changed since the last report, and when the report is due: a burst of events (an
/// editor's temp file, rename and chmod) becomes one batch once `quiet` passes without another.
/// Each event restarts the quiet period, but never past `cap` after the first one, so a file
/// that is written to constantly (a log, a long copy) still gets reported. When the latest
/// event finished a save (a file closed after writing, or renamed into place), the shorter
/// `settle` is waited instead: the save is whole, and only what an editor does right after it
/// (a backup deleted) is still worth gathering. serve reports a save about 12 ms sooner.
struct WatcherBatch {
    let quiet: Duration
    let settle: Duration
    let cap: Duration
    private var paths: Set<String> = []
    private var first: ContinuousClock.Instant?
    private var last: ContinuousClock.Instant?
    private var settled = false

    init(quiet: Duration, settle: Duration? = nil, cap: Duration) {
        self.quiet = quiet
        self.settle = min(settle ?? quiet, quiet)
        self.cap = cap
    }

    /// Records changed paths seen at `now`; `settled`: the last of them finished a save.
    /// Nothing (an ignored file) does not restart the timer.
    mutating func add(_ changed: some Sequence<String>, at now: ContinuousClock.Instant, settled: Bool = false) {
        var added = false
        for path in changed {
            paths.insert(path)
            added = true
        }
        guard added else { return }
        if first == nil { first = now }
        last = now
        self.settled = settled
    }

    /// When the batch must be reported; nil when there is nothing to report.
    var due: ContinuousClock.Instant? {
        guard let first, let last, !paths.isEmpty else { return nil }
        return min(last + (settled ? settle : quiet), first + cap)
    }

    /// The batch, sorted, if it is due at `now`; the next batch then starts empty.
    mutating func take(at now: ContinuousClock.Instant) -> [String]? {
        guard let due, now >= due else { return nil }
        let batch = paths.sorted()
        paths = []
        first = nil
        last = nil
        settled = false
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
