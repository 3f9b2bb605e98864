import BusinessTime

extension StepLoader {
    /// Reads one item of `steps:`; `number` is its place in the list, for messages. Nil only when
    /// the item is not a mapping; a step with errors is returned as far as it could be read.
    /// `roleIDs` in the order of the SOP's `roles:`, the flowchart's lanes.
    static func loadStep(_ value: YAMLValue, number: Int, roleIDs: [String],
                         _ diagnostics: inout Diagnostics) -> Draft? {
        guard var map = value.map("step \(number)", &diagnostics) else { return nil }
        // Folded, so that events and targets typed with a decomposed sara am still find the step.
        let id = map.text("id", &diagnostics)?.thaiFolded
        if let id, let v = map["id"], id.contains(where: { $0.isWhitespace }) || id.isEmpty {
            diagnostics.append(v.location.error("step id \"\(id)\" must not contain spaces"))
        } else if let id, let v = map["id"],
                  let bad = id.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
            // A zero-width space from a copy-paste makes two ids that look the same but differ.
            diagnostics.append(v.location.error("step id \"\(id)\" contains the invisible character \(bad.codePoint); remove it"))
        }
        // Messages name the step by its id, as the SOP numbers it, once the id is known.
        let name = "step \(id ?? String(number))"
        map = map.named(name)
        map.reportUnknownKeys(known: fields, &diagnostics)
        let title = map.text("title", &diagnostics)
        let roles = loadRoleIDs(map, name, roleIDs, &diagnostics)
        let procedure = map.text("procedure", &diagnostics)
        let ongoing = map["ongoing"]?.bool("'ongoing'", &diagnostics) ?? false
        var duration: StepDuration?
        if ongoing, let v = map["duration"] {
            diagnostics.append(v.location.error("\(name) is ongoing and so has no duration; remove 'duration'"))
        } else if !ongoing, let v = map.required("duration", &diagnostics), let text = v.text("'duration'", &diagnostics) {
            do throws(DurationError) { duration = try StepDuration.parse(text) } catch {
                diagnostics.append(v.location.error(error.message))
            }
        }
        var draft = Draft(step: Step(
            id: id ?? "", title: title ?? "", roles: roles, responsible: map.optionalText("responsible", &diagnostics),
            procedure: procedure ?? "", documents: map.texts("documents", &diagnostics), duration: duration,
            ongoing: ongoing, decision: nil, next: .end, location: map.location))
        if let v = map["next"] {
            draft.next = target(v, &diagnostics)
            draft.nextLocation = v.location
        }
        if let v = map["decision"] {
            if map["next"] != nil {
                diagnostics.append(v.location.error("\(name) is a decision: its branches say where it leads, not 'next'"))
            }
            if let (decision, yes) = loadDecision(v, name, Set(roleIDs), &diagnostics) {
                draft.step.decision = decision
                draft.yes = yes
            }
        }
        return draft
    }

    /// `role: isd` or `roles: [isd, requester]`; every id must be one of the SOP's roles.
    /// A step shared by roles whose lanes are not side by side is a warning: the flowchart can
    /// only draw it as a box in each run of lanes, joined by a dashed line.
    static func loadRoleIDs(_ map: YAMLMap, _ name: String, _ known: [String],
                            _ diagnostics: inout Diagnostics) -> [String] {
        let key = map["roles"] != nil ? "roles" : "role"
        guard let value = map[key] else {
            diagnostics.append(map.location.error("missing required field 'role' in \(name)"))
            return []
        }
        let ids = map.texts(key, &diagnostics)
        for id in ids where !known.contains(id) {
            let list = known.sorted().joined(separator: ", ")
            diagnostics.append(value.location.error("unknown role '\(id)' in \(name) (the SOP's roles: \(list))"))
        }
        let lanes = Set(ids.compactMap { known.firstIndex(of: $0) }).sorted()
        if let first = lanes.first, let last = lanes.last, last - first + 1 > lanes.count {
            let shared = lanes.map { known[$0] }
            let between = (first...last).filter { !lanes.contains($0) }.map { known[$0] }
            diagnostics.append(value.location.warning(
                "\(name) is shared by \(shared.joined(separator: ", ")), whose lanes are not side by side (\(between.joined(separator: ", ")) between): "
                + "the flowchart draws a box in each lane, joined by a dashed line; to draw one box across them, put \(shared.joined(separator: " and ")) side by side in roles:"))
        }
        return ids
    }

    /// `next: 4` or `next: end`.
    static func target(_ value: YAMLValue, _ diagnostics: inout Diagnostics) -> StepTarget? {
        guard let text = value.text("'next'", &diagnostics) else { return nil }
        return text == "end" ? .end : .step(text.thaiFolded)  // compared with ids, which are folded
    }
}
