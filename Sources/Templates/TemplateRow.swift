import Synchronization

/// A case's row in the long lists `serve` makes again on every edit (the case list's 10,000
/// rows, the dashboard's overdue cases): the row's values, and its text under each section it
/// was written in, kept with every value it read from outside itself. A row is made once per
/// case (an edited case gets a new one), so its text is written again only when something it
/// read outside changed: then the list is its rows' texts joined.
public final class TemplateRow: Sendable {
    public let values: TemplateMap
    private let kept = Mutex<[Rendering]>([])

    /// Where a row is written: the page, the section, and what the section writes with.
    struct Place: Equatable {
        let page: String
        let section: Int
        let escapes: Bool
        let indentation: [UInt8]
    }

    /// A row's text at a place, and the values it read outside the row (nil: found nowhere).
    struct Rendering: Sendable {
        let place: Place
        let outside: [(name: TemplateName, value: TemplateValue?)]
        let bytes: [UInt8]
    }

    public init(_ values: TemplateMap) {
        self.values = values
    }

    /// The text kept for `place`, if every value it read outside is still the one `lookUp` finds.
    func text(at place: Place, lookUp: (TemplateName) -> TemplateValue?) -> [UInt8]? {
        guard let rendering = kept.withLock({ $0.first { $0.place == place } }) else { return nil }
        for read in rendering.outside where lookUp(read.name) != read.value { return nil }
        return rendering.bytes
    }

    /// Keeps a text for its place, in place of the one kept before.
    func keep(_ rendering: Rendering) {
        kept.withLock { kept in
            kept.removeAll { $0.place == rendering.place }
            kept.append(rendering)
        }
    }
}

extension TemplateValue: Equatable {
    /// Texts by their bytes, the interface strings and rows by identity, maps and lists entry
    /// by entry.
    public static func == (a: TemplateValue, b: TemplateValue) -> Bool {
        switch (a, b) {
        case let (.text(x), .text(y)): return x.utf8.elementsEqual(y.utf8)
        case let (.html(x), .html(y)): return x == y
        case let (.flag(x), .flag(y)): return x == y
        case let (.strings(x), .strings(y)): return x === y
        case let (.row(x), .row(y)): return x === y
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)):
            return x.entries.count == y.entries.count
                && zip(x.entries, y.entries).allSatisfy { $0.name == $1.name && $0.value == $1.value }
        default: return false
        }
    }
}
