/// Where in a YAML text a problem libyaml or Yams reported sits, in an editor's terms.
extension YAMLValue {
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
