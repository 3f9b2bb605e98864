import BusinessTime
import MarkdownBridge

/// What reading one case needs without reading the others: the settings, the holidays and the
/// SOPs, read as a build reads them (`Content.loadSettings`). `sopsite record` and
/// `sopsite import` check a case's new text through it before writing a byte, with the build's
/// own reading and following, so that what they accept a build accepts.
struct OneCase {
    let contentFolder: String
    let site: Site
    let holidays: Holidays
    let sops: [String: SOP]
    let markdown: Markdown

    /// Nil when the settings or an SOP have errors (said in `diagnostics`): no case can be
    /// checked against them.
    static func load(_ contentFolder: String, _ diagnostics: inout Diagnostics) -> OneCase? {
        let before = diagnostics.errors.count
        let (site, holidays, markdown, sops) = Content.loadSettings(contentFolder, &diagnostics)
        guard let site, diagnostics.errors.count == before else { return nil }
        return OneCase(contentFolder: contentFolder, site: site, holidays: holidays, sops: Content.byCode(sops),
                       markdown: markdown)
    }

    var casesFolder: String { contentFolder + "/cases" }

    /// The SOPs' codes, sorted.
    var sopCodes: [String] { sops.keys.sorted() }


    /// The case folder `id` as a build accepts it (safe name, an index.md), or nil with why.
    func folder(_ id: String, _ diagnostics: inout Diagnostics) -> CaseFolders.Folder? {
        guard SOPLoader.isSafeName(id), ContentFiles.isFolder(casesFolder + "/" + id) else {
            diagnostics.append(Diagnostic(.error, casesFolder, line: 0, column: 0, "no case '\(id)' (no folder \(casesFolder)/\(id))"))
            return nil
        }
        var seen: [String: String] = [:]
        return CaseFolders.folder(id, in: casesFolder, seen: &seen, &diagnostics)
    }

    /// The case `id`'s folder, the path of its index.md and its text.
    func caseFile(_ id: String, _ diagnostics: inout Diagnostics) -> (folder: CaseFolders.Folder, path: String, text: String)? {
        guard let folder = folder(id, &diagnostics) else { return nil }
        let path = folder.path + "/index.md"
        return ContentFiles.read(path, &diagnostics).map { (folder, path, $0) }
    }

    /// Every case the portal has now, read without following (those with errors left out).
    func existingCases() -> [Case] {
        var ignored = Diagnostics()  // the existing cases' problems are not the caller's to say
        return Content.loadCases(casesFolder, sops: Array(sops.values), markdown: markdown, following: nil, &ignored).cases
    }

    /// `text` read as the case `id`'s index.md and followed at `asOf`, as a build does; nil when
    /// the build would refuse it (every reason in `diagnostics`).
    func read(_ text: String, id: String, folder: String, attachments: [String], asOf: Day,
              _ diagnostics: inout Diagnostics) -> (Case, CaseProgress)? {
        let before = diagnostics.errors.count
        let path = folder + "/index.md"
        guard let c = CaseLoader.load(text, id: id, folder: folder, path: path, attachments: attachments, sops: sops,
                                      markdown: markdown, &diagnostics),
              let progress = Following(site: site, holidays: holidays, asOf: asOf).follow(c, sops: sops, &diagnostics),
              diagnostics.errors.count == before else { return nil }
        return (c, progress)
    }
}
