import Foundation

/// Search across SOPs, cases and manuals with Pagefind. Pages mark what is indexed with
/// `data-pagefind-body`; sopsite gives Pagefind their Thai split into words (`SearchText`), and
/// the index is written to `pagefind/` inside the site, in parts (`SearchShard`).
public enum Search {
    /// Where `scripts/install-deps` puts Pagefind when it installs it.
    static var installed: String {
        let cache = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"]
            ?? (NSHomeDirectory() + "/.cache")
        return cache + "/sopsite/pagefind/bin/pagefind_extended"
    }

    /// `SOPSITE_PAGEFIND`, then `pagefind_extended` or `pagefind` on the PATH, then the copy
    /// `scripts/install-deps` installs; nil when there is none.
    public static func findPagefind(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let given = environment["SOPSITE_PAGEFIND"], !given.isEmpty { return given }
        if let found = ManualPDF.findExecutable(["pagefind_extended", "pagefind"], path: environment["PATH"] ?? "") {
            return found
        }
        return FileManager.default.isExecutableFile(atPath: installed) ? installed : nil
    }

    /// What a build or serve says when Pagefind is missing.
    public static let missing = """
        search was left out: Pagefind is not installed; `make serve` installs it, or \
        pip install 'pagefind[extended]' and set SOPSITE_PAGEFIND to its pagefind_extended
        """
}
