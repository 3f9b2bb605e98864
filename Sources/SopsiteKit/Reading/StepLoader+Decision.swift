extension StepLoader {
    static let decisionFields: [String] = ["question", "yes", "no"]
    static let branchFields: [String] = ["label", "action", "role", "next"]
    static let noBranchFields: [String] = branchFields + ["outcome"]

    /// Reads `decision: {question, yes: {label, next}, no: {label, action, role, next}}`.
    /// Returns the decision and the yes-branch's written target (nil: the following step).
    static func loadDecision(_ value: YAMLValue, _ name: String, _ roleIDs: Set<String>,
                             _ diagnostics: inout Diagnostics) -> (Decision, StepTarget?)? {
        guard let map = value.map("the decision of \(name)", &diagnostics) else { return nil }
        map.reportUnknownKeys(known: decisionFields, &diagnostics)
        let question = map.text("question", &diagnostics)
        let yes = map.required("yes", &diagnostics).flatMap {
            loadBranch($0, "the yes-branch of \(name)", roleIDs, &diagnostics)
        }
        let no = map.required("no", &diagnostics).flatMap {
            loadBranch($0, "the no-branch of \(name)", roleIDs, known: noBranchFields, &diagnostics)
        }
        guard let question, let yes, let no else { return nil }
        // A "no" must say where it goes: silently continuing with the next step would read as "yes".
        guard let noTarget = no.target else {
            diagnostics.append(no.branch.location.error("missing required field 'next' in the no-branch of \(name)"))
            return nil
        }
        var noBranch = no.branch
        noBranch.target = noTarget
        return (Decision(question: question, yes: yes.branch, no: noBranch), yes.target)
    }

    static func loadBranch(_ value: YAMLValue, _ what: String, _ roleIDs: Set<String>, known: [String] = branchFields,
                           _ diagnostics: inout Diagnostics) -> (branch: Branch, target: StepTarget?)? {
        guard let map = value.map(what, &diagnostics) else { return nil }
        map.reportUnknownKeys(known: known, &diagnostics)
        let label = map.text("label", &diagnostics)
        let action = map.optionalText("action", &diagnostics)
        let role = map.optionalText("role", &diagnostics)
        let outcome = known.contains("outcome") ? map.optionalText("outcome", &diagnostics) : nil
        if let role, let v = map["role"], !roleIDs.contains(role) {
            let list = roleIDs.sorted().joined(separator: ", ")
            diagnostics.append(v.location.error("unknown role '\(role)' in \(what) (the SOP's roles: \(list))"))
            return nil
        }
        if action != nil, role == nil {
            diagnostics.append(map.location.error("missing required field 'role' in \(what): who takes the action"))
            return nil
        }
        var target: StepTarget?
        if let next = map["next"] { target = StepLoader.target(next, &diagnostics) }
        guard let label else { return nil }
        // An outcome names how a case ends; on a branch that leads on, no case would ever show it.
        if outcome != nil, let value = map["outcome"], let target, target != .end {
            diagnostics.append(value.location.error(
                "an outcome names how a case ends, but \(what) leads on to a step; write 'next: end' or remove 'outcome'"))
            return nil
        }
        let branch = Branch(label: label, action: action, actionRole: role, target: target ?? .end,
                            outcome: outcome, location: map["next"]?.location ?? map.location)
        return (branch, target)
    }
}
