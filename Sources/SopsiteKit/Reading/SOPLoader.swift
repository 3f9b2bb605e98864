import BusinessTime
import MarkdownBridge

/// Reads an SOP file: front matter (header, roles, steps) and Markdown body.
/// Every problem becomes a diagnostic; nil when the SOP cannot be used.
enum SOPLoader {
    static let fields: [String] = [
        "code", "organisation", "document", "title", "issued", "written_by", "controlled_by", "approved_by",
        "roles", "steps",
    ]

    static func load(_ text: String, path: String, _ diagnostics: inout Diagnostics) -> SOP? {
        guard let (map, front) = FrontMatterFile.read(text, path: path, what: "the SOP's front matter", &diagnostics) else {
            return nil
        }
        map.reportUnknownKeys(known: fields, &diagnostics)

        let code = map.text("code", &diagnostics)
        let organisation = map.text("organisation", &diagnostics)
        let document = map.text("document", &diagnostics)
        let title = map.text("title", &diagnostics)
        let issued = day(map, "issued", &diagnostics)
        let writtenBy = map.text("written_by", &diagnostics)
        let controlledBy = map.text("controlled_by", &diagnostics)
        let approvedBy = map.text("approved_by", &diagnostics)
        let roles = loadRoles(map, &diagnostics)
        let steps = StepLoader.loadSteps(map, roles: roles, &diagnostics)

        if let code, let value = map["code"], !isSafeName(code) {
            diagnostics.append(value.location.error("SOP code \"\(code)\" may use only letters, digits, '-', '_' and '.'"))
            return nil
        }
        guard let code, let organisation, let document, let title, let issued, let writtenBy, let controlledBy,
              let approvedBy, let steps, !roles.isEmpty else { return nil }
        return SOP(code: code, organisation: organisation, document: document, title: title, issued: issued,
                   writtenBy: writtenBy, controlledBy: controlledBy, approvedBy: approvedBy, roles: roles,
                   steps: steps, body: String(front.body), bodyLine: front.bodyLine, path: path)
    }

    /// Roles are a mapping from id to name, in lane order: `isd: งานพัฒนาระบบสารสนเทศ`.
    static func loadRoles(_ map: YAMLMap, _ diagnostics: inout Diagnostics) -> [Role] {
        guard let roles = map.required("roles", &diagnostics)?.map("'roles'", &diagnostics) else { return [] }
        if roles.entries.isEmpty { diagnostics.append(roles.location.error("'roles' lists no role")) }
        return roles.entries.compactMap { entry in
            guard let name = entry.value.text("role '\(entry.key)'", &diagnostics) else { return nil }
            guard isSafeName(entry.key) else {
                diagnostics.append(entry.keyLocation.error("role id \"\(entry.key)\" may use only letters, digits, '-', '_' and '.'"))
                return nil
            }
            return Role(id: entry.key, name: name)
        }
    }

    static func day(_ map: YAMLMap, _ key: String, _ diagnostics: inout Diagnostics) -> Day? {
        map.required(key, &diagnostics)?.day("'\(key)'", &diagnostics)
    }

    /// Ids become parts of URLs and file names: plain ASCII letters, digits, '-', '_' and '.', not only dots.
    static func isSafeName(_ name: String) -> Bool {
        // By bytes: ASCII letters, digits, "-", "_" and ".", not dots alone (asked of every case
        // folder twice; Unicode properties and Characters cost more than reading the folder).
        var onlyDots = true
        for byte in name.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: onlyDots = false
            case 0x2E: continue
            default: return false
            }
        }
        return !name.isEmpty && !onlyDots
    }

    /// The body, each step's procedure and documents within `limits` (`MarkdownLimits`).
    static func checkMarkdown(_ sop: SOP, limits: MarkdownLimits, _ diagnostics: inout Diagnostics) {
        for p in limits.problems(in: Substring(sop.body)) {
            diagnostics.append(p.diagnostic(path: sop.path, firstLine: sop.bodyLine))
        }
        for step in sop.steps {
            for text in [step.procedure] + step.documents {
                for p in limits.problems(in: Substring(text)) {
                    diagnostics.append(step.location.error("in step \(step.id)'s procedure or documents: \(p.message)"))
                }
            }
        }
    }
}
