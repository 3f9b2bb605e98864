import Glibc

/// One pass over a Markdown text's bytes, line by line and paragraph by paragraph, finding what
/// `MarkdownLimits` bounds. It reads Markdown only as far as the costly shapes need, and errs on
/// the side of counting: a paragraph is a run of lines that are not blank, a table's rows are
/// the lines after its delimiter row, whatever block they would open.
struct MarkdownScan {
    let limits: MarkdownLimits
    private(set) var problems: [MarkdownLimits.Problem] = []
    /// Whether the text has a '<' at all: most have none, and then no paragraph is looked at for HTML.
    private var hasHTML = false

    init(limits: MarkdownLimits) { self.limits = limits }

    /// A line: its number from 1 and where its bytes are.
    struct Line { var number: Int; var start: Int; var end: Int }

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        // Found with the C library's searches, which read many bytes a step: a build scans every
        // case's text (70 MB at 10,000 cases), and a loop over each byte cost a tenth of a build.
        hasHTML = memchr(base, 0x3C, bytes.count) != nil
        checkWords(bytes)
        let hasCR = memchr(base, 0x0D, bytes.count) != nil
        var paragraph: [Line] = []
        var number = 0, start = 0
        while start <= bytes.count {
            // \n, \r\n and \r all end a line, as cmark-gfm reads them.
            var end = bytes.count
            if hasCR {
                end = start
                while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            } else if start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            number += 1
            let line = Line(number: number, start: start, end: end)
            var next = end + 1
            if hasCR, end < bytes.count, bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { next += 1 }
            start = next
            if isBlank(line, bytes) {
                check(paragraph, bytes)
                paragraph.removeAll(keepingCapacity: true)
            } else {
                paragraph.append(line)
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
        if hasHTML { checkHTML(paragraph, bytes) }
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

    /// `www.` counted in each word: cmark-gfm scans the rest of the word at each one. The
    /// occurrences are found from the 'w's `memchr` finds; a word's end is looked for once per word.
    private mutating func checkWords(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var from = 0, wordEnd = -1, count = 0, wordStart = 0
        while from < bytes.count, let hit = memchr(base + from, 0x77, bytes.count - from) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            guard at + 3 < bytes.count, bytes[at + 1] == 0x77, bytes[at + 2] == 0x77, bytes[at + 3] == 0x2E else {
                from = at + 1
                continue
            }
            if at >= wordEnd {
                // A new word: where it starts (for the message) and where it ends.
                (count, wordStart, wordEnd) = (0, at, at)
                while wordStart > 0 && !isSpace(bytes[wordStart - 1]) { wordStart -= 1 }
                while wordEnd < bytes.count && !isSpace(bytes[wordEnd]) { wordEnd += 1 }
            }
            count += 1
            if count == limits.wwwPerWord + 1 {
                var lineStart = wordStart, number = 1
                while lineStart > 0 && bytes[lineStart - 1] != 0x0A && bytes[lineStart - 1] != 0x0D { lineStart -= 1 }
                number += lineNumber(before: lineStart, bytes)
                add(Line(number: number, start: lineStart, end: wordEnd), wordStart - lineStart, bytes,
                    "a word holds 'www.' more than \(limits.wwwPerWord) times, over the limit "
                    + "(\(MarkdownLimits.keys.wwwPerWord) under markdown: in site.yaml); put spaces between the links")
                from = wordEnd
                continue
            }
            from = at + 4
        }
    }

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Lines ended before `offset` (\n, \r\n or \r), for a problem found without the line walk.
    private func lineNumber(before offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 0, i = 0
        while i < offset {
            if bytes[i] == 0x0A { lines += 1 } else if bytes[i] == 0x0D { lines += 1; if i + 1 < offset, bytes[i + 1] == 0x0A { i += 1 } }
            i += 1
        }
        return lines
    }

    mutating func add(_ line: Line, _ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ message: String) {
        // Columns count characters, as editors do: UTF-8 bytes that do not continue one.
        let column = (line.start..<(line.start + offset)).filter { bytes[$0] & 0xC0 != 0x80 }.count + 1
        problems.append(MarkdownLimits.Problem(line: line.number, column: column, message: message))
    }
}
