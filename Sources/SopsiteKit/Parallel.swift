import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core: the build's per-case work (parsing, rendering) is independent from
    /// case to case. Results keep the array's order, so output stays deterministic.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        // Each index is written by exactly one iteration, so the writes never overlap.
        nonisolated(unsafe) let results = buffer
        let items = self
        DispatchQueue.concurrentPerform(iterations: count) { i in
            results[i] = transform(items[i])
        }
        return buffer.map { $0! }
    }
}
