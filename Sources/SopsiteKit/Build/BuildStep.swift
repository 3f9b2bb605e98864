/// One named step of a build. Reading the list in `Build.steps` tells the whole build.
public struct BuildStep: Sendable {
    public let name: String
    let run: @Sendable (inout BuildContext) throws -> Void

    init(_ name: String, _ run: @escaping @Sendable (inout BuildContext) throws -> Void) {
        self.name = name
        self.run = run
    }
}

/// What the steps share: the options, what was loaded, and every diagnostic.
public struct BuildContext: Sendable {
    public let options: BuildOptions
    public internal(set) var diagnostics = Diagnostics()
    var theme: Theme?
    var content: Content?
    /// Every case's state and timeline at the as-of date, in the order of `content.cases` (nil
    /// for a case that could not be followed).
    var progress: [CaseProgress?] = []
    /// What rendered the pages.
    var renderer: Renderer?
    /// The folder the site is written to before it replaces the output folder, and the writer
    /// into it.
    var staging: String?
    var writer: SiteWriter?

    init(options: BuildOptions) {
        self.options = options
    }

    /// Stops the build when a step found errors: nothing is written after a failed load.
    func stopOnErrors() throws {
        if diagnostics.hasErrors { throw BuildFailed(diagnostics: diagnostics.sorted) }
    }
}
