import CTextScan
import Escaping
import Foundation

/// What `Markdown` decides from text alone, before or after cmark-gfm: whether a line needs it,
/// a short text inline, and which link schemes are refused.
extension Markdown {
    /// Schemes that run code or carry a document of their own. cmark-gfm's safe mode drops them,
    /// but not when the site allows raw HTML; links in Markdown never need them.
    static let dangerousSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

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
    public static func isPlainText(_ text: String) -> Bool {
        text.withBytes { bytes in
            // By bytes, in one pass: Thai letters U+0E00...U+0E7F are E0 B8 80...E0 B9 BF.
            guard let base = bytes.baseAddress, let first = bytes.first, let last = bytes.last,
                  first != 0x20, last != 0x20, first != 0x2D else { return false }
            // Every byte allowed, and no "www.": C's table (`CTextScan`), one pass.
            guard sopsite_plain_line_bytes(base, bytes.count) != 0 else { return false }
            // "1. " or "2) " would start an ordered list.
            let digits = bytes.prefix { (0x30...0x39).contains($0) }.count
            if digits < bytes.count, digits > 0, bytes[digits] == 0x2E || bytes[digits] == 0x29 { return false }
            return true
        }
    }
}
