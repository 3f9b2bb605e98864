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
        }
    }

    /// Writes a value at `out + at`, as `append` does.
    fileprivate static func write(_ value: TemplateShape.Value, escaped: Bool, to out: UnsafeMutablePointer<UInt8>, at: inout Int) {
        func copy(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            memcpy(out + at, base, bytes.count)
            at += bytes.count
        }
        switch value {
        case .text(var text, let plain):
            if escaped && !plain { text = text.htmlEscaped }
            text.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
        case let .bytes(pointer, count, plain):
            let bytes = UnsafeRawBufferPointer(start: pointer, count: count)
            if escaped && !plain {
                var escapedText = String(decoding: bytes, as: UTF8.self).htmlEscaped
                escapedText.withUTF8 { copy(UnsafeRawBufferPointer($0)) }
            } else {
                copy(bytes)
            }
        }
    }

    /// A value as the page has it: escaped where the template escapes it.
    static func append(_ value: TemplateShape.Value, escaped: Bool, to out: inout [UInt8]) {
        switch value {
        case let .text(value, plain):
            if escaped && !plain {
                out.append(contentsOf: value.htmlEscaped.utf8)
            } else {
                value.utf8.withContiguousStorageIfAvailable { out.append(contentsOf: $0) } ?? out.append(contentsOf: value.utf8)
            }
        case let .bytes(pointer, count, plain):
            let bytes = UnsafeRawBufferPointer(start: pointer, count: count)
            if escaped && !plain {
                out.append(contentsOf: String(decoding: bytes, as: UTF8.self).htmlEscaped.utf8)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}
