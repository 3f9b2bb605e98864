import Foundation

/// The build: content/ and the theme in, the portal out.
public enum Build {
    /// `sopsite check` runs the steps up to validation; `sopsite build` runs them all.
    public static func steps(writing: Bool) -> [BuildStep] {
        let validate: [BuildStep] = [load, checkContent]
        return writing ? validate + [writePages, copyFiles, indexForSearch, printManuals, publish] : validate
    }

    /// Runs the steps in order, reporting `[i/n] name` through `log`. Throws `BuildFailed` with
    /// every diagnostic when any step found an error; warnings are returned otherwise. `exiting`:
    /// the process exits right after (`sopsite build`), so what was loaded is not freed.
    @discardableResult
    public static func run(_ options: BuildOptions, writing: Bool = true, exiting: Bool = false,
                           log: (String) -> Void = { _ in }) throws -> [Diagnostic] {
        var context = BuildContext(options: options)
        let steps = steps(writing: writing)
        do {
            for (i, step) in steps.enumerated() {
                log("[\(i + 1)/\(steps.count)] \(step.name)")
                try step.run(&context)
            }
        } catch {
            if let staging = context.staging { try? FileManager.default.removeItem(atPath: staging) }
            // I/O and tool failures are diagnostics too: reported the one way, with the rest.
            if let failure = error as? Diagnostic { throw BuildFailed(diagnostics: context.diagnostics.sorted + [failure]) }
            throw error
        }
        if exiting { LeftToExit.keep(context) }
        return context.diagnostics.sorted
    }

    /// The theme is read side by side with the content, and each case is followed at the as-of
    /// date as it is read (its state, its timeline): the theme was the only work at the start,
    /// with one core waiting.
    static let load = BuildStep("load theme and content, follow cases") { context in
        let options = context.options
        var contentDiagnostics = Diagnostics()
        let ((theme, themeDiagnostics), loaded) = sideBySide(
            { var found = Diagnostics(); return (Theme.load(path: options.themeFolder, &found), found) },
            { Content.load(from: options.contentFolder, following: options.asOf, &contentDiagnostics) })
        context.theme = theme
        context.diagnostics.append(contentsOf: themeDiagnostics.all + contentDiagnostics.all)
        guard let loaded else { return }
        var content = loaded.content
        options.override(&content, &context.diagnostics)
        (context.content, context.progress) = (content, loaded.progress)
    }

    static let checkContent = BuildStep("check content") { context in
        try context.stopOnErrors()
    }

    /// Renders every page into the staging folder. A case's pages are written as soon as they
    /// are rendered, on every core, so a big portal is never held in memory whole; the pages that
    /// list every case are made first, side by side with the first cases' pages.
    static let writePages = BuildStep("render and write pages") { context in
        guard let content = context.content, let theme = context.theme else { return }
        let staging = try Output.makeStaging(for: context.options.outputFolder)
        context.staging = staging
        let writer = try SiteWriter.fresh(staging)
        context.writer = writer
        let renderer = Renderer(content: content, theme: theme, followed: context.progress, asOf: context.options.asOf)
        context.renderer = renderer  // its 10,000 views are freed with the rest, or left to the exit
        _ = try writer.writePages(of: renderer)
    }

    static let copyFiles = BuildStep("copy theme files and attachments") { context in
        guard let writer = context.writer else { return }
        _ = try writer.copy(CopyFiles.staticFiles(of: context.options.themeFolder) + (context.content?.attachments ?? []))
    }

    static let indexForSearch = BuildStep("index for search") { context in
        guard context.options.search, let staging = context.staging else { return }
        guard let pagefind = Search.findPagefind() else {
            context.diagnostics.append(Diagnostic(.warning, "sopsite", line: 0, column: 0, Search.missing))
            return
        }
        guard let renderer = context.renderer else { return }
        let shards = SearchShard.shards(renderer)
        // Parts made from the same pages as the last build's are kept from the output it replaces.
        try Search.index(site: staging, all: shards, changed: shards, pagefind: pagefind,
                         reusingFrom: context.options.outputFolder)
    }

    static let printManuals = BuildStep("print manuals to PDF") { context in
        guard context.options.pdf, let staging = context.staging else { return }
        guard let browser = ManualPDF.findBrowser() else {
            throw BuildFailed(diagnostics: [Diagnostic(.error, "sopsite", line: 0, column: 0, ManualPDF.missingBrowser)])
        }
        let ids = context.content?.cases.filter { $0.manual != nil }.map(\.id) ?? []
        try ManualPDF.print(ids: ids, staging: staging, browser: browser)
    }

    static let publish = BuildStep("publish") { context in
        guard let staging = context.staging else { return }
        if context.options.buildInfo {
            let info = BuildInfo(context.content, options: context.options, errors: [], clock: .current)
            _ = try context.writer?.write([Page(path: BuildInfo.path, text: info.json)])
        }
        context.writer = nil
        context.diagnostics.append(contentsOf: try Output.swap(staging, into: context.options.outputFolder))
        context.staging = nil
    }
}

/// What a build loaded, left for the process's exit to free. Freeing 10,000 cases object by
/// object took longer than the kernel takes to drop their pages, on one core, after the portal
/// was already published.
private final class LeftToExit {
    let context: BuildContext

    private init(_ context: BuildContext) { self.context = context }

    static func keep(_ context: BuildContext) {
        _ = Unmanaged.passRetained(LeftToExit(context))
    }
}
