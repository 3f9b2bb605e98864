import Mustache

/// The rows of a long list (the case list's 10,000 cases) with their shape keys and texts joined
/// once, then kept up to date row by row (`replacing`): a page of them needs no walk of its rows
/// (`TemplateShape`), only a copy of two arrays. swift-mustache iterates it as a sequence of
/// rows. `serve` keeps one for the case list; a build walks its rows once anyway.
final class TemplateList: MustacheSequence, @unchecked Sendable {
    // Unchecked: nothing changes after `init`; `replacing` makes a new list.
    let rows: [TemplateRow]
    /// "[", each row's shape number, "]": the list's part of a shape key.
    let key: [UInt8]
    /// Every row's texts, in order.
    let values: [TemplateShape.Value]
    /// Whether every row has a shape; if not, pages holding the list render directly.
    let isShaped: Bool
    /// The rows' shared values (see `TemplateShape.shared`), usually none.
    let shared: [TemplateValues]
    /// Where each row's part of `key` and `values` ends.
    private let keyEnds: [Int]
    private let valueEnds: [Int]

    convenience init(_ rows: [TemplateRow]) {
        var key: [UInt8] = [0x5B], values: [TemplateShape.Value] = [], keyEnds: [Int] = [], valueEnds: [Int] = []
        for row in rows {
            key += row.shapeNumber ?? []
            values += row.texts.values
            keyEnds.append(key.count)
            valueEnds.append(values.count)
        }
        key.append(0x5D)
        self.init(rows, key: key, values: values, keyEnds: keyEnds, valueEnds: valueEnds,
                  isShaped: rows.allSatisfy { $0.shapeNumber != nil }, shared: rows.flatMap(\.shared))
    }

    private init(_ rows: [TemplateRow], key: [UInt8], values: [TemplateShape.Value], keyEnds: [Int], valueEnds: [Int],
                 isShaped: Bool, shared: [TemplateValues]) {
        self.rows = rows
        self.key = key
        self.values = values
        self.keyEnds = keyEnds
        self.valueEnds = valueEnds
        self.isShaped = isShaped
        self.shared = shared
    }

    /// The list with `rows[range]` replaced by `new` (none: a row removed; one at an empty range:
    /// a row added). The other rows' keys and texts are copied, not walked again.
    func replacing(_ range: Range<Int>, with new: [TemplateRow]) -> TemplateList {
        let keyStart = range.lowerBound == 0 ? 1 : keyEnds[range.lowerBound - 1]
        let keyEnd = range.isEmpty ? keyStart : keyEnds[range.upperBound - 1]
        let valueStart = range.lowerBound == 0 ? 0 : valueEnds[range.lowerBound - 1]
        let valueEnd = range.isEmpty ? valueStart : valueEnds[range.upperBound - 1]
        var rows = self.rows, key = Array(key[..<keyStart]), values = Array(values[..<valueStart])
        var keyEnds = Array(keyEnds[..<range.lowerBound]), valueEnds = Array(valueEnds[..<range.lowerBound])
        rows.replaceSubrange(range, with: new)
        for row in new {
            key += row.shapeNumber ?? []
            values += row.texts.values
            keyEnds.append(key.count)
            valueEnds.append(values.count)
        }
        let (keyShift, valueShift) = (key.count - keyEnd, values.count - valueEnd)
        key += self.key[keyEnd...]
        values += self.values[valueEnd...]
        keyEnds += self.keyEnds[range.upperBound...].map { $0 + keyShift }
        valueEnds += self.valueEnds[range.upperBound...].map { $0 + valueShift }
        // Asking the other 10,000 rows again would cost what the copy saves: only when a row
        // without a shape, or with shared values, comes or goes.
        let changed = self.rows[range] + new
        let isShaped = changed.contains { $0.shapeNumber == nil } ? rows.allSatisfy { $0.shapeNumber != nil } : self.isShaped
        let shared = changed.contains { !$0.shared.isEmpty } ? rows.flatMap(\.shared) : self.shared
        return TemplateList(rows, key: key, values: values, keyEnds: keyEnds, valueEnds: valueEnds,
                            isShaped: isShaped, shared: shared)
    }

    func makeIterator() -> IndexingIterator<[TemplateRow]> { rows.makeIterator() }
}
