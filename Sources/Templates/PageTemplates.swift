import Mustache

/// A theme's templates, as pages are made from them: compiled into operations (`TemplateOp`,
/// laid flat as `TemplateCode`) and run over each page's values (`TemplateRun`); for a theme
/// whose templates compute (transforms, dynamic partials), rendered by swift-mustache, which
/// runs those.
public struct PageTemplates: Sendable {
    let library: MustacheLibrary
    /// Each template's operations by name; nil when one of them computes.
    let compiled: TemplateCode?

    public init(library: MustacheLibrary, names: [String]) {
        self.library = library
        var compiled: [String: [TemplateOp]]? = [:]
        var ids = 0
        for name in names {
            guard let template = library.getTemplate(named: name), let ops = TemplateOp.compile(template, ids: &ids) else {
                compiled = nil
                break
            }
            compiled?[name] = ops
        }
        self.compiled = compiled.map(TemplateCode.init)
    }

    /// The page made from template `name` and `values`, as UTF-8. `capacity`: the bytes the
    /// page is expected to take, reserved at once (a buffer grown midway is copied).
    public func render(_ name: String, _ values: TemplateMap, capacity: Int = 16 * 1024) -> [UInt8] {
        guard let compiled else {
            return Array((library.render(values.mustache, withTemplate: name) ?? "").utf8)
        }
        var run = TemplateRun(code: compiled, capacity: capacity)
        run.run(name, values)
        return run.out
    }
}
