/// Rows of text lined up in columns for a terminal. Thai vowels above and below a letter and
/// its tone marks take no column of their own, so widths count the characters that do.
enum TerminalTable {
    static func lines(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                // The last column is not padded: no trailing spaces.
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - width(cell) + 2) }
            }
            return line
        }
    }

    /// The columns `text` takes: combining marks and format characters take none.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.filter {
            switch $0.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return false
            default: return true
            }
        }.count
    }
}
