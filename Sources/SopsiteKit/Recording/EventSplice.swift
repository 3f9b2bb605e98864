/// How `sopsite record` changes a case file: the text of one event inserted after the last
/// one, in the list's own style, and nothing else, except that an empty list's `[]` or `~`
/// gives way to the first item. Every other byte (comments, blank lines, quotes, the report,
/// Windows line ends) stays.
struct EventSplice: Equatable {
    /// Bytes of the old text removed: the empty list's `[]` or `~` (empty otherwise).
    var removed: Range<Int>
    /// Where the event's text goes, in bytes of the old text (at or after `removed`).
    var at: Int
    var inserted: String
    /// The file line (from 1) of the inserted text's first line, and how many lines it adds.
    var line: Int
    var addedLines: Int

    /// The text with the event in it.
    func applied(to text: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[..<removed.lowerBound], as: UTF8.self)
            + String(decoding: bytes[removed.upperBound..<at], as: UTF8.self)
            + inserted + String(decoding: bytes[at...], as: UTF8.self)
    }

    /// The splice for `event` in `text`, whose front matter's YAML starts on file line
    /// `yamlLine` and has its events at `place`.
    static func make(_ event: NewEvent, text: String, yamlLine: Int, place: EventsPlace) -> EventSplice {
        let lines = FileLines(text, firstYAMLLine: yamlLine)
        let end = lines.lineEnd
        switch place.shape {
        case let .empty(from, to):
            // `events: []` becomes `events:` and a block list under it, as the shipped cases write it.
            var removed = lines.offset(to)..<lines.offset(to)
            if from < to {
                removed = lines.offset(from)..<lines.offset(to)
                // The space before `[]` goes too when nothing but a line end follows.
                if lines.restIsBlank(after: to) { removed = lines.blanksBefore(removed.lowerBound)..<removed.upperBound }
            }
            let after = from < to ? to.line : place.key.line
            let items = event.blockLines(dash: place.key.column + 2, keys: place.key.column + 4)
            return EventSplice(removed: removed, at: lines.start(ofLine: after + 1),
                               inserted: items.map { $0 + end }.joined(), line: lines.fileLine(after + 1),
                               addedLines: items.count)
        case let .block(dash, keys, flowItem, lastEnd):
            // After the line the last item ends on; a block scalar (`note: |`) ends at the start
            // of the line after its text.
            let next = lastEnd.column == 0 ? lastEnd.line : lastEnd.line + 1
            let items = flowItem ? [String(repeating: " ", count: dash) + "- " + event.flowText]
                : event.blockLines(dash: dash, keys: keys)
            let at = lines.start(ofLine: next)
            return EventSplice(removed: at..<at, at: at, inserted: items.map { $0 + end }.joined(),
                               line: lines.fileLine(next), addedLines: items.count)
        case let .flow(lastEnd):
            let at = lines.offset(lastEnd)
            return EventSplice(removed: at..<at, at: at, inserted: ", " + event.flowText,
                               line: lines.fileLine(lastEnd.line), addedLines: 0)
        }
    }
}

/// A file's lines as byte offsets, so that libyaml's marks (lines of the front matter's YAML,
/// columns in Unicode scalars) find their bytes in the file as it was read.
private struct FileLines {
    let bytes: [UInt8]
    /// Where each line starts, with the end of the text last; "\r\n", "\r" and "\n" end lines,
    /// as `FrontMatter.normalisedLines` splits them.
    var starts: [Int] = [0]
    let firstYAMLLine: Int
    /// The file's own line end, for the inserted lines.
    var lineEnd = "\n"

    init(_ text: String, firstYAMLLine: Int) {
        bytes = Array(text.utf8)
        self.firstYAMLLine = firstYAMLLine
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D || bytes[i] == 0x0A {
                let crlf = bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A
                if starts.count == 1 { lineEnd = crlf ? "\r\n" : bytes[i] == 0x0D ? "\r" : "\n" }
                i += crlf ? 2 : 1
                starts.append(i)
            } else {
                i += 1
            }
        }
        if starts.last != bytes.count { starts.append(bytes.count) }
    }

    /// The file line (from 1) of a YAML line (from 0).
    func fileLine(_ yamlLine: Int) -> Int { yamlLine + firstYAMLLine }

    func start(ofLine yamlLine: Int) -> Int { starts[min(fileLine(yamlLine) - 1, starts.count - 1)] }

    /// The byte at a mark: its line's start, then `column` Unicode scalars on.
    func offset(_ mark: EventsPlace.Mark) -> Int {
        var i = start(ofLine: mark.line)
        for _ in 0..<mark.column where i < bytes.count {
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }  // continuation bytes
        }
        return i
    }

    /// Whether only spaces and tabs follow `mark` on its line.
    func restIsBlank(after mark: EventsPlace.Mark) -> Bool {
        var i = offset(mark)
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
        return i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D
    }

    /// The first of the spaces and tabs just before `offset`.
    func blanksBefore(_ offset: Int) -> Int {
        var i = offset
        while i > 0 && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09) { i -= 1 }
        return i
    }
}
