import Escaping
import Foundation

/// The bytes a picture is written into, appended through a pointer and grown by doubling. An
/// array checked its storage and whether it was shared at every byte: a third of the time of
/// the Gantt charts of a build (10,000 of them, a hundred elements each). A class, so that
/// the writer's copies share it: a picture is written by one `SVGWriter`, passed `inout`.
final class SVGBytes {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The bytes written so far, copied out.
    var array: [UInt8] { bytes(since: 0) }

    /// The bytes written from `start` on, copied out.
    func bytes(since start: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: base + start, count: count - start)) }

    /// The bytes written so far, as text (a badge, 10,000 of them a build, is used as text).
    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    /// A String's bytes, copied at once.
    func append(_ text: String) {
        text.withBytes { append(contentsOf: $0) }
    }

    /// A name known when the program was built.
    func append(_ name: StaticString) {
        name.withUTF8Buffer { append(contentsOf: $0) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
