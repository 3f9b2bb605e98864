/// A YAML value with its position in the content file. The typed accessors report a diagnostic
/// (and return nil) when the value has the wrong shape, so loaders can go on and find more problems.
struct YAMLValue {
    enum Kind {
        /// Every single value is text; `plain` when written without quotes (`~`, `yes` mean something).
        case scalar(String, plain: Bool)
        case list([YAMLValue])
        case map([(key: YAMLValue, value: YAMLValue)])
    }

    let kind: Kind
    let location: SourceLocation

    init(_ kind: Kind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Parses `yaml`, whose first line is line `firstLine` of `path`: nil for a text with no value.
    static func parse(_ yaml: String, path: String, firstLine: Int) throws(Diagnostic) -> YAMLValue? {
        try parse(Substring(yaml), path: path, firstLine: firstLine)
    }

    /// A scalar as text. Numbers and dates are text too (`id: 1`, `issued: 2021-06-22`).
    func text(_ what: @autoclosure () -> String, _ diagnostics: inout Diagnostics) -> String? {
        guard case let .scalar(string, plain) = kind else {
            diagnostics.append(location.error("\(what()) must be text, not a \(shape)"))
            return nil
        }
        if plain && YAMLValue.isNull(string) {
            diagnostics.append(location.error("\(what()) is empty"))
            return nil
        }
        // A quoted "\x01" or "\f" gets past the reader; such characters are invalid in HTML and XML.
        // A plain scalar holds only what libyaml's reader lets through (it refuses every control
        // but tab and line breaks, and U+FFFE/U+FFFF; NEL is a line break, folded): not looked at,
        // as most values of every case are plain (`HostileTextTests` holds both).
        if !plain, let bad = YAMLValue.firstUnpublishable(string) {
            diagnostics.append(location.error("\(what()) contains the control character \(bad.codePoint), which cannot be published; remove it"))
            return nil
        }
        return string
    }

    /// The first character of `text` that cannot be published, looked for by Unicode scalar only
    /// when a quick look at its bytes finds one may be there (every value of every case passes).
    static func firstUnpublishable(_ text: String) -> Unicode.Scalar? {
        let quiet = text.utf8.withContiguousStorageIfAvailable { !$0.mayHoldUnpublishable } ?? false
        return quiet ? nil : text.unicodeScalars.first(where: \.isUnpublishable)
    }

    /// What YAML reads as "no value" when written unquoted.
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// Is a plain scalar YAML's null? Long texts are not looked up: hashing a Thai text needs its
    /// Unicode normalisation, and every value of every case was looked up.
    static func isNull(_ text: String) -> Bool { text.utf8.count <= 4 && nullWords.contains(text) }

    func bool(_ what: @autoclosure () -> String, _ diagnostics: inout Diagnostics) -> Bool? {
        if case let .scalar(string, plain: true) = kind {
            switch string {
            case "true", "True", "TRUE", "yes": return true
            case "false", "False", "FALSE", "no": return false
            default: break
            }
        }
        diagnostics.append(location.error("\(what()) must be true or false"))
        return nil
    }

    func list(_ what: @autoclosure () -> String, _ diagnostics: inout Diagnostics) -> [YAMLValue]? {
        guard case let .list(items) = kind else {
            diagnostics.append(location.error("\(what()) must be a list, not a \(shape)"))
            return nil
        }
        return items
    }

    func map(_ what: @autoclosure () -> String, _ diagnostics: inout Diagnostics) -> YAMLMap? {
        guard case let .map(pairs) = kind else {
            diagnostics.append(location.error("\(what()) must be a mapping of keys to values, not a \(shape)"))
            return nil
        }
        var entries: [YAMLMap.Entry] = []
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            guard case let .scalar(name, _) = key.kind else {
                diagnostics.append(key.location.error("a key in \(what()) must be text"))
                continue
            }
            // Keys end up in messages printed to a terminal: no escape sequences.
            if let bad = YAMLValue.firstUnpublishable(name) {
                diagnostics.append(key.location.error("a key in \(what()) contains the control character \(bad.codePoint); remove it"))
                continue
            }
            entries.append(.init(key: name, keyLocation: key.location, value: value))
        }
        return YAMLMap(what: what(), location: location, entries: entries)
    }

    private var shape: String {
        switch kind {
        case .scalar: return "single value"
        case .map: return "mapping"
        case .list: return "list"
        }
    }
}
