import Escaping
import Mustache

/// The templates' HTML escaping, byte by byte. swift-mustache's own escaper walks Characters,
/// which for Thai text means grapheme breaking on every letter: it was a fifth of a build's
/// time. This one escapes the same five characters the same way, so pages are byte-identical;
/// it is registered under swift-mustache's name "HTML" and `base.mustache` asks for it with
/// `{{% CONTENT_TYPE: HTML }}`.
public struct PortalHTML: MustacheContentType {
    public func escapeText(_ text: String) -> String {
        text.htmlEscaped
    }

    /// Registered once, before any template is parsed (the pragma is resolved when parsing).
    public static let registered: Void = MustacheContentTypes.register(PortalHTML(), named: "HTML")
}

extension String {
    /// `& < > " '` as swift-mustache writes them: `&amp; &lt; &gt; &quot; &#39;`.
    public var htmlEscaped: String { escaped(apostrophe: true) }
}
