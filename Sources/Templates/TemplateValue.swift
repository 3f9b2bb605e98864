import Escaping
import Mustache

/// A value a page's template reads: the one way pages write their values. Texts are Strings;
/// `html` is HTML made as bytes (a case's report); `strings` is the theme's interface strings,
/// shared by every page (`{{t.key}}`).
public enum TemplateValue: Sendable {
    case text(String)
    case html([UInt8])
    case flag(Bool)
    case strings(TemplateStrings)
    case map(TemplateMap)
    case list([TemplateValue])
    /// A map kept by `serve` with its texts (a case's row in the long lists).
    case row(TemplateRow)

    /// The value a name leads to inside this one (`site` then `title` for `{{site.title}}`):
    /// only maps and the interface strings have names inside, as for swift-mustache.
    public func child(_ name: String) -> TemplateValue? {
        switch self {
        case let .map(map): return map[name]
        case let .row(row): return row.values[name]
        case let .strings(strings): return strings.text(name).map(TemplateValue.text)
        default: return nil
        }
    }

    /// Whether a name leads to a value inside this one: `child(name) != nil`, without the copy.
    func has(_ name: String) -> Bool {
        switch self {
        case let .map(map): return map.has(name)
        case let .row(row): return row.values.has(name)
        case let .strings(strings): return strings.text(name) != nil
        default: return false
        }
    }

    /// The value as swift-mustache reads it, for a theme whose templates compute
    /// (`PageTemplates`): a dictionary, an array, a String, a Bool.
    public var mustache: Any {
        switch self {
        case let .text(text): return text
        case let .html(bytes): return String(decoding: bytes, as: UTF8.self)
        case let .flag(flag): return flag
        case let .strings(strings): return strings
        case let .map(map): return map.mustache
        case let .row(row): return row.values.mustache
        case let .list(items): return items.map(\.mustache)
        }
    }
}

/// The theme's interface strings as one object per language (`{{t.case_id}}`).
public final class TemplateStrings: MustacheParent, Sendable {
    /// The strings in buckets by their name's length and first and last bytes, and nowhere
    /// else: every `{{t.…}}` of every page is looked up, and hashing the name in a dictionary
    /// was most of each lookup.
    /// Each string also escaped, as `{{t.key}}` writes it: escaped once, not on every page.
    private let buckets: [[(name: String, text: String, escaped: [UInt8])]]

    public init(_ values: [String: String]) {
        var buckets = [[(name: String, text: String, escaped: [UInt8])]](repeating: [], count: 256)
        for (name, text) in values.sorted(by: { $0.key < $1.key }) {
            var escaped: [UInt8] = []
            text.withBytes { Escape.append($0, apostrophe: true, to: &escaped) }
            buckets[TemplateStrings.bucket(name)].append((name, text, escaped))
        }
        self.buckets = buckets
    }

    /// The string `name`.
    func text(_ name: String) -> String? {
        place(of: name).map { buckets[$0.bucket][$0.index].text }
    }

    /// Appends the string `name`, escaped as a template's `{{…}}` escapes it or as it is;
    /// nothing when there is none, as for a name not found.
    func write(_ name: String, escaping: Bool, to out: inout [UInt8]) {
        guard let (b, i) = place(of: name) else { return }
        buckets.withUnsafeBufferPointer { buckets in
            // Read where it lies: a copy of the entry counted references to the strings every
            // page of both cores shares.
            buckets[b].withUnsafeBufferPointer { bucket in
                if escaping {
                    bucket[i].escaped.withUnsafeBufferPointer { out.append(contentsOf: $0) }
                } else {
                    bucket[i].text.withBytes { out.append(contentsOf: $0) }
                }
            }
        }
    }

    /// Which bucket holds `name`, and where in it.
    @inline(__always)
    private func place(of name: String) -> (bucket: Int, index: Int)? {
        let b = TemplateStrings.bucket(name)
        return buckets.withUnsafeBufferPointer { buckets in
            buckets[b].withUnsafeBufferPointer { bucket in
                bucket.indices.first { bucket[$0].name == name }.map { (b, $0) }
            }
        }
    }

    private static func bucket(_ name: String) -> Int {
        let utf8 = name.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return (utf8.count &* 31 &+ Int(first) &* 7 &+ Int(last)) & 255
    }

    public func child(named name: String) -> Any? { text(name) }
}

/// A page's values by name, in the order written. A short array rather than a dictionary: a
/// map holds a dozen names, which a look along the array finds sooner than a hash would.
/// Absent values are left out, as a template's `{{#name}}` is then closed (an empty text would
/// open it).
public struct TemplateMap: Sendable {
    public private(set) var entries: [(name: String, value: TemplateValue)] = []

    public init() {}

    /// Room for `capacity` names at once: a page's maps were grown name by name, each growth a
    /// new array and a copy.
    public init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// The value of `name`; the last one written when it was written twice.
    public subscript(name: String) -> TemplateValue? {
        get {
            guard let i = place(of: name) else { return nil }
            return entries[i].value
        }
        set {
            entries.removeAll { $0.name == name }
            if let newValue { add(name, newValue) }
        }
    }

    /// Whether `name` has a value (`self[name] != nil`, without copying the value out).
    func has(_ name: String) -> Bool { place(of: name) != nil }

    /// Where the last value of `name` is in `entries`. Names of other lengths are passed by
    /// their length alone: comparing Strings was most of a page's looking up.
    @inline(__always)
    private func place(of name: String) -> Int? {
        let length = name.utf8.count
        var i = entries.count
        while i > 0 {
            i -= 1
            if entries[i].name.utf8.count == length && entries[i].name == name { return i }
        }
        return nil
    }

    public mutating func text(_ name: String, _ value: String) { add(name, .text(value)) }

    /// The text when there is one.
    public mutating func text(_ name: String, ifAny value: String?) {
        if let value { text(name, value) }
    }

    /// The text unless it is empty.
    public mutating func text(_ name: String, ifNotEmpty value: String) {
        if !value.isEmpty { text(name, value) }
    }

    public mutating func texts(_ name: String, _ values: [String]) { add(name, .list(values.map(TemplateValue.text))) }
    public mutating func html(_ name: String, _ bytes: [UInt8]) { add(name, .html(bytes)) }
    public mutating func flag(_ name: String, _ value: Bool) { add(name, .flag(value)) }
    public mutating func strings(_ name: String, _ value: TemplateStrings) { add(name, .strings(value)) }

    /// A nested map, written by `fill`.
    public mutating func map(_ name: String, _ fill: (inout TemplateMap) -> Void) {
        var inner = TemplateMap(capacity: 16)
        fill(&inner)
        add(name, .map(inner))
    }

    /// A list of maps, each written by `fill` from an item. Inlinable, so that it is made for
    /// each kind of items where it is called: run generically, it asked the runtime for the
    /// types of every case page's timeline, step by step.
    @inlinable
    public mutating func list<Items: Sequence>(_ name: String, _ items: Items, _ fill: (inout TemplateMap, Items.Element) -> Void) {
        var maps: [TemplateValue] = []
        maps.reserveCapacity(items.underestimatedCount)
        for item in items {
            var inner = TemplateMap(capacity: 16)
            fill(&inner, item)
            maps.append(.map(inner))
        }
        add(name, .list(maps))
    }

    /// Every writer adds through here: the one place a name and its value join the map.
    @usableFromInline
    mutating func add(_ name: String, _ value: TemplateValue) { entries.append((name, value)) }

    /// Writes each entry of a dictionary of texts (a report's row).
    public static func texts(_ values: inout TemplateMap, _ texts: [String: String]) {
        for (name, text) in texts { values.text(name, text) }
    }

    /// A list of values made already.
    public mutating func list(_ name: String, values: [TemplateValue]) { add(name, .list(values)) }

    /// The map as swift-mustache reads it.
    public var mustache: [String: Any] {
        var values: [String: Any] = [:]
        for entry in entries { values[entry.name] = entry.value.mustache }
        return values
    }
}
