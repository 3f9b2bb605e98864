import Foundation

/// Filling a skeleton: the template's text with each slot's value put in.
extension TemplateSkeleton {
    /// The page for a context of this skeleton's shape; with `bounds`, notes where each slot's
    /// value starts and ends.
    func fill(_ shape: TemplateShape, bounds: UnsafeMutablePointer<[(start: Int, end: Int)]>? = nil) -> [UInt8] {
        // Into memory of the page's size at most, copied with memcpy: this loop runs for every
        // value of 10,000 rows, and growing an array by 400,000 small appends took longer than
        // the rest of adding a case in `serve`.
        text.withUnsafeBufferPointer { text in
            shape.values.withUnsafeBufferPointer { values in
                var capacity = text.count
                for slot in slots { capacity += TemplateSkeleton.maxCount(values[slot.value], escaped: slot.escaped) }
                return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                    guard let out = buffer.baseAddress else { return }
                    var at = 0, start = 0
                    for slot in slots {
                        if slot.textEnd > start {
                            memcpy(out + at, text.baseAddress! + start, slot.textEnd - start)
                            at += slot.textEnd - start
                        }
                        start = slot.textEnd
                        let before = at
                        TemplateSkeleton.write(values[slot.value], escaped: slot.escaped, to: out, at: &at)
                        bounds?.pointee.append((before, at))
                    }
                    if text.count > start {
                        memcpy(out + at, text.baseAddress! + start, text.count - start)
                        at += text.count - start
                    }
                    count = at
                }
            }
        }
    }

    /// The most bytes a value can take on the page: escaping makes a byte six at most (`&quot;`).
    fileprivate static func maxCount(_ value: TemplateShape.Value, escaped: Bool) -> Int {
        switch value {
        case let .text(text, plain): return escaped && !plain ? text.utf8.count * 6 : text.utf8.count
        case let .bytes(_, count, plain): return escaped && !plain ? count * 6 : count
        case let .html(bytes, plain): return escaped && !plain ? bytes.count * 6 : bytes.count
        }
    }

    /// Writes a value at `out + at`.
    fileprivate static func write(_ value: TemplateShape.Value, escaped: Bool, to out: UnsafeMutablePointer<UInt8>, at: inout Int) {
        withBytes(of: value, escaped: escaped) { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            memcpy(out + at, base, bytes.count)
            at += bytes.count
        }
    }

    /// Appends a value to `out`.
    static func append(_ value: TemplateShape.Value, escaped: Bool, to out: inout [UInt8]) {
        withBytes(of: value, escaped: escaped) { out.append(contentsOf: $0) }
    }

    /// Calls `body` with a value's bytes as the page has them: escaped where the template
    /// escapes it (most texts need no escaping, and were found so when the shape was walked).
    private static func withBytes(of value: TemplateShape.Value, escaped: Bool, _ body: (UnsafeRawBufferPointer) -> Void) {
        switch value {
        case .text(var text, let plain):
            if escaped && !plain { text = text.htmlEscaped }
            text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        case let .bytes(pointer, count, plain):
            withBytes(UnsafeRawBufferPointer(start: pointer, count: count), escaping: escaped && !plain, body)
        case let .html(bytes, plain):
            bytes.withUnsafeBytes { withBytes($0, escaping: escaped && !plain, body) }
        }
    }

    /// Calls `body` with `bytes`, HTML-escaped when `escaping`.
    private static func withBytes(_ bytes: UnsafeRawBufferPointer, escaping: Bool, _ body: (UnsafeRawBufferPointer) -> Void) {
        guard escaping else { return body(bytes) }
        var text = String(decoding: bytes, as: UTF8.self).htmlEscaped
        text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    }
}
