import BusinessTime

extension CaseProgress {
    /// The case's state and the record of every SOP step, once its events have been followed.
    init(sop: SOP, at: Step?, start: Moment, agreed: [String: Day], done: [StepRecord?],
         ongoingEvents: [Int], arrivedBy: Int?, endedByNo: Bool, outcome: String?, lastActivity: Moment,
         calendar: WorkCalendar, asOf: Day) {
        var state: CaseState
        var currentTiming: Timing?
        var currentStatus = StepStatus.ongoing
        if let at, !at.ongoing {
            // The step the case is at runs until the end of the as-of day.
            currentTiming = at.duration.map {
                calendar.timing($0.target, agreedDue: agreed[at.id], start: start, end: calendar.endOfDay(asOf))
            }
            let late = currentTiming?.isLate ?? false
            state = late ? .overdue : .inProgress
            currentStatus = late ? .overdue : .inProgress
        } else if at != nil {
            state = ongoingEvents.isEmpty ? .handedOver : .maintenance
        } else {
            state = endedByNo ? .rejected : .handedOver
        }
        let records = sop.steps.indices.map { place -> StepRecord in
            let step = sop.steps[place]
            if step === at {
                guard !step.ongoing else {
                    return StepRecord(step: step, status: currentStatus, start: start, end: nil, timing: nil,
                                      events: ongoingEvents)
                }
                // The current pass, after any the case made before it was sent back here.
                var record = StepRecord(step: step, status: currentStatus, start: start, end: nil,
                                        timing: currentTiming, events: [])
                if let before = done[place] {
                    record.earlier = before.earlier + [before.pass]
                    record.events = before.events
                    record.sentBack = arrivedBy
                }
                return record
            }
            if let record = done[place] { return record }
            // A step the case will not reach any more was skipped: the answer led elsewhere.
            let status: StepStatus = at == nil ? .skipped : .notReached
            return StepRecord(step: step, status: status, start: nil, end: nil, timing: nil, events: [])
        }
        self.init(state: state, current: at, currentTiming: currentTiming, records: records,
                  lastActivity: lastActivity, outcome: outcome)
    }
}
