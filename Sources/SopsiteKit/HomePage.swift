/// The portal's home page: the organisation and its SOPs.
struct HomePage {
    let context: PageContext

    func render(_ sops: [SOP], theme: Theme) -> Page {
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
        return Page(path: "index.html", html: theme.render("home", values))
    }
}

/// One file of the built site, by its path inside the output folder.
struct Page {
    var path: String
    var html: String
}
