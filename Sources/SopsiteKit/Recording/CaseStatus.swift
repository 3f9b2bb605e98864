import BusinessTime

/// Where a case stands, for the terminal (`sopsite status`, and `sopsite record` after it
/// records): the portal's own words for its state, current step, due date and time.
public struct CaseStatus: Sendable {
    let c: Case
    let progress: CaseProgress
    let sop: SOP

    init(_ c: Case, _ progress: CaseProgress, sop: SOP) {
        (self.c, self.progress, self.sop) = (c, progress, sop)
    }

    public var id: String { c.id }
    public var state: CaseState { progress.state }
    /// When its current step is due, if the step has a target.
    public var due: Moment? { progress.currentTiming?.due }

    /// The case in a few lines: its id and title, then its state, current step, due date and
    /// time against the target, each labelled as on its page.
    public func lines(_ words: StatusWords) -> [String] {
        let view = words.view(self)
        var lines = ["\(c.id)  \(c.title)", "  \(words["case_state"]): \(view.stateLabel)"]
        if !view.currentStep.isEmpty { lines.append("  \(words["case_current_step"]): \(view.currentStep)") }
        if !view.dueText.isEmpty { lines.append("  " + words.words.fill("timing_due", ["due": view.dueText])) }
        if !view.timeText.isEmpty { lines.append("  \(words["case_time"]): \(view.timeText)") }
        return lines
    }

    /// The case as a row of the open cases' table: id, state, current step, due, time, title.
    func row(_ words: StatusWords) -> [String] {
        let view = words.view(self)
        return [c.id, view.stateLabel, view.currentStep, view.dueText, view.timeText, c.title]
    }

    /// Every open case as a table, the most overdue first, then by due date; a line of totals.
    public static func table(_ cases: [CaseStatus], _ words: StatusWords) -> [String] {
        let open = cases.filter(\.state.isOpen).sorted { a, b in
            if (a.state == .overdue) != (b.state == .overdue) { return a.state == .overdue }
            switch (a.due, b.due) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.id < b.id
            }
        }
        let overdue = open.filter { $0.state == .overdue }.count
        let total = words.words.fill("status_open_cases", ["n": String(open.count), "overdue": String(overdue)])
        return TerminalTable.lines(open.map { $0.row(words) }) + [total]
    }
}

/// The interface strings of the theme in one language, for text in the terminal.
public struct StatusWords: Sendable {
    let words: Words

    /// The strings of `themeFolder`'s i18n in `language`; nil with the theme's problems said.
    public static func load(themeFolder: String, language: Language, _ diagnostics: inout Diagnostics) -> StatusWords? {
        let strings = Theme.loadStrings(themeFolder + "/i18n", &diagnostics)
        guard let table = strings[language] else {
            diagnostics.append(Diagnostic(.error, "\(themeFolder)/i18n/\(language.rawValue).yaml", line: 0, column: 0,
                                          "the theme has no interface strings in this language"))
            return nil
        }
        return StatusWords(words: Words(strings: table, dayStyle: PageContext.dayStyle(language)))
    }

    subscript(key: String) -> String { words[key] }

    func view(_ status: CaseStatus) -> CaseView {
        CaseView(c: status.c, sop: status.sop, progress: status.progress, words: words, baseURL: "")
    }
}
