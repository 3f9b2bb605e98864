import MarkdownBridge

/// A system's handover user manual, from `cases/<id>/manual.md`.
public struct Manual: Sendable {
    /// The system's name: the cover and the running header show it.
    public var system: String
    public var version: String
    /// The unit that prepared the manual.
    public var preparedBy: String
    public var handedOverBy: Signatory?
    public var receivedBy: Signatory?
    public var body: Markdown.Rendered
    public var path: String
}

/// Who signs the handover, for one side.
public struct Signatory: Sendable {
    public var name: String
    public var position: String
}

enum ManualLoader {
    static let fields: [String] = ["system", "version", "prepared_by", "handed_over_by", "received_by"]

    static func load(_ text: String, path: String, attachments: [String], markdown: Markdown,
                     _ diagnostics: inout Diagnostics) -> Manual? {
        guard let (map, front) = FrontMatterFile.read(text, path: path, what: "the manual's front matter", &diagnostics) else {
            return nil
        }
        map.reportUnknownKeys(known: fields, &diagnostics)
        let system = map.text("system", &diagnostics)
        let version = map.text("version", &diagnostics)
        let preparedBy = map.text("prepared_by", &diagnostics)
        let handedOverBy = signatory(map, "handed_over_by", &diagnostics)
        let receivedBy = signatory(map, "received_by", &diagnostics)
        // The page is /cases/<id>/manual/; the manual's images are in the case's folder. It is
        // printed to PDF, where each heading's id becomes a named destination: short ASCII ids.
        let body = markdown.render(front.body, urlPrefix: "../", headingIDs: .numbered)
        diagnostics.append(contentsOf: body.problems.map { $0.diagnostic(path: path, firstLine: front.bodyLine) })
        Images.check(body.images, attachments: attachments, path: path, firstLine: front.bodyLine, &diagnostics)
        guard let system, let version, let preparedBy else { return nil }
        return Manual(system: system, version: version, preparedBy: preparedBy, handedOverBy: handedOverBy,
                      receivedBy: receivedBy, body: body, path: path)
    }

    static func signatory(_ map: YAMLMap, _ key: String, _ diagnostics: inout Diagnostics) -> Signatory? {
        guard let m = map[key]?.map("'\(key)'", &diagnostics) else { return nil }
        m.reportUnknownKeys(known: ["name", "position"], &diagnostics)
        guard let name = m.text("name", &diagnostics), let position = m.text("position", &diagnostics) else { return nil }
        return Signatory(name: name, position: position)
    }
}

/// Images in a case's Markdown must be files in the case's folder (or http(s) URLs).
enum Images {
    static func check(_ images: [Markdown.Image], attachments: [String], path: String, firstLine: Int,
                      _ diagnostics: inout Diagnostics) {
        for image in images {
            // Markdown percent-encodes spaces in a destination; the file on disk has the space.
            let url = image.url.removingPercentEncoding ?? image.url
            if WebAddress.isHTTP(url) {
                // The portal works offline on the intranet, and its pages load nothing from elsewhere.
                diagnostics.append(Diagnostic(.error, path, line: firstLine + image.line - 1, column: image.column,
                    "image \"\(url)\" is on another site; put the file in the case's folder and link it by name"))
            } else if let problem = EventLoader.linkProblem(url, attachments) {
                let message = problem.replacingOccurrences(of: "link \"", with: "image \"")
                diagnostics.append(Diagnostic(.error, path, line: firstLine + image.line - 1, column: image.column, message))
            }
        }
    }
}
