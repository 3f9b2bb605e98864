import BusinessTime
import Foundation

/// `sopsite new case`: writes a case file with the next free id and today's opening.
public enum NewCase {
    /// The next id for `sop` in the Buddhist-Era year of `opened`: SW01-2569-010 after SW01-2569-009.
    /// Ids are compared ignoring case, as case folders are (`sw01-2569-009` is taken too).
    public static func nextID(sop: String, opened: Day, existing: [String]) -> String {
        let prefix = "\(sop)-\(opened.buddhistYear)-"
        let numbers = existing.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }.compactMap { Int($0.dropFirst(prefix.count)) }
        let next = (numbers.max() ?? 0) + 1
        let digits = String(next)
        return prefix + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The SOP a new case follows: the one named, or the portal's only SOP. With several and
    /// none named, choosing one would be a guess: the error lists them.
    public static func sop(_ named: String?, content: String) throws -> String {
        if let named {
            guard FileManager.default.fileExists(atPath: "\(content)/sops/\(named).md") else {
                throw Diagnostic.failure("\(content)/sops/\(named).md", "no SOP '\(named)' to follow")
            }
            return named
        }
        let codes = ContentFiles.list(content + "/sops", extension: "md").map { String($0.dropLast(3)) }
        switch codes.count {
        case 1: return codes[0]
        case 0: throw Diagnostic.failure("\(content)/sops", "no SOP to follow (sops/*.md)")
        default:
            throw Diagnostic.failure("\(content)/sops", "the portal has \(codes.count) SOPs (\(codes.joined(separator: ", "))); choose one with --sop")
        }
    }

    /// Creates `<content>/cases/<id>/index.md` and returns its path. Without `sop`, the case
    /// follows the portal's only SOP.
    public static func create(content: String, sop named: String?, title: String, unit: String, contact: String?,
                              opened: Moment) throws -> String {
        let sop = try self.sop(named, content: content)
        let folder = content + "/cases"
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let id = nextID(sop: sop, opened: opened.day, existing: existing)
        let path = "\(folder)/\(id)/index.md"
        var text = """
        ---
        sop: \(sop)
        title: \(YAMLText.quoted(title))
        unit: \(YAMLText.quoted(unit))

        """
        if let contact { text += "contact: \(YAMLText.quoted(contact))\n" }
        text += """
        opened: \(opened)
        # Add an event each time a step is done: step, date, by, note, documents,
        # answer (on a decision) and due (dates agreed for per-scope steps).
        events: []
        ---

        ## รายละเอียดคำขอ

        """
        try FileManager.default.createDirectory(atPath: "\(folder)/\(id)", withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        return path
    }
}
