import BusinessTime

/// What a build reads and where it writes; the command line fills it in.
public struct BuildOptions: Sendable {
    public var contentFolder: String
    public var outputFolder: String
    /// The theme's folder (`themes/<name>`).
    public var themeFolder: String
    /// Overrides site.yaml's `language`.
    public var language: Language?
    /// Overrides site.yaml's `base_url`.
    public var baseURL: String?
    /// The day the cases' states are computed for, printed on every page.
    public var asOf: Day
    /// Also print every handover manual to PDF with headless Chromium.
    public var pdf = false
    /// Index the site for search with Pagefind when it is installed.
    public var search = true

    public init(contentFolder: String = "content", outputFolder: String = "public",
                themeFolder: String = "themes/default", language: Language? = nil, baseURL: String? = nil,
                asOf: Day) {
        self.contentFolder = contentFolder
        self.outputFolder = outputFolder
        self.themeFolder = themeFolder
        self.language = language
        self.baseURL = baseURL
        self.asOf = asOf
    }
}
