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

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// cmark-gfm's extension registry is global; registering it once is thread-safe in Swift.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    // Strikethrough needs "~~": a single "~" often means "about" (~3 วัน) in the office's writing.
    private var options: Int32 {
        var o = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if allowRawHTML { o |= CMARK_OPT_UNSAFE }
        return o
    }

    /// A Markdown document (a page body) as HTML.
    public func html(_ markdown: String) -> String {
        _ = Markdown.registered
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Markdown.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var utf8 = Array(markdown.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// A short text from front matter (a table cell, a document title) as HTML without the
    /// surrounding paragraph, so that it sits inline where the template puts it.
    public func inlineHTML(_ markdown: String) -> String {
        let html = self.html(markdown)
        let trimmed = html.hasSuffix("\n") ? String(html.dropLast()) : html
        if trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"),
           trimmed.dropFirst(3).range(of: "<p>") == nil {
            return String(trimmed.dropFirst(3).dropLast(4))
        }
        return trimmed
    }
}
