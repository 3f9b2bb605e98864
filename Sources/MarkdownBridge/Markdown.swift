import CCmarkGFM
import CCmarkInlineChars
import Escaping
import Foundation

/// Renders Markdown to HTML with cmark-gfm and its GFM extensions. The only file that talks to
/// the C library.
public struct Markdown: Sendable {
    /// Raw HTML in content is passed through only when the site allows it; otherwise cmark-gfm's
    /// safe mode drops it (and `javascript:` links) and the tagfilter extension guards the rest.
    public var allowRawHTML: Bool
    /// What a text may cost to parse; a text over them is not parsed (`Rendered.problems`).
    public var limits: MarkdownLimits

    /// The limits are those of site.yaml, relaxed when the library has the 2023 fixes.
    public init(allowRawHTML: Bool = false, limits: MarkdownLimits = .standard) {
        self.allowRawHTML = allowRawHTML
        self.limits = MarkdownLimits.forLibrary(Markdown.libraryVersion, limits)
    }

    /// The cmark-gfm sopsite runs with ("0.29.0.gfm.6" on Debian 12).
    public static let libraryVersion = String(cString: cmark_version_string())

    /// A rendered document: its HTML, and what pages need from its tree.
    public struct Rendered: Sendable {
        /// The HTML as cmark-gfm wrote it (with the headings' ids): a case page copies these
        /// bytes as they are, where making a String of 10,000 reports checked each byte again.
        public var htmlBytes: [UInt8]
        public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
        /// Headings in order, with the ids the HTML gives them: the table of contents.
        public var headings: [Heading]
        /// Every image, with its position in the Markdown (line and column from 1).
        public var images: [Image]
        /// Why the text was not parsed (`MarkdownLimits`): then the HTML is empty.
        public var problems: [MarkdownLimits.Problem] = []
    }

    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var id: String
    }

    public struct Image: Sendable, Equatable {
        public var url: String
        public var line: Int
        public var column: Int
    }

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// cmark-gfm's extension registry is global; registering it once is thread-safe in Swift.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm keeps the inline parser's table of special characters in a global, which every
    /// parser with extensions sets when it parses inlines and clears when it is done: two
    /// parsers at once would lose autolinks and strikethrough at random. `CCmarkInlineChars`
    /// replaces the library's setting and clearing with setting alone; where it is in place
    /// (`sopsite_inline_chars_kept`) and the library is the version read (Debian's 0.29.0.gfm.6,
    /// where nothing else writes the table), parsers run side by side. Otherwise they take
    /// turns: inlines are parsed when the parser finishes (in 0.29.0.gfm.6 no block parser reads
    /// the table), so finishing takes turns; feeding the blocks in and rendering run on every core.
    private static let parsing = NSLock()
    static let takesTurns = sopsite_inline_chars_kept() == 0 || libraryVersion != readVersion
    static let readVersion = "0.29.0.gfm.6"

    /// Later cmark-gfm versions parse a table row's inlines while its block is fed in: with any
    /// version but the one read, feeding takes turns too.
    private static let feedingTakesTurns = libraryVersion != readVersion

    // Strikethrough needs "~~": a single "~" often means "about" (~3 วัน) in the office's writing.
    // No CMARK_OPT_VALIDATE_UTF8: the text comes from a Swift string, valid UTF-8 by
    // construction (invalid bytes in a file were repaired when it was read), so checking every
    // byte again was a twentieth of reading the reports. cmark-gfm turns NUL into U+FFFD either way.
    private var options: Int32 {
        var o = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if allowRawHTML { o |= CMARK_OPT_UNSAFE }
        return o
    }

    /// A Markdown document (a page body) as HTML.
    public func html(_ markdown: String) -> String {
        render(markdown).html
    }

    /// Parses and renders, collecting headings (given ids) and images on the way. Relative link
    /// and image URLs get `urlPrefix` in the HTML: a page in a subfolder of the files it shows
    /// (a case's manual/) links them with "../". Images are reported as written.
    public func render(_ markdown: String, urlPrefix: String = "", headingIDs: HeadingIDStyle = .words) -> Rendered {
        render(Substring(markdown), urlPrefix: urlPrefix, headingIDs: headingIDs)
    }

    /// How headings' ids are made: from their words (Thai letters kept), or numbered in order
    /// (`section-1`...): short ASCII names, for a page printed to PDF, where each id becomes a
    /// named destination and PDF allows 127 bytes (a Thai heading's letters take 3 each).
    public enum HeadingIDStyle: Sendable {
        case words, numbered
    }

    /// A file's body is rendered where it sits in the file's text, not copied out first.
    public func render(_ markdown: Substring, urlPrefix: String = "", headingIDs: HeadingIDStyle = .words) -> Rendered {
        // Checked here, where every text is parsed, so that no caller can forget it.
        let problems = limits.problems(in: markdown)
        guard problems.isEmpty else { return Rendered(htmlBytes: [], headings: [], images: [], problems: problems) }
        _ = Markdown.registered
        // Everything cmark-gfm allocates for the document goes at once, after the rest is freed.
        let arena = MarkdownArena.current
        defer { arena.pointee.reset() }
        guard let parser = cmark_parser_new_with_mem(options, Markdown.arenaMemory) else {
            return Rendered(htmlBytes: [], headings: [], images: [])
        }
        defer { cmark_parser_free(parser) }
        for name in Markdown.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        markdown.withBytes { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                if Markdown.feedingTakesTurns {
                    Markdown.parsing.withLock { cmark_parser_feed(parser, text.baseAddress, text.count) }
                } else {
                    cmark_parser_feed(parser, text.baseAddress, text.count)
                }
            }
        }
        let finished = Markdown.takesTurns ? Markdown.parsing.withLock { cmark_parser_finish(parser) } : cmark_parser_finish(parser)
        guard let root = finished else { return Rendered(htmlBytes: [], headings: [], images: []) }
        defer { cmark_node_free(root) }
        var (headings, images) = walk(root, urlPrefix: urlPrefix, headingIDs: headingIDs)
        // cmark counts columns in bytes; diagnostics count characters, as editors do.
        if !images.isEmpty {
            let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            for i in images.indices where images[i].line >= 1 && images[i].line <= lines.count {
                let bytes = Array(lines[images[i].line - 1].utf8.prefix(max(0, images[i].column - 1)))
                images[i].column = String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
            }
        }
        guard let rendered = cmark_render_html_with_mem(root, options, cmark_parser_get_syntax_extensions(parser),
                                                        Markdown.arenaMemory) else {
            return Rendered(htmlBytes: [], headings: [], images: [])
        }
        let html = rendered.withMemoryRebound(to: UInt8.self, capacity: 1) {
            HeadingIDs.insert(headings.map(\.id), into: UnsafeBufferPointer(start: $0, count: strlen(rendered)))
        }
        return Rendered(htmlBytes: html, headings: headings, images: images)
    }

    /// Headings and images, in document order.
    private func walk(_ root: OpaquePointer, urlPrefix: String, headingIDs: HeadingIDStyle) -> ([Heading], [Image]) {
        var headings: [Heading] = []
        var images: [Image] = []
        var ids = HeadingIDs()
        // Every node in document order, followed by hand: cmark-gfm's iterator also stops at
        // each container's end, and cost twice as much on 10,000 reports.
        var next = cmark_node_first_child(root)
        while let node = next {
            next = Markdown.following(node, under: root)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = plainText(node)
                let id = headingIDs == .numbered ? "section-\(headings.count + 1)" : ids.make(text)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: id))
            case CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                images.append(Image(url: url, line: Int(cmark_node_get_start_line(node)),
                                    column: Int(cmark_node_get_start_column(node))))
                prefix(node, url, urlPrefix)
            case CMARK_NODE_LINK:
                prefix(node, cmark_node_get_url(node).map { String(cString: $0) } ?? "", urlPrefix)
            default:
                break
            }
        }
        return (headings, images)
    }

    /// The node after `node` in document order (its first child, else the next node after it
    /// or after one of its parents), nil at the end of `root`.
    private static func following(_ node: OpaquePointer, under root: OpaquePointer) -> OpaquePointer? {
        if let child = cmark_node_first_child(node) { return child }
        var at = node
        while at != root {
            if let sibling = cmark_node_next(at) { return sibling }
            guard let parent = cmark_node_parent(at) else { return nil }
            at = parent
        }
        return nil
    }

    /// Puts `urlPrefix` before a relative URL: not a fragment, not rooted, no scheme. Empties a
    /// URL with a dangerous scheme.
    private func prefix(_ node: OpaquePointer, _ url: String, _ urlPrefix: String) {
        if Markdown.hasDangerousScheme(url) {
            cmark_node_set_url(node, "")
            return
        }
        guard !urlPrefix.isEmpty, !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("/") else { return }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return }
        cmark_node_set_url(node, urlPrefix + url)
    }

    /// The text of a node's inline children (a heading's words without their markup).
    private func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}
