import CYaml

/// What libyaml says when it stops, as a diagnostic at the place it stopped: its problem and the
/// context it was reading ("did not find expected key while parsing a block mapping").
extension YAMLValue {
    static func problem(of parser: yaml_parser_t, in bytes: UnsafeBufferPointer<UInt8>, path: String,
                        firstLine: Int) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "libyaml could not read it"
        let mark = SourceLocation(path: path, line: parser.problem_mark.line + firstLine,
                                  column: parser.problem_mark.column + 1)
        switch parser.error {
        case YAML_READER_ERROR:
            // The reader (control characters, bad encodings) gives a byte offset, not a line.
            let before = String(decoding: bytes.prefix(max(0, parser.problem_offset)), as: UTF8.self)
            let (line, column) = lineAndColumn(in: before, characterOffset: Int.max)
            let value = parser.problem_value
            let code = value >= 0 ? Unicode.Scalar(UInt32(value)).map { " (\($0.codePoint))" } ?? "" : ""
            return SourceLocation(path: path, line: line + firstLine - 1, column: column).error("invalid YAML: \(problem)\(code)")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            // libyaml's own limit (1000 levels, met while it looks ahead) in the words of ours.
            if problem.contains("nesting level") {
                return mark.error("lists and mappings are nested more than \(maxDepth) deep; front matter needs a few levels")
            }
            let context = parser.context.map { " " + String(cString: $0) } ?? ""
            // libyaml's words for a tab in the indentation do not say "tab"; say it.
            let text = String(decoding: bytes, as: UTF8.self)
            let tab = character(in: text, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1) == "\t"
                ? " (a tab: YAML indents with spaces only)" : ""
            return mark.error("invalid YAML: \(problem)\(context)\(tab)")
        default:
            return SourceLocation(path: path, line: firstLine, column: 1).error("invalid YAML: \(problem)")
        }
    }
}
