import BusinessTime

/// Reads an SOP's `steps:` list and checks that they hang together: unique ids, known roles,
/// readable durations, branches that lead to steps that exist.
enum StepLoader {
    static let fields: [String] = [
        "id", "title", "role", "roles", "responsible", "procedure", "documents", "duration", "ongoing",
        "decision", "next",
    ]

    static func loadSteps(_ map: YAMLMap, roles: [Role], _ diagnostics: inout Diagnostics) -> [Step]? {
        guard let list = map.required("steps", &diagnostics)?.list("'steps'", &diagnostics) else { return nil }
        let roleIDs = roles.map(\.id)
        let before = diagnostics.errors.count
        // Steps with errors still take part in the checks below, so that one run reports
        // a bad duration and a branch to a missing step together.
        let drafts = list.enumerated().compactMap { index, value in
            loadStep(value, number: index + 1, roleIDs: roleIDs, &diagnostics)
        }
        if list.isEmpty { diagnostics.append(map["steps"]!.location.error("'steps' lists no step")) }
        let steps = link(drafts, &diagnostics)
        return diagnostics.errors.count == before ? steps : nil
    }

    /// Fills in default `next` targets and checks every id and target.
    static func link(_ drafts: [Draft], _ diagnostics: inout Diagnostics) -> [Step]? {
        let steps = drafts.map(\.step)
        var seen: [String: SourceLocation] = [:]
        var ok = true
        for step in steps where !step.id.isEmpty {
            if let first = seen[step.id] {
                diagnostics.append(step.location.error("two steps with id '\(step.id)'; the first is at line \(first.line)"))
                ok = false
            } else {
                seen[step.id] = step.location
            }
        }
        func check(_ target: StepTarget, at location: SourceLocation) {
            if case let .step(id) = target, seen[id] == nil {
                diagnostics.append(location.error("leads to step '\(id)', which does not exist"))
                ok = false
            }
        }
        for i in steps.indices {
            let following: StepTarget = i + 1 < steps.count ? .step(steps[i + 1].id) : .end
            steps[i].next = drafts[i].next ?? following
            if var decision = steps[i].decision {
                decision.yes.target = drafts[i].yes ?? following
                check(decision.yes.target, at: decision.yes.location)
                check(decision.no.target, at: decision.no.location)
                steps[i].decision = decision
            } else {
                check(steps[i].next, at: drafts[i].nextLocation ?? steps[i].location)
            }
        }
        return ok ? steps : nil
    }
}

/// A step as read, before `next` targets that were not written are filled in.
struct Draft {
    var step: Step
    /// The `next:` written on the step, if any.
    var next: StepTarget?
    var nextLocation: SourceLocation?
    /// The `next:` written on a decision's yes-branch, if any.
    var yes: StepTarget?
}
