import BusinessTime

/// The event `sopsite record` adds to a case, as the user typed it, and its YAML: the keys in
/// the order the shipped cases use (step, date, by, answer, note, due, documents).
public struct NewEvent: Sendable {
    public var step: String
    public var date: Moment
    public var by: String?
    public var note: String?
    /// yes, no, or the decision's own label: the build's reader reads it.
    public var answer: String?
    /// Due dates agreed for per-scope steps.
    public var due: [(step: String, day: Day)]
    /// A document: its title and its link (a file in the case's folder, or an http(s) URL).
    public var document: Document?

    public init(step: String, date: Moment, by: String? = nil, note: String? = nil, answer: String? = nil,
                due: [(step: String, day: Day)] = [], document: Document? = nil) {
        (self.step, self.date, self.by, self.note, self.answer) = (step, date, by, note, answer)
        (self.due, self.document) = (due, document)
    }

    /// Its fields as key and text, in order; nested lists and mappings come after.
    private var fields: [(String, String)] {
        var fields = [("step", step), ("date", date.description)]
        if let by { fields.append(("by", by)) }
        if let answer { fields.append(("answer", answer)) }
        if let note { fields.append(("note", note)) }
        return fields
    }

    /// As an item of a block list: "- step: 5" with the dash at column `dash`, the other keys
    /// at column `keys`, nested values two further in. Lines without their line breaks.
    func blockLines(dash: Int, keys: Int) -> [String] {
        let pad = String(repeating: " ", count: keys)
        var lines: [String] = []
        for (key, text) in fields {
            lines.append(pad + key + ": " + YAMLText.scalar(text, flow: false))
        }
        if !due.isEmpty {
            lines.append(pad + "due:")
            lines += due.map { pad + "  " + YAMLText.scalar($0.step, flow: false) + ": " + $0.day.description }
        }
        if let document {
            lines.append(pad + "documents:")
            lines.append(pad + "  - title: " + YAMLText.scalar(document.title, flow: false))
            if let link = document.link { lines.append(pad + "    link: " + YAMLText.scalar(link, flow: false)) }
        }
        // The first key goes on the dash's line, as in "  - step: 5".
        let dashPad = String(repeating: " ", count: dash)
        let gap = String(repeating: " ", count: max(1, keys - dash - 1))
        lines[0] = dashPad + "-" + gap + lines[0].dropFirst(keys)
        return lines
    }

    /// As one flow mapping: `{step: 5, date: 2026-12-04 10:15, by: ...}`.
    var flowText: String {
        var parts = fields.map { $0.0 + ": " + YAMLText.scalar($0.1, flow: true) }
        if !due.isEmpty {
            let pairs = due.map { YAMLText.scalar($0.step, flow: true) + ": " + $0.day.description }
            parts.append("due: {" + pairs.joined(separator: ", ") + "}")
        }
        if let document {
            var doc = "title: " + YAMLText.scalar(document.title, flow: true)
            if let link = document.link { doc += ", link: " + YAMLText.scalar(link, flow: true) }
            parts.append("documents: [{" + doc + "}]")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}

/// Text written into YAML so that it reads back as the same text.
enum YAMLText {
    /// Plain when YAML reads it back as itself (most Thai text, dates, step ids), otherwise
    /// double-quoted: a note that starts with `*` or holds ": " or " #" stays text.
    static func scalar(_ text: String, flow: Bool) -> String {
        readsBackPlain(text, flow: flow) ? text : quoted(text)
    }

    static func readsBackPlain(_ text: String, flow: Bool) -> Bool {
        guard !text.isEmpty, !YAMLValue.isNull(text), !text.contains("\n") else { return false }
        let yaml = flow ? "{k: \(text)}\n" : "k: \(text)\n"
        guard let root = try? YAMLValue.parse(Substring(yaml), path: "", firstLine: 1) else { return false }
        guard let value = root.onlyValue, case let .scalar(read, plain) = value.kind else { return false }
        return plain && read == text
    }

    /// A YAML double-quoted string: whatever the user typed stays text.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension YAMLValue {
    /// The value of a mapping of one pair.
    fileprivate var onlyValue: YAMLValue? {
        guard case let .map(pairs) = kind, pairs.count == 1 else { return nil }
        return pairs[0].value
    }
}
