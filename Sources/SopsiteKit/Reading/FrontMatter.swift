import Escaping
import Foundation
import MarkdownBridge

/// A content file split into its YAML front matter and its Markdown body, remembering on which
/// line each part starts so that diagnostics point into the file the user edits.
struct FrontMatter {
    /// Slices of the file's text, not copies: a case's text is read once and dropped.
    var yaml: Substring
    /// The file line of the YAML's first line (2: it follows the opening `---`).
    var yamlLine: Int
    var body: Substring
    var bodyLine: Int

    /// Splits `text` (read from `path`). The front matter is required: it opens with `---` on the
    /// first line and closes with `---` on a line of its own.
    static func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatter {
        // A control character (NUL, Word's U+000B line break) would make pages and the feed invalid.
        if let (line, column, scalar) = firstUnpublishable(text) {
            throw Diagnostic(.error, path, line: line, column: column,
                             "the file contains the control character \(scalar.codePoint), which cannot be published; remove it")
        }
        if let split = plainSplit(text) { return split }
        return try lineSplit(text, path: path)
    }

    /// The split of any file, line by line, saying what is wrong with its front matter.
    static func lineSplit(_ text: String, path: String) throws(Diagnostic) -> FrontMatter {
        let lines = normalisedLines(text)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            throw Diagnostic(.error, path, line: 1, column: 1,
                             "expected front matter: the file must start with a line '---'")
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" }) else {
            throw Diagnostic(.error, path, line: 1, column: 1,
                             "front matter opened with '---' on line 1 is never closed with a line '---'")
        }
        // YAML reads U+2028 and U+2029 as line breaks, editors do not: every line number after one would be wrong.
        for (i, line) in lines[1..<close].enumerated() {
            if let at = line.unicodeScalars.firstIndex(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: at) + 1
                throw Diagnostic(.error, path, line: i + 2, column: column,
                                 "the front matter contains the line separator \(line.unicodeScalars[at].codePoint), which YAML reads as a line break; remove it")
            }
        }
        return FrontMatter(
            yaml: Substring(lines[1..<close].joined(separator: "\n") + "\n"),
            yamlLine: 2,
            body: Substring(lines[(close + 1)...].joined(separator: "\n")),
            bodyLine: close + 2
        )
    }

    /// The split of a file as most are saved: "\n" line ends, no byte-order mark, a front matter
    /// without U+2028/U+2029. Its parts are then slices of the text, found in one pass over the
    /// bytes (splitting every file into lines and joining them again was a tenth of loading).
    /// Nil for any other file (and for a missing front matter): `split` reads it line by line and
    /// says what is wrong.
    static func plainSplit(_ text: String) -> FrontMatter? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> (yaml: Range<Int>, body: Int, bodyLine: Int)? in
            guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) == nil,
                  !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
            /// Is the line from `start` to `end` "---" with trailing spaces or tabs?
            func isFence(_ start: Int, _ end: Int) -> Bool {
                end - start >= 3 && bytes[start] == 0x2D && bytes[start + 1] == 0x2D && bytes[start + 2] == 0x2D
                    && bytes[(start + 3)..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            }
            // memchr: the generic search went byte by byte, over the front matter of every file.
            func find(_ byte: Int32, from start: Int, to end: Int) -> Int? {
                guard start < end, let found = memchr(base + start, byte, end - start) else { return nil }
                return UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
            func lineEnd(from start: Int) -> Int { find(0x0A, from: start, to: bytes.count) ?? bytes.count }
            let firstEnd = lineEnd(from: 0)
            guard firstEnd < bytes.count, isFence(0, firstEnd) else { return nil }
            var start = firstEnd + 1, line = 2
            while start < bytes.count {
                let end = lineEnd(from: start)
                if isFence(start, end) {
                    // E2 80 A8, E2 80 A9 (U+2028, U+2029): `split` says where.
                    var i = firstEnd + 1
                    while let e2 = find(0xE2, from: i, to: start - 2) {
                        if bytes[e2 + 1] == 0x80 && (bytes[e2 + 2] == 0xA8 || bytes[e2 + 2] == 0xA9) { return nil }
                        i = e2 + 1
                    }
                    return ((firstEnd + 1)..<start, min(end + 1, bytes.count), line + 1)
                }
                guard end < bytes.count else { return nil }
                start = end + 1
                line += 1
            }
            return nil
        }
        guard let found, let found else { return nil }
        let utf8 = text.utf8
        func at(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let yaml = Substring(utf8[at(found.yaml.lowerBound)..<at(found.yaml.upperBound)])
        return FrontMatter(yaml: yaml.isEmpty ? "\n" : yaml, yamlLine: 2,
                           body: Substring(utf8[at(found.body)...]), bodyLine: found.bodyLine)
    }

    /// Where the first character HTML and XML cannot carry sits (line and column from 1, columns in
    /// Unicode scalars after any byte-order mark). Looks at bytes: every such character starts with
    /// a byte below 0x20, 0x7F, 0xC2 (U+0080...U+009F) or 0xEF (U+FFFE, U+FFFF).
    static func firstUnpublishable(_ text: String) -> (Int, Int, Unicode.Scalar)? {
        text.withBytes { bytes -> (Int, Int, Unicode.Scalar)? in
            // Most files hold none: one quick look at every byte first, lines counted only when
            // one of those first bytes is there.
            guard UnsafeBufferPointer(rebasing: bytes[...]).mayHoldUnpublishable else { return nil }
            var line = 1, lineStart = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
                var value: UInt32?
                if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                    line += 1  // "\n", "\r\n" or a lone "\r": the lines `normalisedLines` makes
                    lineStart = i + 1
                } else if (b < 0x20 && b != 0x09 && b != 0x0D) || b == 0x7F {
                    value = UInt32(b)
                } else if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
                    value = UInt32(bytes[i + 1])  // C2 80...C2 9F is U+0080...U+009F
                } else if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                    value = 0xFFFE + UInt32(bytes[i + 2] - 0xBE)  // EF BF BE, EF BF BF are U+FFFE, U+FFFF
                }
                if let value, let scalar = Unicode.Scalar(value) {
                    let before = String(decoding: bytes[lineStart..<i], as: UTF8.self).unicodeScalars
                    let bom = line == 1 && before.first == "\u{FEFF}" ? 1 : 0
                    return (line, before.count + 1 - bom, scalar)
                }
                i += 1
            }
            return nil
        }
    }

    /// Lines without a byte-order mark or carriage returns: files saved on Windows read the same.
    static func normalisedLines(_ text: String) -> [Substring] {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        // Split on bytes, not Characters: a 20 MB body splits in a fraction of the time. A lone "\r"
        // (an old Mac file) breaks a line too, as it does for YAML, so that line numbers agree.
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, i = start
        while i != utf8.endIndex {
            let b = utf8[i]
            guard b == 0x0A || b == 0x0D else { utf8.formIndex(after: &i); continue }
            lines.append(Substring(utf8[start..<i]))
            utf8.formIndex(after: &i)
            if b == 0x0D, i != utf8.endIndex, utf8[i] == 0x0A { utf8.formIndex(after: &i) }
            start = i
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
