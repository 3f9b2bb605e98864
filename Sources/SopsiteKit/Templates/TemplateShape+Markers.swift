/// The marker context a skeleton is rendered from (see `TemplateSkeleton`).
extension TemplateShape {
    /// The context with each text replaced by its marker (`TemplateSkeleton.marker`), walked in
    /// the same order as `init`. Rendering it gives the skeleton of the shape.
    static func markers(for value: Any, next: inout Int) -> Any {
        var none: Shortening?
        return markers(for: value, next: &next, shortening: &none)
    }

    /// A list to render with other rows (`TemplateListSkeleton`), and the numbers its markers
    /// started at, each time it was met.
    struct Shortening {
        let list: TemplateList
        let rows: [TemplateRow]
        var starts: [Int] = []
    }

    static func markers(for value: Any, next: inout Int, shortening: inout Shortening?) -> Any {
        switch value {
        case is String, is Int:
            defer { next += 1 }
            return TemplateSkeleton.marker(next)
        case let map as [String: Any]:
            var marked: [String: Any] = [:]
            for name in map.keys.sorted() { marked[name] = markers(for: map[name]!, next: &next, shortening: &shortening) }
            return marked
        case let list as [Any]:
            return list.map { markers(for: $0, next: &next, shortening: &shortening) }
        case let row as TemplateRow:
            return markers(for: row.values, next: &next, shortening: &shortening)
        case let list as TemplateList:
            var rows = list.rows
            if let short = shortening, short.list === list {
                shortening?.starts.append(next)
                rows = short.rows
            }
            return rows.map { markers(for: $0.values, next: &next, shortening: &shortening) }
        default:
            return value  // true, false, shared values and absent ones render as they are
        }
    }
}
