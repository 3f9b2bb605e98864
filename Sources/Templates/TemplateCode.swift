/// A theme's compiled templates laid out flat for `TemplateRun`: every template's operations in
/// one array, a section's inside it followed by the index after them, texts as ranges of one
/// byte array, names as indices. An operation holds only numbers, so running a page copies no
/// reference: walking the tree of `TemplateOp`s counted a reference for each operation, text
/// and name it passed, a third of a case page's template time.
struct TemplateCode: Sendable {
    enum Op: Sendable {
        case text(start: Int32, count: Int32)
        case value(name: Int32, escaped: Bool)
        /// The section's operations follow it, up to `end`.
        case section(name: Int32, end: Int32, id: Int32)
        case inverted(name: Int32, end: Int32)
        case partial(Int32)
        /// The block's own operations (what it writes unless a child fills it in) follow it.
        case block(Int32, end: Int32)
        case escaping(Bool)
    }

    /// `{{>name}}` or `{{<name}}`: what `TemplateOp.partial` holds, its blocks as operations here.
    struct Partial: Sendable {
        let name: String
        let indentation: [UInt8]
        var inherits: [String: Range<Int32>]?
    }

    struct Block: Sendable {
        let name: String
        let indentation: [UInt8]
    }

    private(set) var ops: [Op] = []
    private(set) var bytes: [UInt8] = []
    /// Each name, its parts laid out as `parts[first..<first + count]`: a page's run reads them
    /// where they lie. Copying a `TemplateName` out of an array counted a reference to its array
    /// of parts: one count, written by every page on both cores.
    private(set) var spans: [Span] = []
    private(set) var parts: [String] = []

    struct Span: Sendable {
        let first: Int32
        let count: Int32
        let isAnchored: Bool
    }
    private(set) var partials: [Partial] = []
    private(set) var blocks: [Block] = []
    /// Each template's operations.
    private(set) var templates: [String: Range<Int32>] = [:]

    init(_ compiled: [String: [TemplateOp]]) {
        var nameIndex: [String: Int32] = [:]
        // Sorted, so that the layout is the same on every run.
        var filled: [(partial: Int, block: String, ops: [TemplateOp])] = []
        for (name, ops) in compiled.sorted(by: { $0.key < $1.key }) {
            templates[name] = lay(ops, &nameIndex, &filled)
        }
        // The blocks a partial fills in are laid after the templates, not inside the one that
        // fills them, which runs its operations in a row.
        while let (partial, block, ops) = filled.popLast() {
            let laid = lay(ops, &nameIndex, &filled)
            partials[partial].inherits?[block] = laid
        }
    }

    /// Appends `tree` and returns where it went.
    private mutating func lay(_ tree: [TemplateOp], _ nameIndex: inout [String: Int32],
                              _ filled: inout [(partial: Int, block: String, ops: [TemplateOp])]) -> Range<Int32> {
        let start = Int32(ops.count)
        for op in tree {
            switch op {
            case let .text(text):
                ops.append(.text(start: Int32(bytes.count), count: Int32(text.count)))
                bytes += text
            case let .value(name, escaped):
                ops.append(.value(name: index(name, &nameIndex), escaped: escaped))
            case let .section(name, inner, id):
                let at = ops.count
                ops.append(.escaping(true))  // the section's place, set once its end is known
                let end = lay(inner, &nameIndex, &filled).upperBound
                ops[at] = .section(name: index(name, &nameIndex), end: end, id: Int32(id))
            case let .inverted(name, inner):
                let at = ops.count
                ops.append(.escaping(true))
                let end = lay(inner, &nameIndex, &filled).upperBound
                ops[at] = .inverted(name: index(name, &nameIndex), end: end)
            case let .partial(name, indentation, inherits):
                partials.append(Partial(name: name, indentation: indentation ?? [], inherits: inherits.map { _ in [:] }))
                for (block, ops) in inherits ?? [:] { filled.append((partials.count - 1, block, ops)) }
                ops.append(.partial(Int32(partials.count - 1)))
            case let .block(name, inner, indentation):
                blocks.append(Block(name: name, indentation: indentation ?? []))
                let at = ops.count
                ops.append(.escaping(true))
                let end = lay(inner, &nameIndex, &filled).upperBound
                ops[at] = .block(Int32(blocks.count - 1), end: end)
            case let .escaping(escapes):
                ops.append(.escaping(escapes))
            }
        }
        return start..<Int32(ops.count)
    }

    private mutating func index(_ name: TemplateName, _ nameIndex: inout [String: Int32]) -> Int32 {
        let key = (name.isAnchored ? "." : "") + name.parts.joined(separator: ".")
        if let i = nameIndex[key] { return i }
        spans.append(Span(first: Int32(parts.count), count: Int32(name.parts.count), isAnchored: name.isAnchored))
        parts += name.parts
        nameIndex[key] = Int32(spans.count - 1)
        return Int32(spans.count - 1)
    }
}
