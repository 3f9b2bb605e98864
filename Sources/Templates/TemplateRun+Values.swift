import Escaping

/// How a run finds the value a name leads to, and writes a value as text.
extension TemplateRun {
    /// The value a name leads to: its first part looked up from the innermost value out, the
    /// rest inside what that found.
    mutating func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }  // `.`
        var found: TemplateValue?
        if name.isAnchored {
            found = stack.last
        } else {
            // Each value asked where it lies on the stack, not copied out of it first.
            var i = stack.count
            stack.withUnsafeBufferPointer { stack in
                while i > 0, found == nil {
                    i -= 1
                    found = stack[i].child(first)
                }
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
        // By index: a slice of the parts counted a reference for every name a page writes.
        var i = name.isAnchored ? 0 : 1
        guard i < name.parts.count else { return found }
        var found = found
        while i < name.parts.count {
            guard let value = found.child(name.parts[i]) else { return nil }
            found = value
            i += 1
        }
        return found
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
