import BusinessTime
import MarkdownBridge

/// Reads a case's `index.md`: front matter (SOP, title, unit, contact, opened, events) and the
/// report. Checks what needs only the SOP; the order of events is checked by `CaseProgress`.
enum CaseLoader {
    static let fields: [String] = ["sop", "title", "unit", "contact", "opened", "events"]

    static func load(_ text: String, id: String, folder: String, path: String, attachments: [String],
                     sops: [String: SOP], markdown: Markdown, _ diagnostics: inout Diagnostics) -> Case? {
        guard let front = FrontMatterFile.split(text, path: path, &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        guard let map = FrontMatterFile.map(front, path: path, what: "the case's front matter", &diagnostics) else {
            return nil
        }
        let fields = readFields(map, attachments: attachments, sops: sops, &diagnostics)
        // A note is parsed as the case's page is made: checked now, where errors can be said (a
        // plain line, as most notes are, has nothing a limit counts).
        for event in fields?.events ?? [] {
            guard let note = event.note, !Markdown.isPlainText(note) else { continue }
            for p in markdown.limits.problems(in: Substring(note)) {
                diagnostics.append(event.location.error("in the note: \(p.message)"))
            }
        }
        let report = markdown.render(front.body)
        diagnostics.append(contentsOf: report.problems.map { $0.diagnostic(path: path, firstLine: front.bodyLine) })
        Images.check(report.images, attachments: attachments, path: path, firstLine: front.bodyLine, &diagnostics)
        guard diagnostics.errors.count == before, let fields else { return nil }
        return Case(id: id, sop: fields.sop, title: fields.title, unit: fields.unit, contact: fields.contact,
                    opened: fields.opened, openedLocation: fields.openedLocation, events: fields.events, report: report, manual: nil, attachments: attachments,
                    folder: folder, path: path, location: fields.location)
    }

    /// The fields of a case's front matter, as `load` needs them to make a `Case`.
    struct Fields {
        var sop: String
        var title: String
        var unit: String
        var contact: String?
        var opened: Moment
        /// Where `opened`'s value is: a case opened after the as-of date is refused there.
        var openedLocation: SourceLocation
        var events: [Event]
        var location: SourceLocation
    }

    /// The front matter's fields, every problem said. Nil when a required field is missing or
    /// unreadable. (A quicker reader straight from libyaml's events once sat beside this one; the
    /// tree it skipped costs about 4% of a build's CPU at 10,000 cases, and one reader is worth it.)
    static func readFields(_ map: YAMLMap, attachments: [String], sops: [String: SOP],
                           _ diagnostics: inout Diagnostics) -> Fields? {
        map.reportUnknownKeys(known: fields, &diagnostics)
        var sop: SOP?
        let code = map.text("sop", &diagnostics)
        if let code, let value = map["sop"] {
            sop = sops[code]
            if sop == nil {
                let known = sops.keys.sorted().joined(separator: ", ")
                diagnostics.append(value.location.error("unknown SOP '\(code)' (the SOPs: \(known))"))
            }
        }
        let title = map.text("title", &diagnostics)
        let unit = map.text("unit", &diagnostics)
        let contact = map.optionalText("contact", &diagnostics)
        let opened = map.required("opened", &diagnostics)?.moment("'opened'", &diagnostics)
        var events: [Event] = []
        if let list = map.required("events", &diagnostics), !isEmptyList(list) {
            let items = list.list("'events'", &diagnostics) ?? []
            // Room for exactly these: `serve` keeps every case's events, and an array grown by
            // appending keeps up to half its room empty (about 12 MB at 10,000 cases).
            events.reserveCapacity(items.count)
            for (index, value) in items.enumerated() {
                if let event = EventLoader.load(value, number: index + 1, sop: sop, attachments: attachments, &diagnostics) {
                    events.append(event)
                }
            }
        }
        guard let code, let title, let unit, let opened else { return nil }
        return Fields(sop: code, title: title, unit: unit, contact: contact, opened: opened,
                               openedLocation: map["opened"]?.location ?? map.location, events: events,
                               location: map.location)
    }

    /// `events:` with nothing after it, or `events: []`: a case just opened.
    static func isEmptyList(_ value: YAMLValue) -> Bool {
        if case let .scalar(text, plain) = value.kind { return plain && YAMLValue.isNull(text) }
        if case let .list(items) = value.kind { return items.isEmpty }
        return false
    }
}
