/// A content file split into its YAML front matter and its Markdown body, remembering on which
/// line each part starts so that diagnostics point into the file the user edits.
struct FrontMatter {
    var yaml: String
    /// The file line of the YAML's first line (2: it follows the opening `---`).
    var yamlLine: Int
    var body: String
    var bodyLine: Int

    /// Splits `text` (read from `path`). The front matter is required: it opens with `---` on the
    /// first line and closes with `---` on a line of its own.
    static func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatter {
        let lines = normalisedLines(text)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            throw Diagnostic(.error, path, line: 1, column: 1,
                             "expected front matter: the file must start with a line '---'")
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" }) else {
            throw Diagnostic(.error, path, line: 1, column: 1,
                             "front matter opened with '---' on line 1 is never closed with a line '---'")
        }
        return FrontMatter(
            yaml: lines[1..<close].joined(separator: "\n") + "\n",
            yamlLine: 2,
            body: lines[(close + 1)...].joined(separator: "\n"),
            bodyLine: close + 2
        )
    }

    /// Lines without a byte-order mark or carriage returns: files saved on Windows read the same.
    static func normalisedLines(_ text: String) -> [Substring] {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
