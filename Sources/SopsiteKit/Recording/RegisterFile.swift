import Foundation

/// A register exported from a spreadsheet: CSV (RFC 4180: fields in double quotes may hold
/// commas, quotes written twice, and line breaks) or TSV (tab-separated). Each cell keeps where
/// it starts in the file, so that every problem can be shown at its row and column. No CSV
/// package is on this machine's list, and the format is small enough to read here.
struct RegisterFile {
    struct Cell: Equatable {
        var text: String
        /// The row as a spreadsheet numbers it (the header is row 1), and the column from 0.
        var row: Int
        var index: Int
        /// Where the cell starts in the file, from 1 (columns in Unicode scalars).
        var line: Int
        var column: Int
    }

    /// The rows, the header first; each row's cells in order.
    var rows: [[Cell]]

    /// Reads `text` (a byte-order mark, as Excel writes, is skipped). Throws where a quoted
    /// field is never closed, or where text follows its closing quote.
    static func read(_ text: String, separator: Unicode.Scalar, path: String) throws(Diagnostic) -> RegisterFile {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var cell = "", quoted = false, afterQuote = false
        var line = 1, column = 1, start = (line: 1, column: 1)
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endCell() {
            row.append(Cell(text: cell, row: rows.count + 1, index: row.count, line: start.line, column: start.column))
            cell = ""
            (quoted, afterQuote) = (false, false)
        }
        while i < scalars.count {
            let s = scalars[i]
            let crlf = s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
            if quoted && (s == "\n" || s == "\r") {
                cell += "\n"  // a line break inside a cell, however the file ends its lines
                i += crlf ? 2 : 1
                (line, column) = (line + 1, 1)
                continue
            }
            if quoted {
                if s == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        cell += "\""
                        (i, column) = (i + 2, column + 2)
                        continue
                    }
                    (quoted, afterQuote) = (false, true)
                } else {
                    cell.unicodeScalars.append(s)
                }
            } else if s == separator {
                endCell()
                start = (line, column + 1)
            } else if s == "\n" || s == "\r" {
                endCell()
                rows.append(row)
                row = []
                i += crlf ? 2 : 1
                (line, column) = (line + 1, 1)
                start = (line, column)
                continue
            } else if afterQuote {
                throw Diagnostic(.error, path, line: line, column: column,
                                 "text after a quoted field's closing quote; write a quote inside a quoted field twice (\"\")")
            } else if s == "\"" && cell.isEmpty {
                quoted = true
            } else {
                cell.unicodeScalars.append(s)
            }
            (i, column) = (i + 1, column + 1)
        }
        if quoted {
            throw Diagnostic(.error, path, line: start.line, column: start.column, "a quoted field is never closed (a missing \")")
        }
        if !row.isEmpty || !cell.isEmpty { endCell(); rows.append(row) }
        // Rows with nothing in them (the blank lines a spreadsheet leaves at the end) are no cases.
        return RegisterFile(rows: rows.filter { !$0.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } })
    }

    /// A column's letter as a spreadsheet names it: A ... Z, AA ...
    static func letter(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
