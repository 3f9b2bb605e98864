import Escaping

/// How a run finds the value a name leads to, and writes a value as text.
extension TemplateRun {
    /// The value name `index` of the code leads to, its parts read where they lie.
    mutating func lookUp(_ index: Int32, _ program: Program) -> TemplateValue? {
        let span = program.spans[Int(index)]
        let first = Int(span.first)
        let count = Int(span.count)
        return lookUp(count: count, isAnchored: span.isAnchored, { program.parts[first + $0] },
                      name: { TemplateName(parts: Array(program.parts[first..<first + count]), isAnchored: span.isAnchored) })
    }

    /// The value `name` leads to (a name a kept row read outside itself).
    mutating func lookUp(_ name: TemplateName) -> TemplateValue? {
        lookUp(count: name.parts.count, isAnchored: name.isAnchored, { name.parts[$0] }, name: { name })
    }

    /// The value a name of `count` parts leads to: its first part looked up from the innermost
    /// value out, the rest inside what that found.
    @inline(__always)
    private mutating func lookUp(count: Int, isAnchored: Bool, _ part: (Int) -> String,
                                 name: () -> TemplateName) -> TemplateValue? {
        guard count > 0 else { return stack.last }  // `.`
        var found: TemplateValue?
        if isAnchored {
            found = stack.last
        } else {
            // Each value asked where it lies on the stack, not copied out of it first.
            let first = part(0)
            var i = stack.count
            stack.withUnsafeBufferPointer { stack in
                while i > 0, found == nil {
                    i -= 1
                    found = stack[i].child(first)
                }
            }
            // A row being kept notes what it found outside itself, or found nowhere.
            if let frame = recording?.frame, found == nil || i < frame {
                let value = found.flatMap { descend(from: 1, count, part, $0) }
                recording?.outside.append((name(), value))
                return value
            }
            guard found != nil else { return nil }
        }
        return found.flatMap { descend(from: isAnchored ? 0 : 1, count, part, $0) }
    }

    /// Parts `start..<count` of a name, inside the value its first part found.
    @inline(__always)
    private func descend(from start: Int, _ count: Int, _ part: (Int) -> String, _ found: TemplateValue) -> TemplateValue? {
        var found = found
        var i = start
        while i < count {
            guard let value = found.child(part(i)) else { return nil }
            found = value
            i += 1
        }
        return found
    }

    /// The theme's strings the page's values hold (`t`), where a name finds them: the last
    /// value of that name is the one looked up.
    static func strings(in values: TemplateMap) -> (name: String, value: TemplateStrings)? {
        guard let last = values.entries.lastIndex(where: { if case .strings = $0.value { true } else { false } }),
              case let .strings(strings) = values.entries[last].value else { return nil }
        let name = values.entries[last].name
        guard !values.entries[(last + 1)...].contains(where: { $0.name == name }) else { return nil }
        return (name, strings)
    }

    /// Writes `{{t.key}}`, a string of the theme's, from where the strings keep it (escaped
    /// once), when no value a section opened has a `t` of its own, and returns true; false
    /// otherwise (looked up as any name). Every page writes forty: looked up through the page's
    /// values and copied, a string's count of references was touched from both cores at once.
    @inline(__always)
    mutating func writeString(_ index: Int32, escaping: Bool, _ program: Program) -> Bool {
        guard let strings, recording == nil else { return false }
        let span = program.spans[Int(index)]
        guard span.count == 2, !span.isAnchored, program.parts[Int(span.first)] == strings.name else { return false }
        let shadowed = stack.withUnsafeBufferPointer { stack in
            stack.dropFirst().contains { $0.has(strings.name) }  // the first is the page's values
        }
        guard !shadowed else { return false }
        strings.value.write(program.parts[Int(span.first) + 1], escaping: escaping, to: &out)
        return true
    }

    /// A value as text: texts and HTML as they are (escaped where the template escapes),
    /// flags as `true` and `false`. Maps and lists, which swift-mustache writes as Swift
    /// describes them, write nothing.
    mutating func write(_ value: TemplateValue, escaping: Bool) {
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
