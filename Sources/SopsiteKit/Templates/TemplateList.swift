import Mustache

/// The rows of a long list (the case list's 10,000 cases) with their shape keys and texts joined
/// once, then kept up to date row by row (`replacing`): a page of them needs no walk of its rows
/// (`TemplateShape`), only a copy of two arrays (`Parts`). swift-mustache iterates it as a
/// sequence of rows. `serve` keeps one for the case list; a build walks its rows once anyway.
final class TemplateList: MustacheSequence, @unchecked Sendable {
    // Unchecked: nothing changes after `init`; `replacing` makes a new list.
    let rows: [TemplateRow]
    /// Each row's shape number: with "[" before and "]" after, the list's part of a shape key.
    let keys: Parts<UInt8>
    /// Each row's texts, in order.
    let values: Parts<TemplateShape.Value>
    /// Whether every row has a shape; if not, pages holding the list render directly.
    let isShaped: Bool
    /// The rows' shared values (see `TemplateShape.shared`), usually none.
    let shared: [TemplateValues]

    convenience init(_ rows: [TemplateRow]) {
        var keys = Parts<UInt8>(), values = Parts<TemplateShape.Value>()
        for row in rows {
            keys.append(row.shapeNumber ?? [])
            values.append(row.texts.values)
        }
        self.init(rows, keys: keys, values: values,
                  isShaped: rows.allSatisfy { $0.shapeNumber != nil }, shared: rows.flatMap(\.shared))
    }

    private init(_ rows: [TemplateRow], keys: Parts<UInt8>, values: Parts<TemplateShape.Value>,
                 isShaped: Bool, shared: [TemplateValues]) {
        self.rows = rows
        self.keys = keys
        self.values = values
        self.isShaped = isShaped
        self.shared = shared
    }

    /// The list with `rows[range]` replaced by `new` (none: a row removed; one at an empty range:
    /// a row added). The other rows' keys and texts are copied, not walked again.
    func replacing(_ range: Range<Int>, with new: [TemplateRow]) -> TemplateList {
        var rows = self.rows, keys = self.keys, values = self.values
        rows.replaceSubrange(range, with: new)
        keys.replace(range, with: new.map { $0.shapeNumber ?? [] })
        values.replace(range, with: new.map(\.texts.values))
        // Asking the other 10,000 rows again would cost what the copy saves: only when a row
        // without a shape, or with shared values, comes or goes.
        let changed = self.rows[range] + new
        let isShaped = changed.contains { $0.shapeNumber == nil } ? rows.allSatisfy { $0.shapeNumber != nil } : self.isShaped
        let shared = changed.contains { !$0.shared.isEmpty } ? rows.flatMap(\.shared) : self.shared
        return TemplateList(rows, keys: keys, values: values, isShaped: isShaped, shared: shared)
    }

    func makeIterator() -> IndexingIterator<[TemplateRow]> { rows.makeIterator() }
}
