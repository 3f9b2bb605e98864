import BusinessTime

/// Reads one item of a case's `events:` and checks it against the SOP: the step exists, an
/// answer only on a decision, agreed due dates only for per-scope steps, documents that exist.
enum EventLoader {
    static let fields: [String] = ["step", "date", "by", "note", "documents", "answer", "due"]

    static func load(_ value: YAMLValue, number: Int, sop: SOP?, attachments: [String],
                     _ diagnostics: inout Diagnostics) -> Event? {
        guard let map = value.map("event \(number)", &diagnostics) else { return nil }
        map.reportUnknownKeys(known: fields, &diagnostics)
        let stepValue = map.required("step", &diagnostics)
        let step = stepValue?.text("'step'", &diagnostics)?.thaiFolded  // step ids are folded too
        let dateValue = map.required("date", &diagnostics)
        let date = dateValue?.moment("'date'", &diagnostics)
        let sopStep = step.flatMap { id in sop?.steps.first { $0.id == id } }
        if let step, let sop, let stepValue, sopStep == nil {
            let known = sop.steps.map(\.id).joined(separator: ", ")
            diagnostics.append(stepValue.location.error("unknown step '\(step)' in SOP \(sop.code) (its steps: \(known))"))
        }
        var answer: Bool?
        if let value = map["answer"] {
            if let sopStep, let decision = sopStep.decision {
                answer = readAnswer(value, decision, &diagnostics)
            } else if let sopStep {
                diagnostics.append(value.location.error("step \(sopStep.id) is not a decision; only a decision's event has an 'answer'"))
            }
        } else if let sopStep, sopStep.decision != nil {
            diagnostics.append(map.location.error("missing required field 'answer' in event \(number): step \(sopStep.id) is a decision (yes or no)"))
        }
        let due = readDue(map, sop, &diagnostics)
        let documents = readDocuments(map, attachments, &diagnostics)
        guard let step, let date, let stepValue, let dateValue else { return nil }
        return Event(step: step, date: date, by: map.optionalText("by", &diagnostics),
                     note: map.optionalText("note", &diagnostics), documents: documents, answer: answer, due: due,
                     location: map.location, stepLocation: stepValue.location, dateLocation: dateValue.location,
                     answerLocation: map["answer"]?.location)
    }

    /// `yes`/`no`, or the branch's own label as the SOP writes it (เห็นควร / ไม่เห็นควร).
    static func readAnswer(_ value: YAMLValue, _ decision: Decision, _ diagnostics: inout Diagnostics) -> Bool? {
        guard let text = value.text("'answer'", &diagnostics) else { return nil }
        guard let yes = answer(text, decision) else {
            diagnostics.append(value.location.error(
                "'answer' must be yes or no (or \(decision.yes.label) / \(decision.no.label)), not \"\(text)\""))
            return nil
        }
        return yes
    }

    /// True for yes, false for no, nil for neither.
    static func answer(_ text: String, _ decision: Decision) -> Bool? {
        // Folded: an answer typed with nikhahit + sara aa for sara am still matches its label.
        switch text.lowercased().thaiFolded {
        case "yes", "true", decision.yes.label.lowercased().thaiFolded: return true
        case "no", "false", decision.no.label.lowercased().thaiFolded: return false
        default: return nil
        }
    }

    static func readDue(_ map: YAMLMap, _ sop: SOP?, _ diagnostics: inout Diagnostics) -> [(step: String, day: Day, location: SourceLocation)] {
        guard let dueMap = map["due"]?.map("'due'", &diagnostics) else { return [] }
        return dueMap.entries.compactMap { entry in
            guard let day = entry.value.day("the due date of step \(entry.key)", &diagnostics) else { return nil }
            guard let sop else { return nil }
            guard let step = sop.steps.first(where: { $0.id == entry.key.thaiFolded }) else {  // ids are folded
                diagnostics.append(entry.keyLocation.error("unknown step '\(entry.key)' in 'due'"))
                return nil
            }
            guard step.duration?.target == .perScope else {
                let fixed = step.duration?.text ?? "ongoing"
                diagnostics.append(entry.keyLocation.error(
                    "step \(step.id) has a fixed duration (\(fixed)); only a per-scope step takes an agreed due date"))
                return nil
            }
            return (step.id, day, entry.keyLocation)  // the SOP's id: what the case walk looks up
        }
    }
}
