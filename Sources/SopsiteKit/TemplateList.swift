import Mustache

/// The rows of a long list (the case list's 10,000 cases) with their shape keys and texts joined
/// once, then kept up to date row by row (`replace`): a page of them needs no walk of its rows
/// (`TemplateShape`), only a copy of two arrays (`Parts`). swift-mustache iterates it as a
/// sequence of rows. `serve` keeps one for the case list; a build walks its rows once anyway.
final class TemplateList: MustacheSequence, @unchecked Sendable {
    // Unchecked: only `replace` changes a list, and `serve` calls it between rebuilds, when no
    // page is being made from it.
    private(set) var rows: [TemplateRow]
    /// Each row's shape number: with "[" before and "]" after, the list's part of a shape key.
    private(set) var keys: Parts<UInt8>
    /// Each row's texts, in order.
    private(set) var values: Parts<TemplateShape.Value>
    /// Whether every row has a shape; if not, pages holding the list render directly.
    private(set) var isShaped: Bool
    /// The rows' shared values (see `TemplateShape.shared`), usually none.
    private(set) var shared: [TemplateValues]

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

    /// `rows[range]` replaced by `new` (none: a row removed; one at an empty range: a row
    /// added), in place: the other rows' keys and texts are neither walked nor copied (a new
    /// list copied 10,000 rows' texts after each edit in `serve`).
    func replace(_ range: Range<Int>, with new: [TemplateRow]) {
        // Asking the other 10,000 rows again would cost what keeping them saves: only when a
        // row without a shape, or with shared values, comes or goes.
        let changed = rows[range] + new
        rows.replaceSubrange(range, with: new)
        keys.replace(range, with: new.map { $0.shapeNumber ?? [] })
        values.replace(range, with: new.map(\.texts.values))
        if changed.contains(where: { $0.shapeNumber == nil }) { isShaped = rows.allSatisfy { $0.shapeNumber != nil } }
        if changed.contains(where: { !$0.shared.isEmpty }) { shared = rows.flatMap(\.shared) }
    }

    func makeIterator() -> IndexingIterator<[TemplateRow]> { rows.makeIterator() }
}
