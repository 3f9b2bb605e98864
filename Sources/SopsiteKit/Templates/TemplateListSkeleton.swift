import Mustache

/// The skeleton of a context holding a long list of rows (`TemplateList`, the case list's 10,000
/// cases), made from a rendering of a short list instead of every row: swift-mustache took 300 ms
/// for the 10,000 rows, each time a case was added or removed in `serve`.
///
/// With skeletons on, a section over a list renders each row on its own (transforms such as
/// `first()` turn skeletons off), so the rows' text is each row's own part, of its shape, with
/// the text between two rows depending on the two shapes only. The short list holds the first
/// row's shape first and the last row's last, and each pair of shapes that follow each other in
/// the long list once; its rendering then shows every part the long list needs, which are put
/// together row by row. Anything not read this way (a row with no text, parts that differ for
/// one shape) gives nil, and the caller renders every row.
enum TemplateListSkeleton {
    typealias Token = TemplateSkeleton.Token

    static func make(_ template: String, _ context: [String: Any], list: TemplateList,
                     library: MustacheLibrary, shared: [TemplateValues]) -> TemplateSkeleton? {
        let rows = list.rows
        guard rows.count >= 3, list.isShaped else { return nil }
        // Each row's kind (its shape, numbered in order of first sight), and a row of each kind.
        var kindOf: [[UInt8]: Int] = [:], kinds: [Int] = [], models: [TemplateRow] = []
        kinds.reserveCapacity(rows.count)
        var previous: (number: [UInt8], kind: Int)?
        for row in rows {
            let number = row.shapeNumber ?? []
            // Neighbours often share a shape: comparing a few bytes is cheaper than hashing them.
            if let previous, previous.number == number {
                kinds.append(previous.kind)
                continue
            }
            if kindOf[number] == nil {
                kindOf[number] = models.count
                models.append(row)
            }
            kinds.append(kindOf[number]!)
            previous = (number, kindOf[number]!)
        }
        let counts = models.map(\.texts.values.count)
        guard !counts.contains(0) else { return nil }
        var pairs: [(Int, Int)] = [], seen = Set<Int>()
        for i in 1..<kinds.count where seen.insert(kinds[i - 1] * models.count + kinds[i]).inserted {
            pairs.append((kinds[i - 1], kinds[i]))
        }
        let shortKinds = [kinds[0]] + pairs.flatMap { [$0.0, $0.1] } + [kinds[kinds.count - 1]]

        // The context with the short list, rendered with markers.
        var shortening: TemplateShape.Shortening? = .init(list: list, rows: shortKinds.map { models[$0] })
        var next = 0
        guard let marked = TemplateShape.markers(for: context, next: &next, shortening: &shortening) as? [String: Any],
              let starts = shortening?.starts, starts.count == 1,
              let rendered = library.render(marked, withTemplate: template),
              let tokens = TemplateSkeleton.tokens(rendered: rendered, valueCount: next)
        else { return nil }
        var shortStarts: [Int] = [], at = starts[0]
        for kind in shortKinds {
            shortStarts.append(at)
            at += counts[kind]
        }
        let cut = Cut(tokens: tokens, listStart: starts[0], shortStarts: shortStarts, shortKinds: shortKinds,
                          counts: counts, shift: list.values.elements.count - (at - starts[0]))
        return cut?.skeleton(kinds: kinds, shared: shared)
    }
}
