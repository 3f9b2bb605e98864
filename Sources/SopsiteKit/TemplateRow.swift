import Foundation
import Mustache

/// A dictionary that many renderings share, such as a case's row in the lists, walked once for
/// `TemplateShape` (templates read it as the dictionary it holds).
final class TemplateRow: MustacheParent, @unchecked Sendable {
    let values: [String: Any]
    /// The shape's key as a number shared by rows of one shape: a page of 10,000 rows then has
    /// a key of 10,000 numbers rather than 10,000 copies of the row's key. Nil when the row has
    /// no shape (see `TemplateShape.init`).
    let shapeNumber: [UInt8]?
    /// The shape's texts in walk order, in one buffer.
    let texts: PackedTexts
    let shared: [TemplateValues]

    init(_ values: [String: Any]) {
        self.values = values
        let shape = TemplateShape(values)
        shapeNumber = shape.map { TemplateRow.number(for: $0.key) }
        texts = PackedTexts(shape)
        shared = shape?.shared ?? []
    }

    private nonisolated(unsafe) static var numbers: [[UInt8]: [UInt8]] = [:]
    private static let lock = NSLock()

    private static func number(for key: [UInt8]) -> [UInt8] {
        lock.withLock {
            if let known = numbers[key] { return known }
            // Past a bound (content where every row has a shape of its own), the key itself.
            guard numbers.count < 10_000 else { return [0x4B] + key }
            let number = [0x4E] + withUnsafeBytes(of: numbers.count.littleEndian) { Array($0) }
            numbers[key] = number
            return number
        }
    }

    func child(named name: String) -> Any? { values[name] }
}

/// Texts in one buffer: their count, where each ends, whether each needs no HTML escaping, then
/// their bytes. Filling a list of 10,000 rows then reads 10,000 buffers rather than 140,000
/// strings scattered in memory, whose every first touch was a cache miss (a third of the time
/// the case list took).
struct PackedTexts {
    private let buffer: [UInt8]

    init(_ shape: TemplateShape?) {
        let values = shape?.values ?? []
        var texts: [UInt8] = [], ends: [UInt32] = [], plain: [UInt8] = []
        for value in values {
            switch value {
            case let .text(text, isPlain):
                texts += text.utf8
                plain.append(isPlain ? 1 : 0)
            case let .row(row, i):
                shape!.rows[row].withText(i) { texts += $0; plain.append($1 ? 1 : 0) }
            }
            ends.append(UInt32(texts.count))
        }
        var buffer = withUnsafeBytes(of: UInt32(ends.count).littleEndian) { Array($0) }
        for end in ends { withUnsafeBytes(of: end.littleEndian) { buffer += $0 } }
        self.buffer = buffer + plain + texts
    }

    var count: Int { Int(load(0)) }

    /// Text `i`'s bytes, and whether HTML escaping leaves it as it is.
    func withText<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> R) -> R {
        buffer.withUnsafeBufferPointer { bytes in
            let n = Int(load(0)), texts = 4 + 5 * n
            let start = i == 0 ? 0 : Int(load(4 + 4 * (i - 1))), end = Int(load(4 + 4 * i))
            return body(UnsafeBufferPointer(rebasing: bytes[(texts + start)..<(texts + end)]), bytes[4 + 4 * n + i] == 1)
        }
    }

    private func load(_ offset: Int) -> UInt32 {
        buffer.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }
}
