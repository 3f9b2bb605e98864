import BusinessTime
import CYaml

/// One event of a case read straight from libyaml's events: nil for anything `EventLoader`
/// would say a word about (and for `documents`, which `EventLoader` reads).
extension CaseFrontMatter {
    /// An event's mapping, its start just read.
    static func readEvent(_ events: YAMLEvents, sop: SOP) -> Event? {
        let location = events.location
        var step: (text: String, location: SourceLocation)?, date: (moment: Moment, location: SourceLocation)?
        var by: String?, note: String?, answer: (text: String, location: SourceLocation)?
        var due: [(step: String, day: Day, location: SourceLocation)]?
        while events.next(), events.type != YAML_MAPPING_END_EVENT {
            if events.isScalar("step"), step == nil {
                guard events.next(), let text = events.text else { return nil }
                step = (text, events.location)
            } else if events.isScalar("date"), date == nil {
                guard let moment = nextMoment(events) else { return nil }
                date = (moment, events.location)
            } else if events.isScalar("by") {
                guard events.nextText(into: &by) else { return nil }
            } else if events.isScalar("note") {
                guard events.nextText(into: &note) else { return nil }
            } else if events.isScalar("answer"), answer == nil {
                guard events.next(), let text = events.text else { return nil }
                answer = (text, events.location)
            } else if events.isScalar("due"), due == nil {
                guard let read = readDue(events, sop: sop) else { return nil }
                due = read
            } else {
                return nil
            }
        }
        guard events.type == YAML_MAPPING_END_EVENT, let step, let date else { return nil }
        let id = step.text.thaiFolded  // step ids are folded too
        guard let sopStep = sop.steps.first(where: { $0.id == id }) else { return nil }
        var yes: Bool?
        switch (sopStep.decision, answer) {
        case let (decision?, answer?):
            guard let read = EventLoader.answer(answer.text, decision) else { return nil }
            yes = read
        case (nil, nil):
            break
        default:
            return nil  // a decision without its answer, or an answer where there is no decision
        }
        return Event(step: id, date: date.moment, by: by, note: note, documents: [], answer: yes, due: due ?? [],
                     location: location, stepLocation: step.location, dateLocation: date.location,
                     answerLocation: answer?.location)
    }

    /// `due:`: agreed due dates of per-scope steps, by step.
    private static func readDue(_ events: YAMLEvents, sop: SOP) -> [(step: String, day: Day, location: SourceLocation)]? {
        guard events.next(is: YAML_MAPPING_START_EVENT) else { return nil }
        var due: [(step: String, day: Day, location: SourceLocation)] = []
        var keys: [String] = []
        while events.next(), events.type != YAML_MAPPING_END_EVENT {
            guard events.type == YAML_SCALAR_EVENT, let key = events.text, !keys.contains(key) else { return nil }
            keys.append(key)
            let location = events.location
            guard let moment = nextMoment(events), moment.minute == nil,
                  let step = sop.steps.first(where: { $0.id == key.thaiFolded }),  // ids are folded
                  step.duration?.target == .perScope else { return nil }
            due.append((step.id, moment.day, location))  // the SOP's id: what the case walk looks up
        }
        return events.type == YAML_MAPPING_END_EVENT ? due : nil
    }
}
