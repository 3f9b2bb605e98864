import Foundation
import Mustache

/// The skeletons of a theme's templates, by template and shape. Ten thousand case pages come in a
/// few dozen shapes, so swift-mustache, whose lookups cost more than everything else a case page
/// needs, runs a few dozen times instead of ten thousand; the pages are byte for byte the ones it
/// would write (checked by `TemplateShapeTests` against direct renderings).
final class TemplateShapes: @unchecked Sendable {
    /// Off for themes whose templates compute from values (transforms such as `{{lowercased(x)}}`,
    /// dynamic partials `{{>*name}}`, other delimiters) or write U+FDD0 themselves: markers would stand for the values
    /// there. Such themes render every page directly.
    let isEnabled: Bool
    private let lock = NSLock()
    /// nil for a shape whose rendering could not be read back: it renders directly.
    private var skeletons: [ByteKey: TemplateSkeleton?] = [:]
    /// Shapes met once, by hash: a skeleton is made the second time. A page met once per build
    /// (the case list of 10,000 rows) renders directly, without the memory of a skeleton.
    private var seenOnce: Set<Int> = []
    /// `serve` makes a skeleton at the first sighting: its case list is remade on every title
    /// edit, and rendering it directly took 300 ms (see `makeSkeletonsAtFirstSight`).
    private var atFirstSight = false
    /// In `serve`, the last page of each template holding a long list, by template (one each:
    /// the case list is 6 MB).
    private var refills: [String: TemplateRefill] = [:]
    /// The skeleton of each template's last long list, by template: one each, as every case
    /// added or removed makes the case list a new shape of 8 MB, and keeping them all made
    /// `serve` grow by that much on each such edit.
    private var lastLists: [String: (key: ByteKey, skeleton: TemplateSkeleton)] = [:]
    /// The first shapes of a build get their skeleton at first sight: rendering each directly
    /// first cost a build a few per cent (135 shapes of case page at 10,000 cases). Past these,
    /// a shape waits for its second sight, so that content whose pages each have a shape of
    /// their own does not keep a skeleton per page.
    static let firstSightLimit = 256
    /// A bound on memory for content whose every page has a shape of its own.
    static let limit = 4096

    init(templateTexts: [String]) {
        isEnabled = !templateTexts.contains(where: TemplateShapes.computes)
    }

    /// The page as text, from a skeleton when there is one for the context's shape.
    func render(_ template: String, _ context: [String: Any], library: MustacheLibrary) -> String? {
        body(template, context, library: library).map { Page(path: "", body: $0).text }
    }

    /// The page, from a skeleton when there is one for the context's shape: then as the bytes
    /// it was filled into.
    func body(_ template: String, _ context: [String: Any], library: MustacheLibrary) -> Page.Body? {
        guard isEnabled, let shape = TemplateShape(context) else {
            return library.render(context, withTemplate: template).map(Page.Body.text)
        }
        return body(template, shape, context: { context }, library: library)
    }

    /// The page of values written by the page (`PageValues`): their shape is written straight
    /// away, their dictionary only when the shape's skeleton is yet to be made.
    func body(_ template: String, _ values: some PageValues, library: MustacheLibrary) -> Page.Body? {
        let direct = { library.render(values.dictionary, withTemplate: template).map(Page.Body.text) }
        guard isEnabled else { return direct() }
        var writer = TemplateShapeWriter()
        values.write(into: &writer)
        guard let shape = writer.finish() else { return direct() }
        return body(template, shape, context: { values.dictionary }, library: library)
    }

    private func body(_ template: String, _ shape: TemplateShape, context: () -> [String: Any],
                      library: MustacheLibrary) -> Page.Body? {
        func direct() -> Page.Body? { library.render(context(), withTemplate: template).map(Page.Body.text) }
        let key = ByteKey(Array(template.utf8) + [0] + shape.key)
        let isLongList = shape.lists.count == 1 && shape.lists[0].rows.count >= 16
        let (known, isNew) = lock.withLock { () -> (TemplateSkeleton??, Bool) in
            if isLongList, let last = lastLists[template], last.key == key { return (.some(last.skeleton), false) }
            if let known = skeletons[key] { return (known, false) }
            let firstSight = atFirstSight || skeletons.count < TemplateShapes.firstSightLimit
            return (nil, !firstSight && seenOnce.insert(key.hash).inserted)
        }
        if let known {
            guard let skeleton = known else { return direct() }
            return fill(skeleton, shape, template: template, key: key)
        }
        // A long list of rows: its skeleton comes from a rendering of a few rows, so it is made
        // even at first sight.
        if isLongList, let skeleton = TemplateListSkeleton.make(template, context(), list: shape.lists[0], library: library,
                                                                shared: shape.shared) {
            lock.withLock {
                lastLists[template] = (key, skeleton)
                seenOnce.remove(key.hash)
            }
            return fill(skeleton, shape, template: template, key: key)
        }
        if isNew { return direct() }
        var next = 0
        guard let marked = TemplateShape.markers(for: context(), next: &next) as? [String: Any],
              let rendered = library.render(marked, withTemplate: template) else { return nil }
        let skeleton = TemplateSkeleton(rendered: rendered, valueCount: next, shared: shape.shared)
        lock.withLock {
            if skeletons.count < TemplateShapes.limit { skeletons[key] = .some(skeleton) }
            seenOnce.remove(key.hash)
        }
        return skeleton.map { .bytes($0.fill(shape)) } ?? direct()
    }

    /// A page of a long list in `serve` is the last one of its template with what differs put
    /// in (`TemplateRefill`); any other page is filled afresh.
    private func fill(_ skeleton: TemplateSkeleton, _ shape: TemplateShape, template: String, key: ByteKey) -> Page.Body {
        let refill = lock.withLock { () -> TemplateRefill? in
            guard atFirstSight, !shape.lists.isEmpty else { return nil }
            if let known = refills[template] { return known }
            let refill = TemplateRefill()
            refills[template] = refill
            return refill
        }
        return .bytes(refill?.fill(skeleton, shape, key: key.bytes) ?? skeleton.fill(shape))
    }

    /// How many skeletons are kept: what the cache holds in memory.
    var keptSkeletons: Int { lock.withLock { skeletons.count + lastLists.count } }

    /// From now on, a skeleton is made the first time a shape is met (for `serve`, which keeps
    /// the theme and remakes the same pages again and again).
    func makeSkeletonsAtFirstSight() {
        lock.withLock { atFirstSight = true }
    }

    /// Does a template's text use transforms or dynamic partials, or contain a marker character?
    static func computes(_ text: String) -> Bool {
        if TemplateSkeleton.containsMarker(text) { return true }
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return false }
            let tag = rest[open.upperBound..<close.lowerBound].drop(while: { $0 == "{" || $0 == " " })
            rest = rest[close.upperBound...]
            if tag.first == "!" { continue }  // a comment
            if tag.first == "=" || tag.contains("(") { return true }  // other delimiters: not read here
            if tag.first == ">" || tag.first == "<",
               tag.dropFirst().drop(while: { $0 == " " }).first == "*" { return true }
        }
        return false
    }
}
