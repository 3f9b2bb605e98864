import BusinessTime
import Foundation

/// `sopsite record`: adds one event to a case's front matter, checked by the build's own
/// reading and following first. Anything the build would refuse is refused with the build's
/// messages, and nothing is written.
public enum Record {
    /// What was recorded, and where the case stands now.
    public struct Recorded: Sendable {
        public var path: String
        public var status: CaseStatus
        /// The site's language (site.yaml), for the words that say it.
        public var language: Language
    }

    /// Records `event` in case `id` of `contentFolder`. `document`: a file to copy into the
    /// case's folder (its name becomes the link), or an http(s) address; `title` its title
    /// (default: the file's name). `now` is when it runs
    /// (Asia/Bangkok): an event may not be dated after it.
    public static func record(_ event: NewEvent, case id: String, contentFolder: String, document: String? = nil,
                              title: String? = nil, now: Moment) throws(Refused) -> Recorded {
        var found = Diagnostics()
        guard let one = OneCase.load(contentFolder, &found), let (folder, path, text) = one.caseFile(id, &found) else {
            throw Refused(found.all)
        }
        // A case the build refuses already is fixed by hand first: its errors are not this event's.
        guard one.read(text, id: id, folder: folder.path, attachments: folder.attachments, asOf: now.day, &found) != nil else {
            throw Refused(found.all, "the case has errors already; fix them, then record the event")
        }
        var event = event
        var attachments = folder.attachments
        let copy = try documentToCopy(document, title: title, into: folder.path, &event, &attachments)
        // A later day the build refuses in its own words (after the as-of date); a later time
        // today only `record` can see.
        if event.date.day == now.day, event.date > now {
            throw Refused([Diagnostic(.error, "--date", line: 0, column: 0, "the event is dated \(event.date), after now (\(now))")])
        }
        guard let front = try? FrontMatter.split(text, path: path), let place = EventsPlace.find(front.yaml) else {
            throw Refused([Diagnostic(.error, path, line: 1, column: 1, "the front matter has no list 'events' to add to")])
        }
        let splice = EventSplice.make(event, text: text, yamlLine: front.yamlLine, place: place)
        let newText = splice.applied(to: text)
        guard let (c, progress) = one.read(newText, id: id, folder: folder.path, attachments: attachments,
                                            asOf: now.day, &found) else {
            throw Refused(found.all.map { splice.placedInOldText($0) })
        }
        try check(c.events.last, readsBackAs: event, path: path)
        try write(newText, to: path, copying: copy)
        return Recorded(path: path, status: CaseStatus(c, progress, sop: one.sops[c.sop]!), language: one.site.language)
    }

    /// Why a record was refused: the build's diagnostics, and what to do.
    public struct Refused: Error, Sendable {
        public var diagnostics: [Diagnostic]
        public var advice: String?
        init(_ diagnostics: [Diagnostic], _ advice: String? = nil) {
            (self.diagnostics, self.advice) = (diagnostics, advice)
        }
    }

    /// The file `document` names, checked as the build checks an attachment; `event` gets its
    /// link. Nil for an http(s) address, or a file the folder already has, byte for byte.
    private static func documentToCopy(_ document: String?, title: String?, into folder: String, _ event: inout NewEvent,
                                       _ attachments: inout [String]) throws(Refused) -> (from: String, to: String)? {
        guard let document else { return nil }
        let name = (document as NSString).lastPathComponent
        func refuse(_ message: String) -> Refused { Refused([Diagnostic(.error, document, line: 0, column: 0, message)]) }
        event.document = Document(title: title ?? name, link: WebAddress.isHTTP(document) ? document : name)
        if WebAddress.isHTTP(document) { return nil }
        guard let bytes = FileManager.default.contents(atPath: document), ContentFiles.special(document) == nil,
              !ContentFiles.isFolder(document) else { throw refuse("cannot read the document (a file to copy into the case's folder)") }
        if name.hasPrefix(".") || name == "index.md" || name == "manual.md" {
            throw refuse("a document may not be named \(name) in the case's folder; rename it")
        }
        if let problem = AttachmentTypes.problem(name, isFolder: false) { throw refuse(problem) }
        let target = folder + "/" + name
        if let there = FileManager.default.contents(atPath: target) {
            guard there == bytes else {
                throw refuse("the case's folder has another file named \(name) already; rename the document")
            }
            return nil
        }
        if let other = attachments.first(where: { $0.lowercased() == name.lowercased() }) {
            throw refuse("the case's folder has \(other), whose name differs only in case; rename the document")
        }
        attachments = (attachments + [name]).sorted()
        return (document, target)
    }

    /// The event as the build reads it back must be the event asked for: proof that its text
    /// was written right (a note that YAML would read otherwise is quoted).
    private static func check(_ read: Event?, readsBackAs event: NewEvent, path: String) throws(Refused) {
        let same = read.map { r in
            r.step == event.step.thaiFolded && r.date == event.date && r.by == event.by && r.note == event.note
                && r.due.map { "\($0.step)=\($0.day)" } == event.due.map { "\($0.step.thaiFolded)=\($0.day)" }
                && r.documents == (event.document.map { [$0] } ?? [])
        } ?? false
        if !same {
            throw Refused([Diagnostic(.error, path, line: 0, column: 0,
                                      "sopsite could not write the event so that it reads back the same; nothing was written")])
        }
    }

    /// The document first, then the case's text through a temporary file renamed over it: a
    /// failure leaves the case as it was (and takes the copied document away again).
    private static func write(_ text: String, to path: String, copying copy: (from: String, to: String)?) throws(Refused) {
        do {
            if let copy { try CopyFiles.bytes(of: copy.from, to: copy.to) }
            // A hidden name beside it, which serve, publish and the build pass over, then rename.
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".index.md.sopsite-record")
            do {
                try Data(text.utf8).write(to: temporary)
                guard rename(temporary.path, target.path) == 0 else {
                    throw Diagnostic.failure(target.path, "cannot replace: \(String(cString: strerror(errno)))")
                }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                if let copy { try? FileManager.default.removeItem(atPath: copy.to) }
                throw error
            }
        } catch let failure as Diagnostic {
            throw Refused([failure])
        } catch {
            throw Refused([Diagnostic(.error, path, line: 0, column: 0,
                                      "cannot write: \((error as NSError).localizedDescription)")])
        }
    }
}

extension EventSplice {
    /// A diagnostic of the new text, placed in the file as it still is: a problem inside the
    /// event has no line there (it is the event being recorded); lines after it move back.
    func placedInOldText(_ d: Diagnostic) -> Diagnostic {
        var d = d
        if d.line >= line && d.line < line + max(addedLines, 1) {
            (d.line, d.column) = (0, 0)
            d.message = "the event: " + d.message
        } else if d.line >= line + addedLines {
            d.line -= addedLines
        }
        return d
    }
}
