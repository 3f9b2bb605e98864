/// A template rendered once for a shape of context (`TemplateShape`): its text, with the places
/// where each value goes and whether the template escaped it there.
///
/// The skeleton is made by rendering the context with every text replaced by a marker: U+FDD0
/// (a noncharacter, which no page may contain), the value's number, `&`, U+FDD1. An escaping
/// content type turns the `&` into `&amp;`, so the rendered text tells `{{value}}` from
/// `{{{value}}}`; sections, lists and partials have already been resolved by swift-mustache.
struct TemplateSkeleton {
    private enum Part {
        case text([UInt8])
        case value(Int, escaped: Bool)
    }

    private let parts: [Part]
    private let textSize: Int
    /// Kept alive while the skeleton is cached: their identity is part of its key.
    let shared: [TemplateValues]

    static func marker(_ number: Int) -> String { opening + String(number) + "&" + closing }
    // Swift's string literals refuse noncharacters.
    private static let opening = String(Character(Unicode.Scalar(0xFDD0)!))
    private static let closing = String(Character(Unicode.Scalar(0xFDD1)!))

    /// Does `text` contain U+FDD0 or U+FDD1 (bytes EF B7 90, EF B7 91)? Such a value could not be
    /// told from a marker.
    static func containsMarker(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            for i in 0..<(bytes.count - 2) where bytes[i] == 0xEF && bytes[i + 1] == 0xB7 {
                if bytes[i + 2] == 0x90 || bytes[i + 2] == 0x91 { return true }
            }
            return false
        }
    }

    /// Reads the markers back out of a rendering; nil when the text has a marker it cannot read
    /// (a template that writes U+FDD0 itself, a content type that escapes differently).
    init?(rendered: String, valueCount: Int, shared: [TemplateValues]) {
        let bytes = Array(rendered.utf8)
        let open: [UInt8] = [0xEF, 0xB7, 0x90], close: [UInt8] = [0xEF, 0xB7, 0x91]
        let raw: [UInt8] = [0x26], escaped = Array("&amp;".utf8)
        var parts: [Part] = [], text: [UInt8] = [], i = 0
        func starts(_ word: [UInt8], at j: Int) -> Bool {
            j + word.count <= bytes.count && bytes[j..<(j + word.count)].elementsEqual(word)
        }
        while i < bytes.count {
            guard starts(open, at: i) || starts(close, at: i) else {
                text.append(bytes[i])
                i += 1
                continue
            }
            guard starts(open, at: i) else { return nil }
            var j = i + 3, number = 0
            while j < bytes.count, (0x30...0x39).contains(bytes[j]), number < valueCount {
                number = number * 10 + Int(bytes[j] - 0x30)
                j += 1
            }
            guard j > i + 3, number < valueCount else { return nil }
            let isEscaped = starts(escaped, at: j)
            guard isEscaped || starts(raw, at: j) else { return nil }
            j += isEscaped ? escaped.count : raw.count
            guard starts(close, at: j) else { return nil }
            if !text.isEmpty { parts.append(.text(text)) }
            text = []
            parts.append(.value(number, escaped: isEscaped))
            i = j + 3
        }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
        self.shared = shared
        textSize = parts.reduce(0) { if case let .text(t) = $1 { $0 + t.count } else { $0 } }
    }

    /// The page for `values` (a `TemplateShape`'s, in its order).
    func fill(_ values: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(textSize + values.reduce(0) { $0 + $1.utf8.count } + 256)
        for part in parts {
            switch part {
            case let .text(text): out += text
            case let .value(n, escaped: false): out += values[n].utf8
            case let .value(n, escaped: true): out += values[n].htmlEscaped.utf8
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
