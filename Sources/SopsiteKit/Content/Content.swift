import BusinessTime
import Foundation
import MarkdownBridge

/// Everything read from `content/`: the site settings, the holidays, the SOPs and the cases.
public struct Content: Sendable {
    public var site: Site
    public var holidays: Holidays
    public var sops: [SOP]
    public var cases: [Case]

    public func sop(_ code: String) -> SOP? { sops.first { $0.code == code } }

    /// The SOPs by code (codes are unique: each is its file's name).
    static func byCode(_ sops: [SOP]) -> [String: SOP] {
        Dictionary(sops.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Files published as they are: each case's attachments (source → path in the site).
    var attachments: [(source: String, path: String)] {
        cases.flatMap { c in c.attachments.map { (c.folder + "/" + $0, "cases/\(c.id)/" + $0) } }
    }

    /// The business-day calendar: the holidays and the site's office hours.
    var calendar: WorkCalendar { WorkCalendar(holidays: holidays.days, officeHours: site.officeHours) }
}

extension Content {
    /// Reads site.yaml and every SOP, collecting every problem rather than stopping at the first.
    static func load(from folder: String, _ diagnostics: inout Diagnostics) -> Content? {
        load(from: folder, following: nil, &diagnostics)?.content
    }

    /// With `following` an as-of day, each case is also followed as soon as it is read, on the
    /// core that read it (`Following.follow`): a pass of its own over 10,000 cases waited for
    /// the slowest case of each pass, and copied every case to hand it over.
    static func load(from folder: String, following asOf: Day?,
                     _ diagnostics: inout Diagnostics) -> (content: Content, progress: [CaseProgress?])? {
        guard FileManager.default.fileExists(atPath: folder) else {
            diagnostics.append(Diagnostic(.error, folder, line: 1, column: 1, "content folder not found"))
            return nil
        }
        let (site, holidays, markdown, sops) = loadSettings(folder, &diagnostics)
        let follow = site.flatMap { site in asOf.map { Following(site: site, holidays: holidays, asOf: $0) } }
        let (cases, progress) = loadCases(folder + "/cases", sops: sops, markdown: markdown, following: follow, &diagnostics)
        guard let site else { return nil }
        let content = Content(site: site, holidays: holidays, sops: sops, cases: cases)
        follow?.warnNoHolidays(content, &diagnostics)
        return (content, progress)
    }

    /// What every case is read with: site.yaml, holidays.yaml, the Markdown rules and the SOPs.
    static func loadSettings(_ folder: String, _ diagnostics: inout Diagnostics)
        -> (site: Site?, holidays: Holidays, markdown: Markdown, sops: [SOP]) {
        let site = loadSite(folder + "/site.yaml", &diagnostics)
        let holidays = Holidays.load(folder + "/holidays.yaml", &diagnostics)
        let markdown = Markdown(allowRawHTML: site?.allowRawHTML ?? false, limits: site?.markdownLimits ?? .standard)
        return (site, holidays, markdown, loadSOPs(folder + "/sops", limits: markdown.limits, &diagnostics))
    }

    static func loadSite(_ path: String, _ diagnostics: inout Diagnostics) -> Site? {
        guard let text = ContentFiles.read(path, &diagnostics) else { return nil }
        do throws(Diagnostic) {
            guard let root = try YAMLValue.parse(text, path: path, firstLine: 1) else {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, "site.yaml is empty"))
                return nil
            }
            guard let map = root.map("site.yaml", &diagnostics) else { return nil }
            return Site.load(map, &diagnostics)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// Every `sops/*.md`, in file-name order. The file's name is the SOP's code.
    static func loadSOPs(_ folder: String, limits: MarkdownLimits, _ diagnostics: inout Diagnostics) -> [SOP] {
        var sops: [SOP] = []
        guard ContentFiles.staysInside(folder, "content folder", &diagnostics) else { return [] }
        for file in ContentFiles.list(folder, extension: "md") {
            let path = folder + "/" + file
            guard let text = ContentFiles.read(path, &diagnostics),
                  let sop = SOPLoader.load(text, path: path, &diagnostics) else { continue }
            let stem = String(file.dropLast(3))
            guard sop.code == stem else {
                diagnostics.append(Diagnostic(.error, path, line: 2, column: 1,
                    "the SOP's code is '\(sop.code)' but its file is \(file); name the file \(sop.code).md"))
                continue
            }
            // Its Markdown is parsed as its page is made: checked now, where errors can be said.
            let before = diagnostics.errors.count
            SOPLoader.checkMarkdown(sop, limits: limits, &diagnostics)
            if diagnostics.errors.count == before { sops.append(sop) }
        }
        if sops.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.warning, folder, line: 1, column: 1, "no SOP found (sops/*.md)"))
        }
        return sops
    }

    /// Every `cases/<id>/index.md` (and its `manual.md`), in id order, read on every core, and
    /// with `following`, each case's progress in the same order.
    static func loadCases(_ folder: String, sops: [SOP], markdown: Markdown, following: Following?,
                          _ diagnostics: inout Diagnostics) -> (cases: [Case], progress: [CaseProgress?]) {
        let byCode = Content.byCode(sops)
        var loaded = CaseFolders.list(folder, &diagnostics).parallelMap { f in
            var found = Diagnostics()
            let (c, progress) = readCase(f, sops: byCode, markdown: markdown, following: following, &found)
            return (c, progress, found.all)
        }
        // Each case moved out, not copied: this runs on one core, between two that use both.
        // Progress in the cases' order, not by id: hashing 10,000 ids here, on one core, and
        // again to find each case's, cost more than following them.
        var cases: [Case] = []
        var progress: [CaseProgress?] = []
        cases.reserveCapacity(loaded.count)
        progress.reserveCapacity(following == nil ? 0 : loaded.count)
        for i in loaded.indices {
            diagnostics.append(contentsOf: loaded[i].2)
            guard let c = loaded[i].0.take() else { continue }
            if following != nil { progress.append(loaded[i].1.take()) }
            cases.append(c)
        }
        return (cases, progress)
    }

    /// The one door a case comes in by, in a build and in `serve`: its folder read (`index.md`,
    /// `manual.md`), and with `following`, the case followed at the as-of date.
    static func readCase(_ f: CaseFolders.Folder, sops: [String: SOP], markdown: Markdown, following: Following?,
                         _ diagnostics: inout Diagnostics) -> (Case?, CaseProgress?) {
        let c = loadCase(f, sops: sops, markdown: markdown, &diagnostics)
        return (c, c.flatMap { c in following?.follow(c, sops: sops, &diagnostics) })
    }

    private static func loadCase(_ f: CaseFolders.Folder, sops: [String: SOP], markdown: Markdown,
                                 _ diagnostics: inout Diagnostics) -> Case? {
        let path = f.path + "/index.md"
        guard let text = ContentFiles.read(path, isPlainFile: f.indexIsPlainFile, &diagnostics) else { return nil }
        var c = CaseLoader.load(text, id: f.id, folder: f.path, path: path, attachments: f.attachments,
                                sops: sops, markdown: markdown, &diagnostics)
        let manualPath = f.path + "/manual.md"
        if f.hasManual, let manualText = ContentFiles.read(manualPath, &diagnostics) {
            c?.manual = ManualLoader.load(manualText, path: manualPath, attachments: f.attachments,
                                          markdown: markdown, &diagnostics)
        }
        return c
    }
}
