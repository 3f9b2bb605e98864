import BusinessTime
import Foundation

/// The portal as `sopsite serve` keeps it: everything loaded stays in memory, and a change
/// is turned into the smallest set of files that must be written again. Only files whose bytes
/// changed are written (each atomically), so a browser never reads half a page and the
/// output shows exactly what the change touched.
public actor LiveSite {
    /// What a build or a change did.
    public enum Outcome: Sendable, Equatable {
        /// Files written or removed (paths inside the output folder), and whether every one of
        /// them is a stylesheet, which a browser can swap without reloading the page.
        case rebuilt(changed: [String], stylesOnly: Bool)
        /// The change broke the content: the last good portal stays, and these are why.
        case failed([Diagnostic])
    }

    /// The as-of date moves on at midnight (`rollOver`); the rest stays.
    var options: BuildOptions
    /// What was loaded, with the cases as the pages show them, kept between edits: an edit
    /// makes only its own case's view again.
    var renderer: Renderer?
    /// For `newestFrom`: the date of the n-th newest event, by n.
    var newestEvents: [Int: Moment?] = [:]
    /// Hashes of the files this site wrote, by path in the output folder.
    var written: [String: Int] = [:]
    /// Problems still standing: of the whole content (a full build failed), or of one case.
    var siteErrors: [Diagnostic] = []
    var caseErrors: [String: [Diagnostic]] = [:]

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Every problem still standing; empty when the portal is up to date.
    public var errors: [Diagnostic] {
        (siteErrors + caseErrors.keys.sorted().flatMap { caseErrors[$0]! })
    }

    /// Loads everything and writes every file that differs from what the output holds;
    /// files the portal no longer has are removed.
    public func buildAll() -> Outcome {
        // The same steps as `sopsite check`: load the theme and the content, follow the cases.
        var context = BuildContext(options: options)
        do {
            for step in Build.steps(writing: false) { try step.run(&context) }
        } catch {
            siteErrors = ((error as? BuildFailed)?.diagnostics ?? []).filter { $0.severity == .error }
            return .failed(errors)
        }
        guard let theme = context.theme, let content = context.content else { return .failed(errors) }
        siteErrors = []
        caseErrors = [:]
        let renderer = Renderer(content: content, theme: theme, followed: context.progress, asOf: options.asOf, keepsEntries: true)
        self.renderer = renderer
        newestEvents = [:]
        do {
            // The same writing as a build's, into the folder being served: files made and
            // written on every core, a case at a time, only those whose bytes changed.
            let writer = self.writer
            let outcomes = try writer.writePages(of: renderer) + writer.copy(content.attachments + staticFiles())
            let changed = record(outcomes) + removeAll(but: Set(outcomes.map(\.path)))
            return .rebuilt(changed: changed.sorted(), stylesOnly: false)
        } catch {
            siteErrors = [error as? Diagnostic ?? Diagnostic.failure(options.outputFolder, "\(error)")]
            return .failed(errors)
        }
    }

    /// The theme's static files (CSS, fonts, scripts): source → path in the site.
    func staticFiles() -> [(source: String, path: String)] {
        CopyFiles.staticFiles(of: options.themeFolder)
    }
}
