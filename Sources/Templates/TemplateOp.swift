import Mustache

/// A theme's template as a list of operations, run over a page's `TemplateValue`s into bytes
/// (`TemplateRun`). swift-mustache parses the templates (delimiters, standalone lines,
/// partials, parents and blocks are its rules); its tokens are read once per theme into these
/// operations, which run without its lookups through `Any` and Mirror: swift-mustache itself
/// made a build of 10,000 cases 3.7 times slower.
indirect enum TemplateOp: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped: whether the content type escapes it there) or `{{{name}}}`.
    case value(TemplateName, escaped: Bool)
    /// `{{#name}}`; `id` tells the sections of a theme apart (a row keeps its text per section).
    case section(TemplateName, [TemplateOp], id: Int)
    case inverted(TemplateName, [TemplateOp])
    /// `{{>name}}`, or `{{<name}}` with the blocks it fills in (`inherits`); `indentation` is
    /// that of a partial tag standing alone on its line.
    case partial(String, indentation: [UInt8]?, inherits: [String: [TemplateOp]]?)
    /// `{{$name}}default{{/name}}` in a parent template.
    case block(String, default: [TemplateOp], indentation: [UInt8]?)
    /// `{{% CONTENT_TYPE: ... }}`: whether `{{name}}` escapes HTML from here on.
    case escaping(Bool)
}

/// A name as a template writes it: `.` (the current value), `a.b.c` (looked up the stack, then
/// inside), `.a` (in the current value only).
struct TemplateName: Sendable {
    /// The parts between dots: none for `.`.
    let parts: [String]
    let isAnchored: Bool

    init(_ name: String) {
        self.init(parts: name.split(separator: ".").map(String.init), isAnchored: name.first == ".")
    }

    init(parts: [String], isAnchored: Bool) {
        self.parts = parts
        self.isAnchored = isAnchored
    }
}

extension TemplateOp {
    /// The operations of a template parsed by swift-mustache; nil when it computes (a transform
    /// such as `{{lowercased(x)}}`, a dynamic partial `{{>*name}}`, a content type other than
    /// HTML and text): such a theme renders through swift-mustache.
    ///
    /// swift-mustache keeps its tokens internal, so they are read through reflection: a token
    /// is an enum case whose payload is the tag's name, its transforms and its inner template.
    /// A token read otherwise than expected (a new version of swift-mustache) gives nil too, and
    /// `TemplateRunTests` fails on the shipped theme, which must compile.
    /// `ids`: the next section's id, counted over the theme.
    static func compile(_ template: MustacheTemplate, ids: inout Int) -> [TemplateOp]? {
        guard let tokens = Mirror(reflecting: template).descendant("tokens") as? [Any] else { return nil }
        var ops: [TemplateOp] = []
        for token in tokens {
            guard let op = compile(token: token, ids: &ids) else { return nil }
            ops.append(op)
        }
        return ops
    }

    private static func compile(token: Any, ids: inout Int) -> TemplateOp? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let kind = mirror.children.first?.label,
              let payload = mirror.children.first?.value else { return nil }
        // A single value is the payload itself; several are a tuple, read in order.
        let fields = Mirror(reflecting: payload).displayStyle == .tuple
            ? Mirror(reflecting: payload).children.map(\.value) : [payload]
        func field<T>(_ i: Int, _: T.Type) -> T? { i < fields.count ? fields[i] as? T : nil }
        func name() -> TemplateName? {
            guard let name = field(0, String.self), field(1, [String].self)?.isEmpty == true else { return nil }
            return TemplateName(name)
        }
        func inner(_ i: Int) -> [TemplateOp]? { field(i, MustacheTemplate.self).flatMap { compile($0, ids: &ids) } }
        func indentation(_ i: Int) -> [UInt8]? { field(i, String.self).map { Array($0.utf8) } }
        switch kind {
        case "text":
            return field(0, String.self).map { .text(Array($0.utf8)) }
        case "variable", "unescapedVariable":
            return name().map { .value($0, escaped: kind == "variable") }
        case "section", "invertedSection":
            guard let name = name(), let ops = inner(2) else { return nil }
            ids += 1
            return kind == "section" ? .section(name, ops, id: ids) : .inverted(name, ops)
        case "blockExpansion":
            guard let name = field(0, String.self), let ops = inner(1) else { return nil }
            return .block(name, default: ops, indentation: indentation(2))
        case "partial":
            guard let name = field(0, String.self) else { return nil }
            var inherits: [String: [TemplateOp]]?
            if let blocks = field(2, [String: MustacheTemplate].self) {
                inherits = [:]
                for (block, template) in blocks {
                    guard let ops = compile(template, ids: &ids) else { return nil }
                    inherits?[block] = ops
                }
            }
            return .partial(name, indentation: indentation(1), inherits: inherits)
        case "contentType":
            guard let type = field(0, (any MustacheContentType).self) else { return nil }
            // Told by what it does: HTML's five escapes, or none.
            let probe = "<&>\"'"
            switch type.escapeText(probe) {
            case "&lt;&amp;&gt;&quot;&#39;": return .escaping(true)
            case probe: return .escaping(false)
            default: return nil
            }
        default:
            return nil  // a dynamic partial, or a token this version does not know
        }
    }
}
