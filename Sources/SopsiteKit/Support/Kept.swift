import Synchronization

/// Values made once and given again wherever the same key asks, shared by every core: what
/// 10,000 case pages make the same many times over (a timing's words, a chart's shaded days).
/// Past `most`, all are let go and made again as they come: `serve` keeps its renderer for
/// days, and every day brings new keys.
final class Kept<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])
    let most: Int

    init(most: Int = 4096) {
        self.most = most
    }

    /// The value kept for `key`, or the one `make` makes, kept. `make` runs outside the lock:
    /// two cores may make the same value at once, and they make the same.
    func value(_ key: Key, make: () -> Value) -> Value {
        if let value = values.withLock({ $0[key] }) { return value }
        let value = make()
        values.withLock { values in
            if values.count >= most { values.removeAll(keepingCapacity: true) }
            values[key] = value
        }
        return value
    }
}
