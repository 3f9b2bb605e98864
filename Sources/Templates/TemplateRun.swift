import Escaping

/// A page's template run over its values into bytes, one operation after another, as
/// swift-mustache would render them (`TemplateRunTests` compares the two): names looked up
/// the stack of values a section opened, partials and parents through the theme's templates,
/// the lines of a partial standing alone indented as its tag is.
struct TemplateRun {
    private(set) var out: [UInt8] = []
    private let templates: [String: [TemplateOp]]
    /// The values opened, outermost first: the page's, then each section's.
    private var stack: [TemplateValue] = []
    /// The page's template: a row keeps its text per page.
    private var page = ""
    /// While a row is written to be kept: where its values are on the stack, and what it read
    /// from below them.
    private var recording: (frame: Int, outside: [(name: TemplateName, value: TemplateValue?)])?

    /// What a template runs with, beside the values: swift-mustache's context.
    private struct Scope {
        var escapes = true
        /// The indentation of a partial standing alone on its line; empty for none.
        var indentation: [UInt8] = []
        /// The blocks a child template fills in its parent's (`{{$name}}`).
        var inherited: [String: [TemplateOp]] = [:]
    }

    init(templates: [String: [TemplateOp]], capacity: Int) {
        self.templates = templates
        out.reserveCapacity(capacity)
    }

    /// Runs template `name` over `values`, appending to `out`.
    mutating func run(_ name: String, _ values: TemplateMap) {
        guard let ops = templates[name] else { return }
        page = name
        stack = [.map(values)]
        run(ops, Scope())
    }

    private mutating func run(_ ops: [TemplateOp], _ scope: Scope) {
        var scope = scope
        guard !scope.indentation.isEmpty else {
            for op in ops { perform(op, &scope) }
            return
        }
        // swift-mustache indents what an operation writes when what this template wrote so
        // far ends a line ("\n", not "\r\n": the last Character).
        let start = out.count
        for op in ops {
            let n = out.count
            let atLineStart = n > start && out[n - 1] == 0x0A && !(n - 1 > start && out[n - 2] == 0x0D)
            perform(op, &scope)
            if atLineStart && out.count > n { out.insert(contentsOf: scope.indentation, at: n) }
        }
    }

    private mutating func perform(_ op: TemplateOp, _ scope: inout Scope) {
        switch op {
        case let .text(bytes):
            out += bytes
        case let .value(name, escaped):
            guard let value = lookUp(name) else { return }
            write(value, escaping: escaped && scope.escapes)
        case let .section(name, ops, id):
            switch lookUp(name) {
            case nil, .flag(false)?: return
            case .flag(true)?: run(ops, scope)
            case let .list(items)?:
                for item in items {
                    if case let .row(row) = item, recording == nil {
                        write(row, ops, scope, at: TemplateRow.Place(page: page, section: id, escapes: scope.escapes,
                                                                     indentation: scope.indentation))
                    } else {
                        open(item, ops, scope)
                    }
                }
            case let value?: open(value, ops, scope)
            }
        case let .inverted(name, ops):
            switch lookUp(name) {
            case nil, .flag(false)?: run(ops, scope)
            case let .list(items)? where items.isEmpty: open(.list(items), ops, scope)
            default: return
            }
        case let .partial(name, indentation, inherits):
            guard let ops = templates[name] else { return }
            // A partial starts in HTML; blocks already filled in stay as the outer template filled them.
            var inner = Scope(escapes: true, indentation: scope.indentation + (indentation ?? []), inherited: scope.inherited)
            if let inherits { inner.inherited.merge(inherits) { outer, _ in outer } }
            run(ops, inner)
        case let .block(name, ops, indentation):
            var inner = scope
            inner.indentation += indentation ?? []
            run(scope.inherited[name] ?? ops, inner)
        case let .escaping(escapes):
            scope.escapes = escapes
        }
    }

    private mutating func open(_ value: TemplateValue, _ ops: [TemplateOp], _ scope: Scope) {
        stack.append(value)
        run(ops, scope)
        stack.removeLast()
    }

    /// A row in a list: its text kept for this place when what it read outside is unchanged,
    /// else written and kept (a row inside a row being written is written, not kept).
    private mutating func write(_ row: TemplateRow, _ ops: [TemplateOp], _ scope: Scope, at place: TemplateRow.Place) {
        if let text = row.text(at: place, lookUp: { lookUp($0) }) { return out += text }
        let start = out.count
        recording = (stack.count, [])
        open(.row(row), ops, scope)
        row.keep(TemplateRow.Rendering(place: place, outside: recording!.outside, bytes: Array(out[start...])))
        recording = nil
    }

    /// The value a name leads to: its first part looked up from the innermost value out, the
    /// rest inside what that found.
    private mutating func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }  // `.`
        var found: TemplateValue?
        if name.isAnchored {
            found = stack.last
        } else {
            var i = stack.count
            while i > 0, found == nil {
                i -= 1
                found = stack[i].child(first)
            }
            // A row being kept notes what it found outside itself, or found nowhere.
            if let frame = recording?.frame, found == nil || i < frame {
                let value = found.flatMap { descend(name, from: $0) }
                recording?.outside.append((name, value))
                return value
            }
            guard found != nil else { return nil }
        }
        return found.flatMap { descend(name, from: $0) }
    }

    /// The rest of a name's parts, inside the value its first part found.
    private func descend(_ name: TemplateName, from found: TemplateValue) -> TemplateValue? {
        var found = found
        for part in name.parts.dropFirst(name.isAnchored ? 0 : 1) {
            guard let value = found.child(part) else { return nil }
            found = value
        }
        return found
    }

    /// A value as text: texts and HTML as they are (escaped where the template escapes),
    /// flags as `true` and `false`. Maps and lists, which swift-mustache writes as Swift
    /// describes them, write nothing.
    private mutating func write(_ value: TemplateValue, escaping: Bool) {
        switch value {
        case let .text(text):
            // A native String's own bytes; a bridged one's copied.
            if text.utf8.withContiguousStorageIfAvailable({ append($0, escaping: escaping) }) == nil {
                Array(text.utf8).withUnsafeBufferPointer { append($0, escaping: escaping) }
            }
        case let .html(bytes):
            bytes.withUnsafeBufferPointer { append($0, escaping: escaping) }
        case let .flag(flag):
            out += flag ? Array("true".utf8) : Array("false".utf8)
        case .strings, .map, .list, .row:
            return
        }
    }

    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, escaping: Bool) {
        guard escaping else { return out.append(contentsOf: bytes) }
        Escape.append(bytes, apostrophe: true, to: &out)
    }
}
