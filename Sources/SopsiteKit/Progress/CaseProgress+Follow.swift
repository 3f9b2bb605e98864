import BusinessTime

/// Follows a case's events along its SOP: each event must complete the step the case is at, and
/// a decision's answer picks the next step. Reports events that break the SOP's order.
extension CaseProgress {
    static func follow(_ c: Case, sop: SOP, calendar: WorkCalendar, asOf: Day,
                         _ diagnostics: inout Diagnostics) -> CaseProgress? {
        let before = diagnostics.errors.count
        // A request that has not come in yet, like an event after the as-of date.
        if c.opened.day > asOf {
            diagnostics.append(c.openedLocation.error("the case is opened on \(c.opened), after the as-of date \(asOf)"))
        }
        var at: Step? = sop.steps.first
        var start = c.opened
        var previous = c.opened
        var agreed: [String: Day] = [:]
        // Each step's record by its place in the SOP: a dictionary by id hashed the id and
        // moved a record in and out for every event of 10,000 cases.
        var done = [StepRecord?](repeating: nil, count: sop.steps.count)
        var place = 0
        var ongoingEvents: [Int] = []
        var endedByNo = false
        var outcome: String?
        // The event that brought the case to the step it is at.
        var arrivedBy: Int?
        for (number, event) in c.events.enumerated() {
            checkDate(event, c, previous: previous, asOf: asOf, &diagnostics)
            previous = max(previous, event.date)
            guard var step = at else {
                let why = endedByNo ? "the case ended with the answer 'no'" : "the case has ended"
                diagnostics.append(event.stepLocation.error("no event can follow: \(why)"))
                break
            }
            if event.step != step.id {
                diagnostics.append(event.stepLocation.error(
                    "an event for step \(event.step) cannot come here: the case is at step \(step.id) (events follow the SOP's order)"))
                // Go on from the step the event names, so that the events after it are checked
                // too (every problem of a case at once) without each being reported as misplaced.
                guard let found = sop.steps.firstIndex(where: { $0.id == event.step }) else { break }
                (step, place) = (sop.steps[found], found)
            }
            for due in event.due { agreed[due.step] = due.day }
            if step.ongoing {
                ongoingEvents.append(number)
                continue
            }
            let timing = step.duration.map {
                calendar.timing($0.target, agreedDue: agreed[step.id], start: start, end: event.date)
            }
            let status: StepStatus = timing?.target == nil ? .done : timing!.isLate ? .doneLate : .doneOnTime
            if var record = done[place] {
                // A step done again (a loop back): its latest pass joins the earlier ones. Taken
                // out and put back, so the arrays grow in place and long loops stay linear.
                done[place] = nil
                record.earlier.append(record.pass)
                (record.status, record.start, record.end, record.timing) = (status, start, event.date, timing)
                record.events.append(number)
                record.sentBack = arrivedBy
                done[place] = record
            } else {
                done[place] = StepRecord(step: step, status: status, start: start, end: event.date, timing: timing,
                                         events: [number])
            }
            var next = step.next
            if let decision = step.decision, let answer = event.answer {
                next = answer ? decision.yes.target : decision.no.target
                endedByNo = !answer && next == .end
                if endedByNo { outcome = decision.no.outcome }
            }
            start = event.date
            arrivedBy = number
            if next == .end {
                at = nil
            } else if let found = sop.steps.firstIndex(where: { .step($0.id) == next }) {
                (at, place) = (sop.steps[found], found)
            } else {
                at = nil
            }
        }
        guard diagnostics.errors.count == before else { return nil }
        return CaseProgress(sop: sop, at: at, start: start, agreed: agreed, done: done, ongoingEvents: ongoingEvents,
                         arrivedBy: arrivedBy, endedByNo: endedByNo, outcome: outcome, lastActivity: previous, calendar: calendar, asOf: asOf)
    }

    /// Dates must be in order, not before the opening and not after the as-of date.
    static func checkDate(_ event: Event, _ c: Case, previous: Moment, asOf: Day, _ diagnostics: inout Diagnostics) {
        if event.date < c.opened {
            diagnostics.append(event.dateLocation.error("the event is dated \(event.date), before the case was opened (\(c.opened))"))
        } else if event.date < previous {
            diagnostics.append(event.dateLocation.error("events are out of order: \(event.date) comes before the previous event (\(previous))"))
        }
        if event.date.day > asOf {
            diagnostics.append(event.dateLocation.error("the event is dated \(event.date), after the as-of date \(asOf)"))
        }
    }
}
