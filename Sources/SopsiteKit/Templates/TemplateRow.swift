import Foundation
import Mustache

/// A dictionary that many renderings share, such as a case's row in the lists, walked once for
/// `TemplateShape` (templates read it as the dictionary it holds).
final class TemplateRow: MustacheParent, @unchecked Sendable {
    /// The shape's key as a number shared by rows of one shape: a page of 10,000 rows then has
    /// a key of 10,000 numbers rather than 10,000 copies of the row's key. Nil when the row has
    /// no shape (see `TemplateShape.init`).
    let shapeNumber: [UInt8]?
    /// The shape's texts in walk order, in one buffer.
    let texts: PackedTexts
    let shared: [TemplateValues]
    /// The dictionary, given or made when a template first reads the row: a list's skeleton
    /// is made from a few rows, so most rows of a build never need theirs.
    private var dictionary: [String: Any]?
    private let make: (@Sendable () -> [String: Any])?
    private let lock = NSLock()

    convenience init(_ values: [String: Any]) {
        self.init(shape: TemplateShape(values), dictionary: values, make: nil)
    }

    /// A row of values written straight into their shape (`TemplateShapeWriter`).
    convenience init(_ values: some PageValues & Sendable) {
        var writer = TemplateShapeWriter(values: 16)
        values.write(into: &writer)
        self.init(shape: writer.finish(), dictionary: nil, make: { values.dictionary })
    }

    private init(shape: TemplateShape?, dictionary: [String: Any]?, make: (@Sendable () -> [String: Any])?) {
        self.dictionary = dictionary
        self.make = make
        shapeNumber = shape.map { TemplateRow.number(for: $0.key) }
        texts = PackedTexts(shape)
        shared = shape?.shared ?? []
    }

    /// The row as the dictionary templates read.
    var values: [String: Any] {
        lock.withLock {
            if let dictionary { return dictionary }
            let made = make?() ?? [:]
            dictionary = made
            return made
        }
    }

    private nonisolated(unsafe) static var numbers: [ByteKey: [UInt8]] = [:]
    private static let lock = NSLock()

    private static func number(for key: [UInt8]) -> [UInt8] {
        let hashed = ByteKey(key)  // hashed before taking the lock
        return lock.withLock {
            if let known = numbers[hashed] { return known }
            // Past a bound (content where every row has a shape of its own), the key itself.
            guard numbers.count < 10_000 else { return [0x4B] + key }
            let number = [0x4E] + withUnsafeBytes(of: numbers.count.littleEndian) { Array($0) }
            numbers[hashed] = number
            return number
        }
    }

    func child(named name: String) -> Any? { values[name] }
}

/// A row's texts in one block of memory, with where each starts and whether it needs no HTML
/// escaping. Filling a list of 10,000 rows then reads 10,000 blocks rather than 140,000 strings
/// scattered in memory, whose every first touch was a cache miss, and counts no references:
/// shapes point into the block (`TemplateShape.Value.bytes`) and keep the block alive.
final class PackedTexts: @unchecked Sendable {
    // Unchecked: written in `init` only.
    struct Span {
        var start: Int
        var count: Int
        var plain: Bool
    }

    private let base: UnsafeMutableRawPointer
    /// Each text as a shape's value, pointing into `base`: a row adds them to a shape in one copy.
    let values: [TemplateShape.Value]

    init(_ shape: TemplateShape?) {
        var bytes: [UInt8] = [], spans: [Span] = []
        for value in shape?.values ?? [] {
            let start = bytes.count
            switch value {
            case let .text(text, plain):
                bytes += text.utf8
                spans.append(Span(start: start, count: bytes.count - start, plain: plain))
            case let .bytes(pointer, count, plain):
                bytes += UnsafeRawBufferPointer(start: pointer, count: count)
                spans.append(Span(start: start, count: count, plain: plain))
            case let .html(html, plain):
                bytes += html
                spans.append(Span(start: start, count: html.count, plain: plain))
            }
        }
        let base = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        bytes.withUnsafeBytes { if let from = $0.baseAddress { base.copyMemory(from: from, byteCount: bytes.count) } }
        self.base = base
        values = spans.map { .bytes(UnsafeRawPointer(base + $0.start), $0.count, plain: $0.plain) }
    }

    deinit { base.deallocate() }

}
