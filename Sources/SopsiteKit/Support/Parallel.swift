import Foundation

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
/// `first` gets a thread of its own: queued on Dispatch's pool, whose width is the number of
/// CPUs and whose one thread on a one-CPU machine is this one, it waited for the pool's
/// once-a-second check to make it another, and a build there sat idle for about a second.
func sideBySide<A, B>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
    nonisolated(unsafe) var a: A?
    let done = DispatchSemaphore(value: 0)
    Thread { a = first(); done.signal() }.start()
    let b = second()
    done.wait()
    return (a!, b)
}
