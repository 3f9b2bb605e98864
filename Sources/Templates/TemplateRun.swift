/// A page's template run over its values into bytes, one operation after another, as
/// swift-mustache would render them (`TemplateRunTests` compares the two): names looked up
/// the stack of values a section opened, partials and parents through the theme's templates,
/// the lines of a partial standing alone indented as its tag is.
struct TemplateRun {
    var out: [UInt8] = []
    private let code: TemplateCode
    /// The values opened, outermost first: the page's, then each section's.
    var stack: [TemplateValue] = []
    /// The page's template: a row keeps its text per page.
    private var page = ""
    /// While a row is written to be kept: where its values are on the stack, and what it read
    /// from below them.
    var recording: (frame: Int, outside: [(name: TemplateName, value: TemplateValue?)])?
    /// The theme's strings among the page's values, and their name (`t`): see `writeString`.
    var strings: (name: String, value: TemplateStrings)?

    /// What a template runs with, beside the values: swift-mustache's context.
    private struct Scope {
        var escapes = true
        /// The indentation of a partial standing alone on its line; empty for none.
        var indentation: [UInt8] = []
        /// The blocks a child template fills in its parent's (`{{$name}}`).
        var inherited: [String: Range<Int32>] = [:]
    }

    /// The code's operations and texts, read in place while a page runs.
    struct Program {
        let ops: UnsafeBufferPointer<TemplateCode.Op>
        let bytes: UnsafeBufferPointer<UInt8>
        let spans: UnsafeBufferPointer<TemplateCode.Span>
        let parts: UnsafeBufferPointer<String>
    }

    init(code: TemplateCode, capacity: Int) {
        self.code = code
        out.reserveCapacity(capacity)
    }

    /// Runs template `name` over `values`, appending to `out`.
    mutating func run(_ name: String, _ values: TemplateMap) {
        guard let range = code.templates[name] else { return }
        page = name
        stack = [.map(values)]
        strings = TemplateRun.strings(in: values)
        let code = self.code
        code.ops.withUnsafeBufferPointer { ops in
            code.bytes.withUnsafeBufferPointer { bytes in
                code.spans.withUnsafeBufferPointer { spans in
                    code.parts.withUnsafeBufferPointer { parts in
                        var scope = Scope()
                        run(range, &scope, Program(ops: ops, bytes: bytes, spans: spans, parts: parts))
                    }
                }
            }
        }
    }

    /// `scope` is as it was after: a template's `{{% CONTENT_TYPE}}` holds to its end.
    private mutating func run(_ range: Range<Int32>, _ scope: inout Scope, _ program: Program) {
        let escapes = scope.escapes
        defer { scope.escapes = escapes }
        var i = Int(range.lowerBound)
        let end = Int(range.upperBound)
        guard !scope.indentation.isEmpty else {
            while i < end { i = perform(at: i, &scope, program) }
            return
        }
        // swift-mustache indents what an operation writes when what this template wrote so
        // far ends a line ("\n", not "\r\n": the last Character).
        let start = out.count
        while i < end {
            let n = out.count
            let atLineStart = n > start && out[n - 1] == 0x0A && !(n - 1 > start && out[n - 2] == 0x0D)
            i = perform(at: i, &scope, program)
            if atLineStart && out.count > n { out.insert(contentsOf: scope.indentation, at: n) }
        }
    }

    /// Performs the operation at `i`; returns the index of the next one at its level.
    private mutating func perform(at i: Int, _ scope: inout Scope, _ program: Program) -> Int {
        switch program.ops[i] {
        case let .text(start, count):
            out.append(contentsOf: UnsafeBufferPointer(rebasing: program.bytes[Int(start)..<Int(start + count)]))
        case let .value(name, escaped):
            if writeString(name, escaping: escaped && scope.escapes, program) { break }
            guard let value = lookUp(name, program) else { break }
            write(value, escaping: escaped && scope.escapes)
        case let .section(name, end, id):
            let body = Int32(i + 1)..<end
            switch lookUp(name, program) {
            case nil, .flag(false)?: break
            case .flag(true)?: run(body, &scope, program)
            case let .list(items)?:
                for item in items {
                    if case let .row(row) = item, recording == nil {
                        write(row, body, &scope, program, at: TemplateRow.Place(page: page, section: Int(id), escapes: scope.escapes,
                                                                               indentation: scope.indentation))
                    } else {
                        open(item, body, &scope, program)
                    }
                }
            case let value?: open(value, body, &scope, program)
            }
            return Int(end)
        case let .inverted(name, end):
            let body = Int32(i + 1)..<end
            switch lookUp(name, program) {
            case nil, .flag(false)?: run(body, &scope, program)
            case let .list(items)? where items.isEmpty: open(.list(items), body, &scope, program)
            default: break
            }
            return Int(end)
        case let .partial(index):
            let partial = code.partials[Int(index)]
            guard let ops = code.templates[partial.name] else { break }
            // A partial starts in HTML; blocks already filled in stay as the outer template filled them.
            var inner = Scope(escapes: true, indentation: scope.indentation + partial.indentation, inherited: scope.inherited)
            if let inherits = partial.inherits { inner.inherited.merge(inherits) { outer, _ in outer } }
            run(ops, &inner, program)
        case let .block(index, end):
            let block = code.blocks[Int(index)]
            var inner = scope
            inner.indentation += block.indentation
            run(scope.inherited[block.name] ?? Int32(i + 1)..<end, &inner, program)
            return Int(end)
        case let .escaping(escapes):
            scope.escapes = escapes
        }
        return i + 1
    }

    private mutating func open(_ value: TemplateValue, _ body: Range<Int32>, _ scope: inout Scope, _ program: Program) {
        stack.append(value)
        run(body, &scope, program)
        stack.removeLast()
    }

    /// A row in a list: its text kept for this place when what it read outside is unchanged,
    /// else written and kept (a row inside a row being written is written, not kept).
    private mutating func write(_ row: TemplateRow, _ body: Range<Int32>, _ scope: inout Scope, _ program: Program,
                                at place: TemplateRow.Place) {
        if let text = row.text(at: place, lookUp: { lookUp($0) }) { return out += text }
        let start = out.count
        recording = (stack.count, [])
        open(.row(row), body, &scope, program)
        row.keep(TemplateRow.Rendering(place: place, outside: recording!.outside, bytes: Array(out[start...])))
        recording = nil
    }
}
