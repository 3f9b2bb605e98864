import CYaml

/// A first pass over a YAML text's events (libyaml's, before Yams builds its tree) that refuses
/// what content files never need and hostile ones use:
/// - aliases (`*name`): Yams resolves them by copying, and hashes and compares mapping keys
///   through them, so a few lines of nested aliases ("billion laughs") take exponential time,
///   and a value repeated by alias on every event multiplies the size of the pages;
/// - lists and mappings nested deeper than `maxDepth`: composing the tree recurses;
/// - a key twice in one mapping, compared as text (Yams compares `1` and `"1"` as different
///   keys, but sopsite reads both as "1"), reported where the second one is.
extension YAMLValue {
    /// Front matter needs five or six levels (steps, a step, its decision, a branch).
    static let maxDepth = 20

    struct ScreenProblem: Equatable {
        /// In the file: `firstLine` already added.
        var line: Int
        var column: Int
        var message: String
    }

    /// The first problem in `yaml` (whose first line is `firstLine` of its file), or nil. A text
    /// libyaml cannot parse is nil too: Yams reports its syntax error next, as before.
    static func screen(_ yaml: String, firstLine: Int = 1) -> ScreenProblem? {
        let bytes = Array(yaml.utf8)
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> ScreenProblem? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return screenEvents(&parser, firstLine: firstLine)
        }
    }

    private struct Frame {
        var isMapping: Bool
        var expectsKey = true
        /// Keys seen so far, with the file line of each.
        var keys: [String: Int] = [:]
    }

    private static func screenEvents(_ parser: inout yaml_parser_t, firstLine: Int) -> ScreenProblem? {
        var frames: [Frame] = []
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // libyaml's own limit (1000 levels, met while it looks ahead) in the words of ours.
                guard let text = parser.problem, String(cString: text).contains("nesting level") else { return nil }
                return ScreenProblem(line: parser.problem_mark.line + firstLine, column: parser.problem_mark.column + 1,
                                     message: "lists and mappings are nested more than \(maxDepth) deep; front matter needs a few levels")
            }
            defer { yaml_event_delete(&event) }
            let line = event.start_mark.line + firstLine
            let column = event.start_mark.column + 1
            func problem(_ message: String) -> ScreenProblem {
                ScreenProblem(line: line, column: column, message: message)
            }
            // Is this node a key of the mapping it sits in? Then the next node is its value.
            var isKey = false
            switch event.type {
            case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if let last = frames.indices.last, frames[last].isMapping {
                    isKey = frames[last].expectsKey
                    frames[last].expectsKey.toggle()
                }
            default:
                break
            }
            switch event.type {
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                return problem("aliases (*\(name)) are not allowed: write the value out in full "
                    + "(an alias can make a small file expand without limit)")
            case YAML_SCALAR_EVENT:
                guard isKey, let value = event.data.scalar.value else { break }
                let key = String(decoding: UnsafeBufferPointer(start: value, count: event.data.scalar.length), as: UTF8.self)
                if let first = frames[frames.count - 1].keys[key] {
                    return problem("duplicate key '\(key)' in a mapping; the first is at line \(first)")
                }
                frames[frames.count - 1].keys[key] = line
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if frames.count >= maxDepth {
                    return problem("lists and mappings are nested more than \(maxDepth) deep; front matter needs a few levels")
                }
                frames.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                frames.removeLast()
            case YAML_STREAM_END_EVENT:
                return nil
            default:
                break
            }
        }
    }

    /// The line and column (from 1, columns in Unicode scalars) of the character `offset`
    /// characters into `text`: where libyaml's reader, which counts bytes, found a problem.
    static func lineAndColumn(in text: String, characterOffset offset: Int) -> (Int, Int) {
        let end = text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
        // libyaml's line breaks: "\r\n", "\r", "\n", U+0085, U+2028, U+2029.
        var line = 1, column = 1, afterCR = false
        for scalar in text[..<end].unicodeScalars {
            if scalar == "\n" && afterCR {
                column = 1
            } else if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
                line += 1
                column = 1
            } else {
                column += 1
            }
            afterCR = scalar == "\r"
        }
        return (line, column)
    }

    /// The character at a 1-based line and column (in Unicode scalars) of `text`, if any.
    static func character(in text: String, line: Int, column: Int) -> Unicode.Scalar? {
        let lines = text.unicodeScalars.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        return lines[line - 1].dropFirst(column - 1).first
    }
}
