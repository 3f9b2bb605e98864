import BusinessTime

/// `sopsite status`: where cases stand at the as-of date, read and followed as a build does.
public enum Status {
    /// Every case of the portal (those with errors left out, the errors in `diagnostics`), and
    /// the site's language.
    public static func all(contentFolder: String, asOf: Day,
                           _ diagnostics: inout Diagnostics) -> (cases: [CaseStatus], language: Language)? {
        guard let (content, progress) = Content.load(from: contentFolder, following: asOf, &diagnostics) else { return nil }
        let sops = Content.byCode(content.sops)
        let cases = zip(content.cases, progress).compactMap { c, progress in
            progress.flatMap { p in sops[c.sop].map { CaseStatus(c, p, sop: $0) } }
        }
        return (cases, content.site.language)
    }

    /// The case `id` alone (the others are not read), and the site's language.
    public static func one(_ id: String, contentFolder: String, asOf: Day,
                           _ diagnostics: inout Diagnostics) -> (status: CaseStatus, language: Language)? {
        guard let one = OneCase.load(contentFolder, &diagnostics), let (folder, _, text) = one.caseFile(id, &diagnostics),
              let (c, progress) = one.read(text, id: id, folder: folder.path, attachments: folder.attachments,
                                           asOf: asOf, &diagnostics),
              let sop = one.sops[c.sop] else { return nil }
        return (CaseStatus(c, progress, sop: sop), one.site.language)
    }
}
