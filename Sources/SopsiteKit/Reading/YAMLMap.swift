/// A YAML mapping read key by key. Keys nobody asked for are reported as warnings by
/// `reportUnknownKeys`, which catches typos such as `duraton:`.
struct YAMLMap {
    struct Entry {
        let key: String
        let keyLocation: SourceLocation
        let value: YAMLValue
    }

    /// What the mapping is, for messages ("step 3", "site.yaml").
    let what: String
    let location: SourceLocation
    let entries: [Entry]

    /// The same mapping under another name, once the name is known (a step's id).
    func named(_ what: String) -> YAMLMap {
        YAMLMap(what: what, location: location, entries: entries)
    }

    subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    var keys: [String] { entries.map(\.key) }

    /// The value of a required key; a missing key is an error at the mapping's position.
    func required(_ key: String, _ diagnostics: inout Diagnostics) -> YAMLValue? {
        if let value = self[key] { return value }
        diagnostics.append(location.error("missing required field '\(key)' in \(what)"))
        return nil
    }

    /// Required text.
    func text(_ key: String, _ diagnostics: inout Diagnostics) -> String? {
        required(key, &diagnostics)?.text("'\(key)'", &diagnostics)
    }

    /// Optional text: nil when the key is absent.
    func optionalText(_ key: String, _ diagnostics: inout Diagnostics) -> String? {
        self[key]?.text("'\(key)'", &diagnostics)
    }

    /// Optional list of text values; empty when absent.
    func texts(_ key: String, _ diagnostics: inout Diagnostics) -> [String] {
        guard let value = self[key] else { return [] }
        if case .scalar = value.kind { return value.text("'\(key)'", &diagnostics).map { [$0] } ?? [] }
        return value.list("'\(key)'", &diagnostics)?.compactMap { $0.text("an item of '\(key)'", &diagnostics) } ?? []
    }

    /// `known` is looked through one by one: a mapping has a handful of keys, and hashing each
    /// key of every event of 10,000 cases into a set cost more.
    func reportUnknownKeys(known: [String], _ diagnostics: inout Diagnostics) {
        for entry in entries where !known.contains(entry.key) {
            let hint = known.sorted().joined(separator: ", ")
            diagnostics.append(entry.keyLocation.warning("unknown field '\(entry.key)' in \(what) (known: \(hint))"))
        }
    }
}
