import CYaml
import Escaping

/// The tree of a YAML text, built in one pass over libyaml's events (the parser Yams ships),
/// which also refuses what content files never need and hostile ones use:
/// - aliases (`*name`): resolved by copying, a few lines of nested aliases ("billion laughs")
///   expand without limit, and a value repeated by alias on every event multiplies the pages;
/// - lists and mappings nested deeper than `maxDepth`;
/// - a key twice in one mapping, compared as text (`1` and `"1"` are the same key to sopsite),
///   reported where the second one is.
/// Yams' own tree (`Yams.compose`) is not built: every value is read as text, and building,
/// tagging and hashing its nodes took a sixth of a build. Where libyaml stops, its own problem
/// is the message (`YAMLValue.problem`).
extension YAMLValue {
    /// Front matter needs five or six levels (steps, a step, its decision, a branch).
    static let maxDepth = 20

    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        /// A list's items.
        var items: [YAMLValue] = []
        /// A mapping's pairs, and its key waiting for its value.
        var pairs: [(key: YAMLValue, value: YAMLValue)] = []
        var key: YAMLValue?
        /// A mapping's keys by text, with the file line of each, once it has many (a hostile
        /// file's mapping of 100,000 keys); `indexed`: how many of `pairs` are in it. A mapping
        /// of front matter has a handful, looked through one by one in `pairs` itself (hashing
        /// each key cost more, and a list of them beside the pairs an array per mapping).
        var manyKeys: [String: Int] = [:]
        var indexed = 0

        /// Room for the handful of items or pairs front matter has, made at once: grown one by
        /// one, each frame's arrays were copied three or four times.
        init(isMapping: Bool, location: SourceLocation) {
            self.isMapping = isMapping
            self.location = location
            if isMapping {
                pairs.reserveCapacity(8)
            } else {
                items.reserveCapacity(8)
            }
        }

        /// The line of an earlier key `text` of this mapping, if any (keys compared as text;
        /// a key that is a list or a mapping is never the same as a text).
        mutating func firstLine(ofKey text: String) -> Int? {
            guard pairs.count >= 16 else {
                for i in pairs.indices {
                    if case let .scalar(key, _) = pairs[i].key.kind, key == text { return pairs[i].key.location.line }
                }
                return nil
            }
            while indexed < pairs.count {
                if case let .scalar(key, _) = pairs[indexed].key.kind, manyKeys[key] == nil {
                    manyKeys[key] = pairs[indexed].key.location.line
                }
                indexed += 1
            }
            return manyKeys[text]
        }

        /// Adds a finished value: a list's item, a mapping's key or its value.
        mutating func add(_ value: YAMLValue) {
            guard isMapping else { return items.append(value) }
            if let key {
                pairs.append((key, value))
                self.key = nil
            } else {
                key = value
            }
        }
    }

    /// The tree of `yaml`, whose first line is line `firstLine` of `path`: nil for a text with
    /// no value. Front matter is parsed where it sits in its file's text.
    static func parse(_ yaml: Substring, path: String, firstLine: Int) throws(Diagnostic) -> YAMLValue? {
        // withBytes does not pass typed errors through: carry them out as a Result.
        let result = yaml.withBytes { bytes -> Result<YAMLValue?, Diagnostic> in
            guard !bytes.isEmpty else { return .success(nil) }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(SourceLocation(path: path, line: firstLine, column: 1).error("invalid YAML: libyaml could not start"))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            do throws(Diagnostic) {
                return .success(try events(&parser, bytes, path: path, firstLine: firstLine))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func events(_ parser: inout yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>, path: String,
                               firstLine: Int) throws(Diagnostic) -> YAMLValue? {
        var frames: [Frame] = []
        var root: YAMLValue?
        var documents = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw problem(of: parser, in: bytes, path: path, firstLine: firstLine)
            }
            defer { yaml_event_delete(&event) }
            let location = SourceLocation(path: path, line: event.start_mark.line + firstLine, column: event.start_mark.column + 1)
            var finished: YAMLValue?
            switch event.type {
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                throw location.error("aliases (*\(name)) are not allowed: write the value out in full "
                    + "(an alias can make a small file expand without limit)")
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                if let last = frames.indices.last, frames[last].isMapping, frames[last].key == nil,
                   let first = frames[last].firstLine(ofKey: text) {
                    throw location.error("duplicate key '\(text)' in a mapping; the first is at line \(first)")
                }
                finished = YAMLValue(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), location)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if frames.count >= maxDepth {
                    throw location.error("lists and mappings are nested more than \(maxDepth) deep; front matter needs a few levels")
                }
                frames.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT, location: location))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = frames.removeLast()
                finished = YAMLValue(frame.isMapping ? .map(frame.pairs) : .list(frame.items), frame.location)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw location.error("invalid YAML: found another document (a second '---'); this text is one document")
                }
            case YAML_STREAM_END_EVENT:
                return root
            default:
                break
            }
            if let finished {
                if frames.isEmpty { root = finished } else { frames[frames.count - 1].add(finished) }
            }
        }
    }
}
