import BusinessTime
import Escaping
import Foundation

/// `/status.json`: every case's state for other systems (the help desk). Its shape is documented
/// in docs/status-json.md and docs/status.schema.json and kept stable: add fields, never rename.
struct StatusJSON {
    /// Written by hand in JSONEncoder's pretty, sorted form (`StatusJSONTests` compares the two):
    /// JSONEncoder boxed every value of 10,000 entries, a tenth of a build's memory.
    static func render(_ views: [CaseView], asOf: Day) throws -> Page {
        render(JoinedLines(views.parallelMap(\.statusEntry)), asOf: asOf)
    }

    /// The file from its entries, joined ahead (`serve` keeps them, see `JoinedLines`).
    static func render(_ entries: JoinedLines, asOf: Day) -> Page {
        var out: [UInt8] = []
        out.reserveCapacity(entries.bytes.count + 100)
        out += "{\n  \"as_of\" : \(json(asOf.description)),\n  \"cases\" : [".utf8
        // Each entry is joined with ",\n" before it; the first one's comma is left out.
        if entries.bytes.isEmpty {
            out += "\n\n  ]".utf8
        } else {
            out += entries.bytes.dropFirst()
            out += "\n  ]".utf8
        }
        out += ",\n  \"version\" : 1\n}\n".utf8
        return Page(path: "status.json", body: .bytes(out))
    }

    /// One case's entry, indented as an item of `cases`.
    static func entry(_ view: CaseView, baseURL: String) -> String {
        // Appended to one string, each text quoted in place: joining pairs of quoted texts made
        // twenty strings more per case.
        var out = "    {\n      \"badge\" : "
        out.reserveCapacity(640)
        appendJSON(baseURL, view.url, "badge.svg", to: &out)
        out += ",\n      \"current_step\" : "
        if let step = view.progress.current {
            out += "{\n        \"id\" : "
            appendJSON(step.id, to: &out)
            // 1, or 2 and more once the case has been sent back to the step.
            out += ",\n        \"pass\" : "
            out += String(view.progress.currentPass ?? 1)
            out += ",\n        \"title\" : "
            appendJSON(step.title, to: &out)
            out += "\n      }"
        } else {
            out += "null"
        }
        out += ",\n      \"due\" : "
        if let due = view.due { appendJSON(due.description, to: &out) } else { out += "null" }
        out += ",\n      \"id\" : "
        appendJSON(view.c.id, to: &out)
        // The SOP's words for how the case ended, beside the stable machine state.
        out += ",\n      \"outcome\" : "
        if let outcome = view.progress.outcome { appendJSON(outcome, to: &out) } else { out += "null" }
        for (name, value) in [("sop", view.sop.code), ("state", view.progress.state.rawValue),
                              ("title", view.c.title), ("unit", view.c.unit)] {
            out += ",\n      \""
            out += name
            out += "\" : "
            appendJSON(value, to: &out)
        }
        out += ",\n      \"url\" : "
        appendJSON(baseURL, view.url, to: &out)
        out += "\n    }"
        return out
    }

    /// Does a text need escaping in JSON (a quote, a backslash, a control character)?
    private static func needsEscape(_ text: String) -> Bool {
        // The bytes looked at where they lie: through the String's own iterator it was a byte
        // at a time (ten texts for each of 10,000 cases, twice).
        text.withBytes { $0.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
    }

    /// The text as a JSON string.
    private static func appendJSON(_ text: String, to out: inout String) {
        guard !needsEscape(text) else { return out += json(text) }
        out += "\""
        out += text
        out += "\""
    }

    /// The texts, one after the other, as one JSON string.
    private static func appendJSON(_ texts: String..., to out: inout String) {
        if !texts.contains(where: needsEscape) {
            out += "\""
            for text in texts { out += text }
            out += "\""
        } else {
            out += json(texts.joined())
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, as JSONEncoder does.
    static func json(_ text: String) -> String {
        // Most texts need no escape: quoted as they are, without a copy checked again.
        if !needsEscape(text) { return "\"" + text + "\"" }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
