import CCmarkGFM
import Foundation

/// Renders Markdown to HTML with cmark-gfm and its GFM extensions. The only file that talks to
/// the C library.
public struct Markdown: Sendable {
    /// Raw HTML in content is passed through only when the site allows it; otherwise cmark-gfm's
    /// safe mode drops it (and `javascript:` links) and the tagfilter extension guards the rest.
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    /// A rendered document: its HTML, and what pages need from its tree.
    public struct Document: Sendable {
        public var html: String
        /// Headings in order, with the ids the HTML gives them: the table of contents.
        public var headings: [Heading]
        /// Every image, with its position in the Markdown (line and column from 1).
        public var images: [Image]
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
    /// parsers at once lose autolinks and strikethrough at random. Inlines are parsed when the
    /// parser finishes (in cmark-gfm 0.29.0.gfm.6, Debian's, no block parser reads the table),
    /// so finishing takes turns; feeding the blocks in, two thirds of the parse, and rendering
    /// the tree to HTML run on every core.
    private static let parsing = NSLock()

    // Strikethrough needs "~~": a single "~" often means "about" (~3 วัน) in the office's writing.
    private var options: Int32 {
        var o = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
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
    public func render(_ markdown: String, urlPrefix: String = "") -> Document {
        _ = Markdown.registered
        // Everything cmark-gfm allocates for the document goes at once, after the rest is freed.
        let arena = MarkdownArena.current
        defer { arena.pointee.reset() }
        guard let parser = cmark_parser_new_with_mem(options, Markdown.arenaMemory) else {
            return Document(html: "", headings: [], images: [])
        }
        defer { cmark_parser_free(parser) }
        for name in Markdown.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let finished = Markdown.parsing.withLock { cmark_parser_finish(parser) }
        guard let root = finished else { return Document(html: "", headings: [], images: []) }
        defer { cmark_node_free(root) }
        var (headings, images) = walk(root, urlPrefix: urlPrefix)
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
            return Document(html: "", headings: [], images: [])
        }
        let html = rendered.withMemoryRebound(to: UInt8.self, capacity: 1) {
            HeadingIDs.insert(headings.map(\.id), into: UnsafeBufferPointer(start: $0, count: strlen(rendered)))
        }
        return Document(html: html, headings: headings, images: images)
    }

    /// Headings and images, in document order.
    private func walk(_ root: OpaquePointer, urlPrefix: String) -> ([Heading], [Image]) {
        var headings: [Heading] = []
        var images: [Image] = []
        var ids = HeadingIDs()
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = plainText(node)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: ids.make(text)))
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

    /// Schemes that run code or carry a document of their own. cmark-gfm's safe mode drops them,
    /// but not when the site allows raw HTML; links in Markdown never need them.
    static let dangerousSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

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

    /// Is the text before the URL's first colon a dangerous scheme, trimmed and lowercased?
    /// A scheme of ASCII letters (`https`, in every link) is compared by bytes; anything else
    /// goes the long way, as Unicode text: trimming and lowercasing every link's scheme took a
    /// tenth of the time of reading 10,000 case reports.
    static func hasDangerousScheme(_ url: String) -> Bool {
        let bytes = url.utf8
        if let colon = bytes.firstIndex(of: 0x3A), bytes[..<colon].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }),
           bytes.index(after: colon) == bytes.endIndex || bytes[bytes.index(after: colon)] < 0x80 {
            let scheme = bytes[..<colon].map { $0 | 0x20 }
            return dangerousSchemeBytes.contains(scheme)
        }
        guard let colon = url.firstIndex(of: ":") else { return false }
        return dangerousSchemes.contains(url[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }

    private static let dangerousSchemeBytes = Set(dangerousSchemes.map { Array($0.utf8) })

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

    /// A short text from front matter (a table cell, a document title) as HTML without the
    /// surrounding paragraph, so that it sits inline where the template puts it.
    public func inlineHTML(_ markdown: String) -> String {
        if Markdown.isPlainText(markdown) { return markdown }
        var html = Substring(self.html(markdown))
        // By bytes: the Character views walked every Thai letter's grapheme.
        if html.utf8.last == 0x0A { html = Substring(html.utf8.dropLast()) }
        let open = "<p>".utf8, close = "</p>".utf8
        if html.utf8.starts(with: open), html.utf8.reversed().starts(with: close.reversed()) {
            let inner = Substring(html.utf8.dropFirst(open.count).dropLast(close.count))
            if !inner.utf8.indices.contains(where: { inner.utf8[$0...].starts(with: open) }) { return String(inner) }
        }
        return String(html)
    }

    /// Is `text` a line in which cmark-gfm would find nothing to do, so that its HTML is the
    /// text itself? True only for Thai letters, ASCII letters and digits, spaces inside the line
    /// and `. , ( ) / % -` (not first), with no "www." (an autolink) and not starting like an
    /// ordered list item: no emphasis, link, code, HTML, entity, autolink or block syntax can
    /// start with those. Most event notes are such lines, and each went through cmark-gfm's
    /// parser, which takes turns (see `parsing`): 90,000 notes at 10,000 cases. The test
    /// compares this with cmark-gfm on every note of the shipped content and on near misses.
    static func isPlainText(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, first != " ", last != " ", first != "-" else { return false }
        for scalar in scalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0E00...0x0E7F: continue
            case 0x20, 0x2E, 0x2C, 0x28, 0x29, 0x2F, 0x25, 0x2D: continue  // space . , ( ) / % -
            default: return false
            }
        }
        // "1. " or "2) " would start an ordered list; "www." would become a link.
        let digits = text.utf8.prefix { (0x30...0x39).contains($0) }.count
        if digits > 0, let next = text.utf8.dropFirst(digits).first, next == 0x2E || next == 0x29 { return false }
        let bytes = Array(text.utf8)
        for i in bytes.indices.dropLast(3)
        where bytes[i] | 0x20 == 0x77 && bytes[i + 1] | 0x20 == 0x77 && bytes[i + 2] | 0x20 == 0x77 && bytes[i + 3] == 0x2E {
            return false  // "www." in any case (| 0x20 lowers an ASCII letter)
        }
        return true
    }

}
