import Foundation

/// The last page filled into a list's skeleton, kept by `serve`: the next page is that page with
/// only what differs put in anew. Of the same shape, the values that differ (a title edit changes
/// one row of 10,000); of another shape (a case added, removed, or whose row changed its fields),
/// the run of slots between the first and the last that differ. Filling the 6 MB case list afresh
/// took longer than the rest of the edit.
final class TemplateRefill: @unchecked Sendable {
    // Unchecked: used under `lock` only.
    let lock = NSLock()
    private var key: [UInt8] = []
    private var skeleton: TemplateSkeleton?
    private var values: [TemplateShape.Value] = []
    /// The rows and lists whose bytes `values` point into, kept alive so that no other row's
    /// bytes can come to lie at the same address.
    private var pinned: ([PackedTexts], [TemplateList]) = ([], [])
    private var output: [UInt8] = []
    private var bounds: [(start: Int, end: Int)] = []

    /// The page for `shape` in `skeleton`, the skeleton of `key`.
    func fill(_ skeleton: TemplateSkeleton, _ shape: TemplateShape, key: [UInt8]) -> [UInt8] {
        lock.withLock {
            if key == self.key && values.count == shape.values.count && !output.isEmpty {
                refill(skeleton, shape)
            } else if let previous = self.skeleton, !output.isEmpty, splice(from: previous, to: skeleton, shape) {
                // done in place
            } else {
                bounds = []
                bounds.reserveCapacity(skeleton.slots.count)
                output = skeleton.fill(shape, bounds: &bounds)
            }
            self.key = key
            self.skeleton = skeleton
            values = shape.values
            pinned = (shape.rows, shape.lists)
            return output
        }
    }

    /// The last page with the values that differ put in anew, the others copied as they were.
    private func refill(_ skeleton: TemplateSkeleton, _ shape: TemplateShape) {
        let differs = zip(values, shape.values).map { !TemplateRefill.same($0, $1) }
        guard differs.contains(true) else { return }
        // Local while the 200,000 slots are read: each access to the object's own arrays was
        // checked for exclusive access.
        var bounds = self.bounds, output = self.output
        self.bounds = []
        defer { self.bounds = bounds }
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
        output = []
        self.output = out
    }

    /// The last page, of another skeleton, with the slots between the first and the last that
    /// differ filled anew. The slots before and after them have the same value, escaping and text
    /// around them in both skeletons, so their bytes in the last page are the new page's. False
    /// when the two share nothing at either end.
    private func splice(from old: TemplateSkeleton, to new: TemplateSkeleton, _ shape: TemplateShape) -> Bool {
        let (a, b) = (old.slots, new.slots)
        let (values, bounds, output) = (self.values, self.bounds, self.output)  // read without access checks
        var p = 0
        while p < a.count, p < b.count, a[p].textEnd == b[p].textEnd, a[p].escaped == b[p].escaped,
              TemplateRefill.same(values[a[p].value], shape.values[b[p].value]) { p += 1 }
        let textShift = new.text.count - old.text.count
        var q = 0
        while q < a.count - p, q < b.count - p {
            let (i, j) = (a.count - 1 - q, b.count - 1 - q)
            guard a[i].textEnd + textShift == b[j].textEnd, a[i].escaped == b[j].escaped,
                  TemplateRefill.same(values[a[i].value], shape.values[b[j].value]) else { break }
            q += 1
        }
        let (oldCut, newCut) = (a.count - q, b.count - q)  // the first slot after the run
        let prefixText = p == 0 ? 0 : a[p - 1].textEnd
        let suffixText = q == 0 ? old.text.count : a[oldCut].textEnd
        guard p + q > 0, TemplateRefill.equal(old.text, 0, new.text, 0, count: prefixText),
              TemplateRefill.equal(old.text, suffixText, new.text, suffixText + textShift, count: old.text.count - suffixText)
        else { return false }
        let prefixEnd = p == 0 ? 0 : bounds[p - 1].end
        let suffixStart = q == 0 ? output.count : bounds[oldCut].start
        var out: [UInt8] = []
        out.reserveCapacity(output.count + 4096)
        out += output[..<prefixEnd]
        var newBounds = Array(bounds[..<p])
        newBounds.reserveCapacity(b.count)
        var start = prefixText
        for k in p..<newCut {
            out += new.text[start..<b[k].textEnd]
            start = b[k].textEnd
            let before = out.count
            TemplateSkeleton.append(shape.values[b[k].value], escaped: b[k].escaped, to: &out)
            newBounds.append((before, out.count))
        }
        out += new.text[start..<(q == 0 ? new.text.count : b[newCut].textEnd)]
        let shift = out.count - suffixStart
        out += output[suffixStart...]
        newBounds += bounds[oldCut...].map { ($0.start + shift, $0.end + shift) }
        (self.output, self.bounds) = (out, newBounds)
        return true
    }

    /// Are `count` bytes of `a` from `i` those of `b` from `j`?
    private static func equal(_ a: [UInt8], _ i: Int, _ b: [UInt8], _ j: Int, count: Int) -> Bool {
        guard count > 0 else { return true }
        return a.withUnsafeBytes { a in b.withUnsafeBytes { b in memcmp(a.baseAddress! + i, b.baseAddress! + j, count) == 0 } }
    }

    /// The same bytes: Swift's `==` on strings would take canonically equivalent texts as one.
    private static func same(_ a: TemplateShape.Value, _ b: TemplateShape.Value) -> Bool {
        switch (a, b) {
        case let (.text(x, p), .text(y, q)): return p == q && x.utf8.elementsEqual(y.utf8)
        case let (.bytes(x, m, p), .bytes(y, n, q)): return x == y && m == n && p == q
        case let (.html(x, p), .html(y, q)): return p == q && x == y
        default: return false
        }
    }
}
