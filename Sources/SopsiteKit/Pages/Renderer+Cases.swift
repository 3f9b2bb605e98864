/// One case changed in place, for `serve`: the other 9,999 cases and their views are neither
/// copied nor made again (copying the array of cases alone took longer than rendering the page).
extension Renderer {
    /// Puts `new` with its progress in place of the case `id` (adding it when there was none),
    /// or removes the case when `new` is nil. Returns the case's new view, if it has one (a
    /// case whose SOP is unknown has none).
    @discardableResult
    mutating func replaceCase(_ id: String, with new: (c: Case, progress: CaseProgress)?) -> CaseView? {
        let view = new.flatMap { new in
            content.sop(new.c.sop).map {
                CaseView(c: new.c, sop: $0, progress: new.progress, words: page.words,
                         baseURL: content.site.baseURL, keepsEntries: keepsEntries)
            }
        }
        let i = views.insertionIndex(of: id) { $0.c.id }
        let old = i < views.count && views[i].c.id == id ? views[i] : nil
        if let old { filters?.remove(old) }
        if let view { filters?.add(view) }
        // Every structure kept in id order changes at the same place.
        let range = old == nil ? i..<i : i..<(i + 1)
        views.replaceSubrange(range, with: view.map { [$0] } ?? [])
        glances.replacing(range, with: view.map { [$0] } ?? [])
        statusEntries?.replacing(range, with: view.map { [$0.statusEntry] } ?? [])
        listRows?.replacing(range, with: view.map { [$0.listIndexRow] } ?? [])
        let calendar = content.calendar
        for s in reportColumns?.indices ?? 0..<0 { reportColumns?[s].replacing(id, with: view, calendar: calendar) }
        // The cases too, apart: a case whose SOP is unknown has no view.
        let j = content.cases.insertionIndex(of: id) { $0.id }
        let had = j < content.cases.count && content.cases[j].id == id
        content.cases.replaceSubrange(had ? j..<(j + 1) : j..<j, with: new.map { [$0.c] } ?? [])
        return view
    }

    /// The view of the case `id`, if it has one.
    func view(of id: String) -> CaseView? {
        let i = views.insertionIndex(of: id) { $0.c.id }
        return i < views.count && views[i].c.id == id ? views[i] : nil
    }

    /// Another loaded case whose id differs from `id` only in upper and lower case.
    func caseDiffering(inCaseOnly id: String) -> String? {
        let lowered = id.lowercased()
        for i in content.cases.indices {
            let other = content.cases[i].id
            if other.utf8.count == id.utf8.count, other != id, other.lowercased() == lowered { return other }
        }
        return nil
    }
}
