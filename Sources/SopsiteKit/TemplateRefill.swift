import Foundation

/// The last page filled into a list's skeleton, kept by `serve`: the next page of the same shape
/// is that page with only the values that differ put in anew (a title edit changes one row of
/// 10,000; filling the 6 MB case list afresh took longer than the rest of the edit).
final class TemplateRefill: @unchecked Sendable {
    // Unchecked: used under `lock` only.
    let lock = NSLock()
    let key: [UInt8]
    private var values: [TemplateShape.Value] = []
    /// The rows and lists whose bytes `values` point into, kept alive so that no other row's
    /// bytes can come to lie at the same address.
    private var pinned: ([PackedTexts], [TemplateList]) = ([], [])
    private var output: [UInt8] = []
    private var bounds: [(start: Int, end: Int)] = []

    init(key: [UInt8]) {
        self.key = key
    }

    /// The page for `shape` in `skeleton` (the skeleton of this refill's key).
    func fill(_ skeleton: TemplateSkeleton, _ shape: TemplateShape) -> [UInt8] {
        lock.withLock {
            if values.count == shape.values.count && !output.isEmpty {
                refill(skeleton, shape)
            } else {
                bounds = []
                bounds.reserveCapacity(skeleton.slots.count)
                output = skeleton.fill(shape, bounds: &bounds)
            }
            values = shape.values
            pinned = (shape.rows, shape.lists)
            return output
        }
    }

    /// The last page with the values that differ put in anew, the others copied as they were.
    private func refill(_ skeleton: TemplateSkeleton, _ shape: TemplateShape) {
        let differs = zip(values, shape.values).map { !TemplateRefill.same($0, $1) }
        guard differs.contains(true) else { return }
        var out: [UInt8] = []
        out.reserveCapacity(output.count + 4096)
        var copied = 0, shift = 0
        for (k, slot) in skeleton.slots.enumerated() {
            guard differs[slot.value] else {
                bounds[k] = (bounds[k].start + shift, bounds[k].end + shift)
                continue
            }
            out += output[copied..<bounds[k].start]
            let start = out.count
            TemplateSkeleton.append(shape.values[slot.value], escaped: slot.escaped, to: &out)
            copied = bounds[k].end
            shift = out.count - copied
            bounds[k] = (start, out.count)
        }
        out += output[copied...]
        output = out
    }

    /// The same bytes: Swift's `==` on strings would take canonically equivalent texts as one.
    private static func same(_ a: TemplateShape.Value, _ b: TemplateShape.Value) -> Bool {
        switch (a, b) {
        case let (.text(x, p), .text(y, q)): return p == q && x.utf8.elementsEqual(y.utf8)
        case let (.bytes(x, m, p), .bytes(y, n, q)): return x == y && m == n && p == q
        default: return false
        }
    }
}
