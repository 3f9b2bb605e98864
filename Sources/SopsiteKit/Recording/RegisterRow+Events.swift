import BusinessTime

/// A row's events: its steps' dates followed along the SOP from step 1.
extension RegisterRow {
    /// One event per dated step along the SOP from step 1, and where each came from.
    typealias Planned = (event: NewEvent, date: Cell, answer: Cell?, due: [Cell])

    func events(along sop: SOP, _ problem: (Cell?, String) -> Void) -> [Planned] {
        var dates: [String: Cell] = [:], answers: [String: Cell] = [:]
        for (id, cell) in columns.cells(in: row, \.stepOfDate) { dates[id] = cell }
        for (id, cell) in columns.cells(in: row, \.stepOfAnswer) { answers[id] = cell }
        for (id, cell) in Array(dates) + Array(answers) where !sop.steps.contains(where: { $0.id == id }) {
            problem(cell, "SOP \(sop.code) has no step \(id)")
        }
        var planned: [Planned] = []
        var at = sop.steps.first
        var passed: Set<String> = []
        while let step = at, let cell = dates[step.id], !passed.contains(step.id) {
            passed.insert(step.id)
            guard let date = RegisterDate.moment(cell.text) else {
                problem(cell, "not a date: \"\(cell.text)\" (YYYY-MM-DD, or D/M/YYYY, with HH:MM if known)")
                return []
            }
            let answer = answers[step.id]
            planned.append((NewEvent(step: step.id, date: date, answer: answer?.text), cell, answer, []))
            at = nil
            if step.ongoing { break }
            var next = step.next
            if let decision = step.decision {
                guard let answer, let yes = EventLoader.answer(answer.text, decision) else { break }
                next = yes ? decision.yes.target : decision.no.target
            }
            if case let .step(id) = next { at = sop.steps.first { $0.id == id } }
        }
        for (id, cell) in dates where !passed.contains(id) && sop.steps.contains(where: { $0.id == id }) {
            problem(cell, "the case does not reach step \(id): along the SOP from step 1, the dates and answers stop before it"
                + " (a case sent back to a step it has done is recorded with sopsite record)")
        }
        for (id, cell) in answers where !passed.contains(id) { problem(cell, "an answer for step \(id), which the case does not reach") }
        return attachDue(sop, planned, problem)
    }

    /// A due date agreed for step N goes with the event before N's (the last event while N
    /// is not reached yet).
    func attachDue(_ sop: SOP, _ planned: [Planned], _ problem: (Cell?, String) -> Void) -> [Planned] {
        var planned = planned
        for (id, cell) in columns.cells(in: row, \.stepOfDue) {
            guard let day = RegisterDate.day(cell.text) else {
                problem(cell, "not a date: \"\(cell.text)\" (YYYY-MM-DD, or D/M/YYYY)")
                continue
            }
            let at = (planned.firstIndex { $0.event.step == id } ?? planned.count) - 1
            guard at >= 0 else {
                problem(cell, "a due date is agreed at an event before step \(id), and the row has none")
                continue
            }
            planned[at].event.due.append((id, day))
            planned[at].due.append(cell)
        }
        return planned
    }
}
