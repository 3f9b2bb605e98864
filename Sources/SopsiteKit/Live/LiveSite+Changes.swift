import BusinessTime
import Foundation

extension LiveSite {
    /// What a changed path asks for: one case again, a stylesheet copied, or everything.
    enum Change: Equatable {
        case caseFolder(String)
        case staticFile(String)
        case everything
    }

    /// Sorts the paths the watcher reported (as it was given the folders: relative or absolute).
    func classify(_ paths: [String]) -> [Change] {
        let cases = options.contentFolder + "/cases/"
        let statics = options.themeFolder + "/static/"
        var changes: [Change] = []
        for path in paths {
            let change: Change
            if path.hasPrefix(cases), let id = path.dropFirst(cases.count).split(separator: "/").first {
                change = .caseFolder(String(id))
            } else if path.hasPrefix(statics) {
                change = .staticFile(String(path.dropFirst(statics.count)))
            } else if path.hasPrefix(options.contentFolder + "/") || path.hasPrefix(options.themeFolder + "/") {
                // site.yaml, holidays.yaml, an SOP, a template or the interface strings: any page may show them.
                change = .everything
            } else {
                continue
            }
            if !changes.contains(change) { changes.append(change) }
        }
        return changes
    }

    /// Rebuilds what `paths` affect. A case's change rebuilds that case's pages and the pages
    /// that list or count cases; a stylesheet is copied; anything else rebuilds the portal.
    public func apply(_ paths: [String]) -> Outcome {
        let changes = classify(paths)
        if changes.isEmpty { return .rebuilt(changed: [], stylesOnly: false) }
        if changes.contains(.everything) || !siteErrors.isEmpty || renderer == nil { return buildAll() }
        var changed: [String] = []
        var caseChanges: [(old: CaseView?, new: CaseView?)] = []
        do {
            for change in changes {
                switch change {
                case let .staticFile(relative):
                    changed += try copyStatic(relative)
                case let .caseFolder(id):
                    let (files, change) = try updateCase(id)
                    changed += files
                    if let change { caseChanges.append(change) }
                case .everything:
                    break
                }
            }
            if !caseChanges.isEmpty {
                changed += try syncListings(after: caseChanges)
            }
        } catch {
            return .failed([error as? Diagnostic ?? Diagnostic.failure(options.outputFolder, "\(error)")])
        }
        if !errors.isEmpty { return .failed(errors) }
        let unique = Array(Set(changed)).sorted()
        return .rebuilt(changed: unique, stylesOnly: !unique.isEmpty && unique.allSatisfy { $0.hasSuffix(".css") })
    }

    func copyStatic(_ relative: String) throws -> [String] {
        let source = options.themeFolder + "/static/" + relative
        let path = "static/" + relative
        // A named pipe or a link out of the theme is not read (the theme's next load says why):
        // the files a build would copy, checked the same way.
        guard staticFiles().contains(where: { $0.source == source }), ContentFiles.exists(source) else {
            return remove(under: path, keeping: [])
        }
        return record(try writer.copy([(source, path)]))
    }

    /// Reads one case folder again. A case with errors keeps its last good pages; a case whose
    /// folder is gone loses its pages. Also returns the case's view before and after (nil: none),
    /// for the pages that list cases to tell whether they changed; nil when the case did not
    /// change (its errors keep the last good version).
    func updateCase(_ id: String) throws -> (files: [String], change: (old: CaseView?, new: CaseView?)?) {
        guard let content = renderer?.content else { return ([], nil) }
        let old = renderer?.view(of: id)
        let folder = options.contentFolder + "/cases/" + id
        let prefix = "cases/\(id)/"
        var diagnostics = Diagnostics()
        guard ContentFiles.exists(folder + "/index.md") else {
            renderer?.replaceCase(id, with: nil)
            caseErrors[id] = nil
            return (remove(under: prefix, keeping: []), (old, nil))
        }
        // The build's checks of a case folder, against the other cases loaded.
        var seen: [String: String] = [:]
        if let other = renderer?.caseDiffering(inCaseOnly: id) { seen[other.lowercased()] = other }
        let (sops, following) = (Content.byCode(content.sops), Following(content, asOf: options.asOf))
        let read = CaseFolders.folder(id, in: options.contentFolder + "/cases", seen: &seen, &diagnostics).map { f in
            Content.readCase(f, sops: sops, markdown: renderer!.markdown, following: following, &diagnostics)
        }
        guard !diagnostics.hasErrors, let loaded = read?.0, let caseProgress = read?.1 else {
            caseErrors[id] = diagnostics.sorted.filter { $0.severity == .error }
            return ([], nil)
        }
        caseErrors[id] = nil
        guard let view = renderer?.replaceCase(id, with: (loaded, caseProgress)), let renderer else { return ([], (old, nil)) }
        let writer = self.writer
        let outcomes = try writer.write(renderer.casePages(view))
            + writer.copy(loaded.attachments.map { (folder + "/" + $0, prefix + $0) })
        let written = record(outcomes)
        return (written + remove(under: prefix, keeping: Set(outcomes.map(\.path))), (old, view))
    }

    /// The pages that list or count cases that `changes` make differ, made again.
    func syncListings(after changes: [(old: CaseView?, new: CaseView?)]) throws -> [String] {
        guard let renderer else { return [] }
        let remade = renderer.listings.filter { listing in
            changes.contains { listing.isChanged(from: $0.old, to: $0.new, newestFrom: { self.newestFrom(listing.newest) }) }
        }
        if remade.contains(where: { $0.newest > 0 }) { newestEvents = [:] }
        // A listing may make only the pages the changed cases are on (a step done remade all
        // 25 pages of the case list at 10,000 cases, and every unit's calendar).
        var jobs: [@Sendable () throws -> [Page]] = [], wholeFolders: [String] = []
        for listing in remade {
            if let only = listing.remakes(changes) {
                jobs += only
            } else {
                jobs += listing.jobs
                if let folder = listing.folder { wholeFolders.append(folder) }
            }
        }
        // Each page written as soon as it is made, on every core.
        let run = jobs
        let outcomes = try writer.run(run.count) { try run[$0]() }
        let made = Set(outcomes.map(\.path))
        // A page of the case list past the new last one goes (only a listing made whole knows).
        let gone = wholeFolders.flatMap { remove(under: $0, keeping: made) }
        return record(outcomes) + gone
    }

    /// The date of the n-th newest event of all cases (nil when there are fewer), kept until a
    /// change remakes a page that lists the newest events.
    func newestFrom(_ n: Int) -> Moment? {
        if let known = newestEvents[n] { return known }
        let latest = Dashboard.latest(n, of: renderer?.views ?? [], glances: renderer?.glances)
        let from = latest.count < n ? nil : latest.last?.event.date
        newestEvents[n] = .some(from)
        return from
    }
}
