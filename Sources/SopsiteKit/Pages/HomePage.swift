/// The portal's home page: the organisation and its SOPs.
struct HomePage {
    let context: PageContext

    func render(_ sops: [SOP], cases views: [CaseView], glances: CaseGlances? = nil, theme: Theme) -> Page {
        var values = context.common(url: "", title: context.site.title)
        values["sops"] = sops.map { sop in
            [
                "code": sop.code,
                "title": sop.title,
                "url": "sops/\(sop.code)/",
                "issued": context.format(sop.issued),
                "steps": String(sop.steps.count),
            ] as [String: Any]
        }
        values["has_sops"] = !sops.isEmpty
        if !views.isEmpty {
            values["dashboard"] = dashboard(Dashboard(views: views, glances: glances), byShape: theme.shapes.isEnabled)
        }
        return theme.page("index.html", "home", values)
    }
}

extension HomePage {
    /// `byShape`: the theme renders by shape, so the overdue cases' rows can go
    /// as one list, whose skeleton is made from a few rows: a new shape of the dashboard (one
    /// more overdue case) rendered 2,000 rows through swift-mustache, 50 ms.
    func dashboard(_ d: Dashboard, byShape: Bool) -> [String: Any] {
        let words = context.words
        let latest = d.latest(10).map { item -> [String: Any] in
            let step = item.view.sop.steps.first { $0.id == item.event.step }
            var row: [String: Any] = item.view.summary
            row["date"] = words.moment(item.event.date)
            row["date_iso"] = item.event.date.day.description
            row["step"] = "\(item.event.step) \(step?.title ?? "")"
            if let answer = item.event.answer, let decision = step?.decision {
                row["answer"] = decision.said(answer)
            }
            return row
        }
        let overdue = d.overdue, waiting = d.waiting
        return [
            "count": String(d.views.count),
            "by_state": d.byState.map { ["key": $0.state.rawValue, "label": words["state_" + $0.state.rawValue], "count": String($0.count)] },
            "by_step": d.byStep.map { ["sop": $0.sop.code, "id": $0.step.id, "title": $0.step.title, "count": String($0.count)] },
            // Rows as the case list has them (in `serve`, already walked for the templates; in a
            // build, written straight into their shapes: 2,000 overdue cases at 10,000).
            "overdue": byShape ? TemplateList(overdue.map { $0.templateRow ?? TemplateRow(CaseView.Summary(view: $0)) })
                : overdue.map(\.row),
            "has_overdue": !overdue.isEmpty,
            "waiting": waiting.map(\.row),
            "has_waiting": !waiting.isEmpty,
            "latest": latest,
            "has_latest": !latest.isEmpty,
        ]
    }
}
