import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core: the build's per-case work (parsing, rendering) is independent from
    /// case to case. Results keep the array's order, so output stays deterministic. Each
    /// result is made in its place in the new array: gathering them in a buffer of optionals
    /// first and copying them out moved 10,000 loaded cases, on one core.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let items = self
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each index is written by exactly one iteration, so the writes never overlap.
            nonisolated(unsafe) let results = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                (results + i).initialize(to: transform(items[i]))
            }
            initialized = items.count
        }
    }
}

/// Two independent pieces of work at once: `first` on another thread, `second` on this one,
/// which may itself use every core (a `concurrentPerform` inside another runs on one core).
func sideBySide<A, B>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
    nonisolated(unsafe) var a: A?
    let done = DispatchGroup()
    DispatchQueue.global().async(group: done) { a = first() }
    let b = second()
    done.wait()
    return (a!, b)
}
