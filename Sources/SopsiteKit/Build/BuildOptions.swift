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
    /// Also write `/build.json` (when and from what it was built): not by default, so that the
    /// same content and as-of date give the same bytes.
    public var buildInfo = false

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

extension BuildOptions {
    /// What the command line says over site.yaml: the base URL (checked as site.yaml's is: it
    /// lands in links, the feed and QR codes) and the interface language.
    func override(_ content: inout Content, _ diagnostics: inout Diagnostics) {
        if let url = baseURL {
            if WebAddress.isHTTP(url) {
                content.site.baseURL = url.hasSuffix("/") ? url : url + "/"
            } else {
                diagnostics.append(Diagnostic(.error, "--base-url", line: 0, column: 0,
                                              "must be an http(s) URL, not \"\(url)\""))
            }
        }
        if let language { content.site.language = language }
    }
}
