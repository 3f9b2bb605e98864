/// Where a page puts the values its template reads. A page writes its values once, as code
/// generic over the context, and gets either a dictionary for swift-mustache
/// (`TemplateDictionary`) or its shape straight away (`TemplateShapeWriter`): a case page's
/// dictionary and its walk were a quarter of a build, for a page filled into a skeleton all
/// the same.
///
/// Names are literals (`StaticString`): the shape writer copies their bytes without making
/// strings. Absent values are left out, as a dictionary leaves them out: an empty string would
/// still open a section.
protocol TemplateContext {
    init()
    mutating func text(_ name: StaticString, _ value: String)
    /// HTML made as bytes (`Markdown.Rendered.htmlBytes`), as the text it is.
    mutating func html(_ name: StaticString, _ bytes: [UInt8])
    mutating func flag(_ name: StaticString, _ value: Bool)
    mutating func shared(_ name: StaticString, _ value: TemplateValues)
    /// A nested map, written by `fill`.
    mutating func map(_ name: StaticString, _ fill: (inout Self) -> Void)
    /// A list of maps, each written by `fill` from an item.
    mutating func list<Items: Sequence>(_ name: StaticString, _ items: Items, _ fill: (inout Self, Items.Element) -> Void)
}

extension TemplateContext {
    /// The text when there is one.
    mutating func text(_ name: StaticString, ifAny value: String?) {
        if let value { text(name, value) }
    }

    /// The text unless it is empty.
    mutating func text(_ name: StaticString, ifNotEmpty value: String) {
        if !value.isEmpty { text(name, value) }
    }
}

/// Values written by a page, in the form its template reads them.
protocol PageValues {
    func write<Context: TemplateContext>(into context: inout Context)
}

extension PageValues {
    /// The values as a dictionary, for swift-mustache.
    var dictionary: [String: Any] {
        var context = TemplateDictionary()
        write(into: &context)
        return context.values
    }
}

/// The values as the dictionary swift-mustache reads: what a page renders from when its shape
/// is new, and what pages not written as `PageValues` still build by hand.
struct TemplateDictionary: TemplateContext {
    private(set) var values: [String: Any] = [:]

    mutating func text(_ name: StaticString, _ value: String) { values[name.description] = value }
    mutating func html(_ name: StaticString, _ bytes: [UInt8]) { values[name.description] = String(decoding: bytes, as: UTF8.self) }
    mutating func flag(_ name: StaticString, _ value: Bool) { values[name.description] = value }
    mutating func shared(_ name: StaticString, _ value: TemplateValues) { values[name.description] = value }

    mutating func map(_ name: StaticString, _ fill: (inout TemplateDictionary) -> Void) {
        var inner = TemplateDictionary()
        fill(&inner)
        values[name.description] = inner.values
    }

    mutating func list<Items: Sequence>(_ name: StaticString, _ items: Items,
                                        _ fill: (inout TemplateDictionary, Items.Element) -> Void) {
        values[name.description] = items.map { item -> [String: Any] in
            var inner = TemplateDictionary()
            fill(&inner, item)
            return inner.values
        }
    }
}
