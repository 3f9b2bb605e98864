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
        var listingsChanged = false
        do {
            for change in changes {
                switch change {
                case let .staticFile(relative):
                    changed += try copyStatic(relative)
                case let .caseFolder(id):
                    let (files, listed) = try updateCase(id)
                    changed += files
                    listingsChanged = listingsChanged || listed
                case .everything:
                    break
                }
            }
            if listingsChanged {
                changed += try syncAggregates()
            }
        } catch {
            return .failed([Diagnostic(.error, options.outputFolder, line: 0, column: 0, "\(error)")])
        }
        if !errors.isEmpty { return .failed(errors) }
        let unique = Array(Set(changed)).sorted()
        return .rebuilt(changed: unique, stylesOnly: !unique.isEmpty && unique.allSatisfy { $0.hasSuffix(".css") })
    }

    func copyStatic(_ relative: String) throws -> [String] {
        let source = options.themeFolder + "/static/" + relative
        let path = "static/" + relative
        guard let data = FileManager.default.contents(atPath: source) else {
            return remove(under: path, keeping: [])
        }
        return try sync([path: data], removingOthers: false)
    }

    /// Reads one case folder again. A case with errors keeps its last good pages; a case whose
    /// folder is gone loses its pages. Also says whether what the lists and counts show of the
    /// case changed: an edit of the report alone leaves them as they were.
    func updateCase(_ id: String) throws -> (files: [String], listingChanged: Bool) {
        guard let content = renderer?.content else { return ([], false) }
        let folder = options.contentFolder + "/cases/" + id
        let prefix = "cases/\(id)/"
        var diagnostics = Diagnostics()
        guard ContentFiles.exists(folder + "/index.md") else {
            renderer?.replaceCase(id, with: nil)
            caseErrors[id] = nil
            return (remove(under: prefix, keeping: []), true)
        }
        // The build's checks of a case folder, against the other cases loaded.
        var seen: [String: String] = [:]
        if let other = renderer?.caseDiffering(inCaseOnly: id) { seen[other.lowercased()] = other }
        let loaded = CaseFolders.folder(id, in: options.contentFolder + "/cases", seen: &seen, &diagnostics).flatMap {
            Content.loadCase($0, sops: Content.byCode(content.sops), markdown: renderer!.markdown, &diagnostics)
        }
        var caseProgress: CaseProgress?
        if let loaded, let sop = content.sop(loaded.sop) {
            caseProgress = CaseWalk.progress(loaded, sop: sop, calendar: content.calendar, asOf: options.asOf, &diagnostics)
        }
        guard !diagnostics.hasErrors, let loaded, let caseProgress else {
            caseErrors[id] = diagnostics.sorted.filter { $0.severity == .error }
            return ([], false)
        }
        let before = renderer?.loadedCase(id)?.listing
        caseErrors[id] = nil
        guard let view = renderer?.replaceCase(id, with: (loaded, caseProgress)), let renderer else { return ([], true) }
        var files = Dictionary(renderer.casePages(view).map { ($0.path, Data($0.text.utf8)) }, uniquingKeysWith: { a, _ in a })
        for file in loaded.attachments {
            files[prefix + file] = FileManager.default.contents(atPath: folder + "/" + file) ?? Data()
        }
        let written = try sync(files, removingOthers: false)
        return (written + remove(under: prefix, keeping: Set(files.keys)), before != loaded.listing)
    }

    /// The pages that list or count cases, after any case changed.
    func syncAggregates() throws -> [String] {
        guard let renderer else { return [] }
        let files = Dictionary(try renderer.aggregatePages().map { ($0.path, Data($0.text.utf8)) }, uniquingKeysWith: { a, _ in a })
        return try sync(files, removingOthers: false)
    }
}
