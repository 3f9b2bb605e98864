import CYaml

/// libyaml's events of one YAML text, one at a time, for a reader that takes its values straight
/// from them (`CaseFrontMatter`). Every method says "no" rather than explain: a text it cannot
/// read as expected is read again by the general tree (`YAMLValue.parse`), which explains.
final class YAMLEvents {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event (libyaml's structs stay in place: the parser points into itself).
    private let current: UnsafeMutablePointer<yaml_event_t>
    let path: String
    let firstLine: Int

    /// `bytes` must outlive the reader: libyaml reads them as it goes.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, path: String, firstLine: Int) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        current = .allocate(capacity: 1)
        current.initialize(to: yaml_event_t())
        self.path = path
        self.firstLine = firstLine
        guard !bytes.isEmpty, yaml_parser_initialize(parser) == 1 else { return nil }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_event_delete(current)
        current.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    private var event: yaml_event_t { current.pointee }

    /// Moves to the next event; false when libyaml stops (the text is not valid YAML).
    func next() -> Bool {
        yaml_event_delete(current)
        return yaml_parser_parse(parser, current) == 1
    }

    /// Moves to the next event and says whether it is of `type`.
    func next(is type: yaml_event_type_t) -> Bool {
        next() && event.type == type
    }

    var type: yaml_event_type_t { event.type }

    /// Where the current event starts, as the general tree puts it.
    var location: SourceLocation {
        SourceLocation(path: path, line: event.start_mark.line + firstLine, column: event.start_mark.column + 1)
    }

    /// Is the current event a scalar whose bytes are `word` (an ASCII key)?
    func isScalar(_ word: StaticString) -> Bool {
        guard event.type == YAML_SCALAR_EVENT, let value = event.data.scalar.value,
              event.data.scalar.length == word.utf8CodeUnitCount else { return false }
        return memcmp(value, word.utf8Start, word.utf8CodeUnitCount) == 0
    }

    /// The current scalar as text, where the general tree's `YAMLValue.text` would take it
    /// without a word: not YAML's null, no character that cannot be published.
    var text: String? {
        guard event.type == YAML_SCALAR_EVENT, !scalarBytes.mayHoldUnpublishable, !isNull else { return nil }
        return String(decoding: scalarBytes, as: UTF8.self)
    }

    /// Is the current event YAML's null written without quotes (`~`, `null`, nothing)? Asked of
    /// every value: only a short one is made a string to be looked up.
    var isNull: Bool {
        event.type == YAML_SCALAR_EVENT && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
            && scalarBytes.count <= 4 && YAMLValue.isNull(String(decoding: scalarBytes, as: UTF8.self))
    }

    private var scalarBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
    }

    /// Moves to the next event and reads it as text.
    func nextText() -> String? {
        next() ? text : nil
    }

    /// Moves to the next event and reads it as text into `field`, which must be empty (a key
    /// twice is for the general reading to say): false when it cannot.
    func nextText(into field: inout String?) -> Bool {
        guard field == nil, let text = nextText() else { return false }
        field = text
        return true
    }

    /// Moves past the end of the document: true when it was the only one.
    func finish() -> Bool {
        next(is: YAML_DOCUMENT_END_EVENT) && next(is: YAML_STREAM_END_EVENT)
    }
}
