import Yams

/// A YAML value with its position in the content file. The typed accessors report a diagnostic
/// (and return nil) when the value has the wrong shape, so loaders can go on and find more problems.
struct YAMLValue {
    let node: Node
    let location: SourceLocation

    /// Parses `yaml`, whose first line is line `firstLine` of `path`.
    static func parse(_ yaml: String, path: String, firstLine: Int) throws(Diagnostic) -> YAMLValue? {
        func at(_ mark: Mark?) -> SourceLocation {
            SourceLocation(path: path, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
        }
        // Aliases, deep nesting and repeated keys are refused before Yams builds the tree (see `screen`).
        if let problem = screen(yaml, firstLine: firstLine) {
            throw SourceLocation(path: path, line: problem.line, column: problem.column).error(problem.message)
        }
        do {
            // Every scalar is read as text by the typed accessors, so the basic resolver (no
            // regular expressions to guess ints, floats and dates) is enough, and much faster.
            guard let node = try Yams.compose(yaml: yaml, .basic) else { return nil }
            return YAMLValue(node: node, location: at(node.mark), firstLine: firstLine)
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                let detail = context.map { " \($0.text)" } ?? ""
                // libyaml's words for a tab in the indentation do not say "tab"; say it.
                let tab = YAMLValue.character(in: yaml, line: mark.line, column: mark.column) == "\t"
                    ? " (a tab: YAML indents with spaces only)" : ""
                throw at(mark).error("invalid YAML: \(problem)\(detail)\(tab)")
            case let .reader(problem, offset, value, _):
                // The reader (control characters, bad encodings) gives an offset, not a line: find it.
                let (line, column) = YAMLValue.lineAndColumn(in: yaml, characterOffset: offset ?? 0)
                let code = value >= 0 ? Unicode.Scalar(UInt32(value)).map { " (\($0.codePoint))" } ?? "" : ""
                throw SourceLocation(path: path, line: line + firstLine - 1, column: column)
                    .error("invalid YAML: \(problem)\(code)")
            case let .duplicatedKeysInMapping(duplicates, context):
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                throw at(context.mark).error("duplicate key \(keys) in a mapping")
            default:
                throw SourceLocation(path: path, line: firstLine, column: 1).error("invalid YAML: \(error)")
            }
        } catch {
            throw SourceLocation(path: path, line: firstLine, column: 1).error("invalid YAML: \(error)")
        }
    }

    private let firstLine: Int

    private init(node: Node, location: SourceLocation, firstLine: Int) {
        self.node = node
        self.location = location
        self.firstLine = firstLine
    }

    private func child(_ node: Node) -> YAMLValue {
        // A node without a mark is placed where its parent is.
        let loc = node.mark.map {
            SourceLocation(path: location.path, line: $0.line + firstLine - 1, column: $0.column)
        } ?? location
        return YAMLValue(node: node, location: loc, firstLine: firstLine)
    }

    /// A scalar as text. Numbers and dates are text too (`id: 1`, `issued: 2021-06-22`).
    func text(_ what: String, _ diagnostics: inout Diagnostics) -> String? {
        guard case let .scalar(scalar) = node else {
            diagnostics.append(location.error("\(what) must be text, not a \(shape)"))
            return nil
        }
        if scalar.style == .plain && YAMLValue.nullWords.contains(scalar.string) {
            diagnostics.append(location.error("\(what) is empty"))
            return nil
        }
        // A quoted "\x01" or "\f" gets past the reader; such characters are invalid in HTML and XML.
        if let bad = scalar.string.unicodeScalars.first(where: \.isUnpublishable) {
            diagnostics.append(location.error("\(what) contains the control character \(bad.codePoint), which cannot be published; remove it"))
            return nil
        }
        return scalar.string
    }

    /// What YAML reads as "no value" when written unquoted.
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    func bool(_ what: String, _ diagnostics: inout Diagnostics) -> Bool? {
        if case let .scalar(scalar) = node, scalar.style == .plain {
            switch scalar.string {
            case "true", "True", "TRUE", "yes": return true
            case "false", "False", "FALSE", "no": return false
            default: break
            }
        }
        diagnostics.append(location.error("\(what) must be true or false"))
        return nil
    }

    func list(_ what: String, _ diagnostics: inout Diagnostics) -> [YAMLValue]? {
        guard case let .sequence(sequence) = node else {
            diagnostics.append(location.error("\(what) must be a list, not a \(shape)"))
            return nil
        }
        return sequence.map(child)
    }

    func map(_ what: String, _ diagnostics: inout Diagnostics) -> YAMLMap? {
        guard case let .mapping(mapping) = node else {
            diagnostics.append(location.error("\(what) must be a mapping of keys to values, not a \(shape)"))
            return nil
        }
        var entries: [YAMLMap.Entry] = []
        for (key, value) in mapping {
            let k = child(key)
            guard case let .scalar(scalar) = key else {
                diagnostics.append(k.location.error("a key in \(what) must be text"))
                continue
            }
            // Keys end up in messages printed to a terminal: no escape sequences.
            if let bad = scalar.string.unicodeScalars.first(where: \.isUnpublishable) {
                diagnostics.append(k.location.error("a key in \(what) contains the control character \(bad.codePoint); remove it"))
                continue
            }
            entries.append(.init(key: scalar.string, keyLocation: k.location, value: child(value)))
        }
        return YAMLMap(what: what, location: location, entries: entries)
    }

    private var shape: String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }
}
