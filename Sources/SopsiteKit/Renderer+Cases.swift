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
        if let old = self.view(of: id) { filters.remove(old) }
        if let view { filters.add(view) }
        let i = Renderer.index(of: id, in: views, id: \.c.id)
        let found = i < views.count && views[i].c.id == id
        let range = found ? i..<(i + 1) : i..<i
        caseRows = caseRows?.replacing(range, with: view?.templateRow.map { [$0] } ?? [])
        statusEntries?.replacing(range, with: view.map { [$0.statusEntry] } ?? [])
        let calendar = content.calendar
        for s in reportColumns.indices { reportColumns[s].replacing(id, with: view, calendar: calendar) }
        Renderer.place(new?.c, id: id, in: &content.cases, id: \.id)
        Renderer.place(view, id: id, in: &views, id: \.c.id)
        return view
    }

    /// The view of the case `id`, if it has one.
    func view(of id: String) -> CaseView? {
        let i = Renderer.index(of: id, in: views, id: \.c.id)
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

    /// Replaces, inserts or removes the element with `id` in an array kept in id order.
    private static func place<T>(_ element: T?, id: String, in array: inout [T], id key: (T) -> String) {
        let i = index(of: id, in: array, id: key)
        let found = i < array.count && key(array[i]) == id
        switch (element, found) {
        case let (element?, true): array[i] = element
        case let (element?, false): array.insert(element, at: i)
        case (nil, true): array.remove(at: i)
        case (nil, false): break
        }
    }

    /// The first index whose id is not below `id` (binary search).
    private static func index<T>(of id: String, in array: [T], id key: (T) -> String) -> Int {
        var low = 0, high = array.count
        while low < high {
            let mid = (low + high) / 2
            if key(array[mid]) < id { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
