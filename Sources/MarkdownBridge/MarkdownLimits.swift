import Escaping

/// Bounds on what one Markdown text may cost cmark-gfm, checked before it is parsed, so that
/// every build ends. Debian's cmark-gfm 0.29.0.gfm.6 takes time that grows with the square of
/// the input for a few shapes of text (fixed upstream in 0.29.0.gfm.7 to .13); measured here,
/// each of these takes seconds at tens of kilobytes and minutes at a megabyte:
/// - a table whose rows are padded to a wide header (5,000 columns: minutes, gigabytes);
/// - a word holding `www.` thousands of times (`www.a_www.a_...`): extended autolinks;
/// - raw HTML openers that nothing closes in a paragraph (`<?`, `<!X`, `<![CDATA[`): each one
///   is scanned to the paragraph's end.
/// Everything else cmark-gfm's own pathological tests try stays linear up to the size limit
/// (docs/security.md). The limits are set under `markdown:` in site.yaml.
public struct MarkdownLimits: Sendable, Equatable {
    /// The largest text, in bytes (UTF-8).
    public var bytes: Int
    /// The most cells one table may have: its columns times its rows.
    public var tableCells: Int
    /// The most times `www.` may appear in one word (a run of text without a space).
    public var wwwPerWord: Int
    /// The most raw HTML openers left unclosed in one paragraph.
    public var unclosedHTML: Int

    public static let standard = MarkdownLimits(bytes: 1_048_576, tableCells: 100_000, wwwPerWord: 100, unclosedHTML: 100)

    /// A cmark-gfm with the 2023 fixes (0.29.0.gfm.13 or later) keeps only the size limit.
    public static func forLibrary(_ version: String, _ limits: MarkdownLimits = .standard) -> MarkdownLimits {
        guard let fix = gfmRelease(version), fix >= 13 else { return limits }
        return MarkdownLimits(bytes: limits.bytes, tableCells: .max, wwwPerWord: .max, unclosedHTML: .max)
    }

    /// 13 for "0.29.0.gfm.13"; nil for a version named otherwise (treated as unfixed).
    static func gfmRelease(_ version: String) -> Int? {
        guard let range = version.range(of: ".gfm.") else { return nil }
        return Int(version[range.upperBound...].prefix { $0.isNumber })
    }

    /// The site.yaml key that sets each limit, for messages.
    public static let keys = (bytes: "max_bytes", tableCells: "max_table_cells", wwwPerWord: "max_www_per_word",
                       unclosedHTML: "max_unclosed_html")

    /// A text over a limit: where (line and column from 1, in characters) and why.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// What in `text` is over the limits; empty when cmark-gfm may parse it.
    public func problems(in text: Substring) -> [Problem] {
        let size = text.utf8.count
        if size > bytes {
            return [Problem(line: 1, column: 1, message: "the text is \(size) bytes, over the limit of \(bytes) "
                            + "(\(MarkdownLimits.keys.bytes) under markdown: in site.yaml); split it, or link a PDF")]
        }
        var scan = MarkdownScan(limits: self)
        text.withBytes { scan.run($0) }
        return scan.problems
    }
}
