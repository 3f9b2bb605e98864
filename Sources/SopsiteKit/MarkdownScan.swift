/// One pass over a Markdown text's bytes, line by line and paragraph by paragraph, finding what
/// `MarkdownLimits` bounds. It reads Markdown only as far as the costly shapes need, and errs on
/// the side of counting: a paragraph is a run of lines that are not blank, a table's rows are
/// the lines after its delimiter row, whatever block they would open.
struct MarkdownScan {
    let limits: MarkdownLimits
    private(set) var problems: [MarkdownLimits.Problem] = []

    init(limits: MarkdownLimits) { self.limits = limits }

    /// A line: its number from 1 and where its bytes are.
    struct Line { var number: Int; var start: Int; var end: Int }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        var paragraph: [Line] = []
        var number = 0, start = 0, i = 0
        // \n, \r\n and \r all end a line, as cmark-gfm reads them.
        while i <= bytes.count {
            guard i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D else { i += 1; continue }
            number += 1
            let line = Line(number: number, start: start, end: i)
            if i < bytes.count, bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            i += 1
            start = i
            if isBlank(line, bytes) {
                check(paragraph, bytes)
                paragraph.removeAll(keepingCapacity: true)
            } else {
                paragraph.append(line)
                checkWords(line, bytes)
            }
        }
        check(paragraph, bytes)
    }

    private func isBlank(_ line: Line, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (line.start..<line.end).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 }
    }

    /// Tables and unclosed raw HTML, which cost in proportion to a paragraph's lines.
    private mutating func check(_ paragraph: [Line], _ bytes: UnsafeBufferPointer<UInt8>) {
        for (k, line) in paragraph.enumerated() where k > 0 {
            guard let columns = delimiterColumns(line, bytes) else { continue }
            // The header above, this row, and every line after it in the paragraph.
            let rows = paragraph.count - k + 1
            let (cells, overflow) = columns.multipliedReportingOverflow(by: rows)
            if overflow || cells > limits.tableCells {
                add(line, 0, bytes, "a table of \(columns) columns and \(rows) rows has \(overflow ? "too many" : String(cells)) cells, "
                    + "over the limit of \(limits.tableCells) (\(MarkdownLimits.keys.tableCells) under markdown: in site.yaml); split it")
            }
            break
        }
        checkHTML(paragraph, bytes)
    }

    /// The number of columns of a table's delimiter row (`|---|:-:|`), or nil for another line.
    private func delimiterColumns(_ line: Line, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var pipes = 0, dashes = 0, cells = 0, inCell = false
        for i in line.start..<line.end {
            switch bytes[i] {
            case 0x7C: pipes += 1; if inCell { cells += 1 }; inCell = false
            case 0x2D: dashes += 1; inCell = true
            case 0x3A: inCell = true
            case 0x20, 0x09: continue
            default: return nil
            }
        }
        if inCell { cells += 1 }
        return dashes > 0 && (pipes > 0 || cells > 1) ? max(cells, 1) : nil
    }

    /// `www.` counted in each word of a line: cmark-gfm scans the rest of the word at each one.
    private mutating func checkWords(_ line: Line, _ bytes: UnsafeBufferPointer<UInt8>) {
        var count = 0, wordStart = line.start, i = line.start
        while i < line.end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 {
                count = 0
                wordStart = i + 1
            } else if b | 0x20 == 0x77, i + 3 < line.end, bytes[i + 1] | 0x20 == 0x77, bytes[i + 2] | 0x20 == 0x77,
                      bytes[i + 3] == 0x2E {
                count += 1
                if count > limits.wwwPerWord {
                    add(line, wordStart - line.start, bytes, "a word holds 'www.' more than \(limits.wwwPerWord) times, "
                        + "over the limit (\(MarkdownLimits.keys.wwwPerWord) under markdown: in site.yaml); put spaces between the links")
                    return
                }
                i += 3
            }
            i += 1
        }
    }

    mutating func add(_ line: Line, _ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ message: String) {
        // Columns count characters, as editors do: UTF-8 bytes that do not continue one.
        let column = (line.start..<(line.start + offset)).filter { bytes[$0] & 0xC0 != 0x80 }.count + 1
        problems.append(MarkdownLimits.Problem(line: line.number, column: column, message: message))
    }
}
