import Foundation

/// A template rendered once for a shape of context (`TemplateShape`): its text, with the places
/// where each value goes and whether the template escaped it there.
///
/// The skeleton is made by rendering the context with every text replaced by a marker: U+FDD0
/// (a noncharacter, which no page may contain), the value's number, `&`, U+FDD1. An escaping
/// content type turns the `&` into `&amp;`, so the rendered text tells `{{value}}` from
/// `{{{value}}}`; sections, lists and partials have already been resolved by swift-mustache.
struct TemplateSkeleton {
    /// A value's place: after the text up to `textEnd` (from the previous slot's), value number
    /// `value`, escaped or not. Plain numbers in one buffer, so filling 10,000 rows counts no
    /// references.
    struct Slot {
        var textEnd: Int
        var value: Int
        var escaped: Bool
    }

    /// The template's own text, all of it, with the slots' places between.
    let text: [UInt8]
    let slots: [Slot]
    /// Kept alive while the skeleton is cached: their identity is part of its key.
    let shared: [TemplateValues]

    static func marker(_ number: Int) -> String { opening + String(number) + "&" + closing }
    // Swift's string literals refuse noncharacters.
    private static let opening = String(Character(Unicode.Scalar(0xFDD0)!))
    private static let closing = String(Character(Unicode.Scalar(0xFDD1)!))

    /// Does `text` contain U+FDD0 or U+FDD1 (bytes EF B7 90, EF B7 91)? Such a value could not be
    /// told from a marker.
    static func containsMarker(_ text: String) -> Bool { look(at: text).hasMarker }

    /// One pass over a value's bytes: does it contain a marker character, and does it need no
    /// HTML escaping (no `& < > " '`)?
    static func look(at text: String) -> (hasMarker: Bool, isPlain: Bool) {
        // A string's own bytes where it has them (every native string): copying the string to
        // call `withUTF8` counted a reference for each of the hundred values of a page.
        if let look = text.utf8.withContiguousStorageIfAvailable(look(at:)) { return look }
        var text = text
        return text.withUTF8(look(at:))
    }

    static func look(at bytes: UnsafeBufferPointer<UInt8>) -> (hasMarker: Bool, isPlain: Bool) {
        guard let base = bytes.baseAddress else { return (false, true) }
        /// Does a marker character (EF B7 90 or EF B7 91) start at `i`, an EF?
        func isMarker(_ i: Int) -> Bool {
            i + 2 < bytes.count && bytes[i + 1] == 0xB7 && (bytes[i + 2] == 0x90 || bytes[i + 2] == 0x91)
        }
        // Most values are short (a date, a name, a note): one pass over their bytes, each told
        // by a bit mask, costs less than calling memchr and then looking again.
        if bytes.count <= 1024 {
            var isPlain = true
            for i in bytes.indices {
                let b = bytes[i]
                if b < 0x40 {
                    if (escapedBelow0x40 >> UInt64(b)) & 1 != 0 { isPlain = false }
                } else if b == 0xEF, isMarker(i) {
                    return (true, false)
                }
            }
            return (false, isPlain)
        }
        // A marker starts with EF, rare in any text: memchr finds each one at memory speed,
        // where a loop over every byte of 10,000 case reports took a tenth of their pages.
        var at = 0, hasMarker = false
        while at < bytes.count, let found = memchr(base + at, 0xEF, bytes.count - at) {
            let i = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if isMarker(i) {
                hasMarker = true
                break
            }
            at = i + 1
        }
        let isPlain = !bytes.contains { $0 < 0x40 && (escapedBelow0x40 >> UInt64($0)) & 1 != 0 }
        return (hasMarker, isPlain)
    }

    /// `" & ' < >` (0x22, 0x26, 0x27, 0x3C, 0x3E) as bits of one word.
    private static let escapedBelow0x40: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// A rendering read back: its texts and the values' places, in order.
    enum Token: Equatable {
        case text([UInt8])
        case value(Int, escaped: Bool)
    }

    init?(rendered: String, valueCount: Int, shared: [TemplateValues]) {
        guard let tokens = TemplateSkeleton.tokens(rendered: rendered, valueCount: valueCount) else { return nil }
        self.init(tokens: tokens, shared: shared)
    }

    init(text: [UInt8], slots: [Slot], shared: [TemplateValues]) {
        self.text = text
        self.slots = slots
        self.shared = shared
    }

    init(tokens: [Token], shared: [TemplateValues]) {
        var text: [UInt8] = [], slots: [Slot] = []
        for token in tokens {
            switch token {
            case let .text(bytes): text += bytes
            case let .value(number, escaped): slots.append(Slot(textEnd: text.count, value: number, escaped: escaped))
            }
        }
        self.text = text
        self.slots = slots
        self.shared = shared
    }

    /// The markers of a rendering read back; nil when the text has a marker it cannot read
    /// (a template that writes U+FDD0 itself, a content type that escapes differently).
    static func tokens(rendered: String, valueCount: Int) -> [Token]? {
        let bytes = Array(rendered.utf8)
        let open: [UInt8] = [0xEF, 0xB7, 0x90], close: [UInt8] = [0xEF, 0xB7, 0x91]
        let raw: [UInt8] = [0x26], escaped = Array("&amp;".utf8)
        var tokens: [Token] = [], text: [UInt8] = [], i = 0
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
            if !text.isEmpty { tokens.append(.text(text)) }
            text = []
            tokens.append(.value(number, escaped: isEscaped))
            i = j + 3
        }
        if !text.isEmpty { tokens.append(.text(text)) }
        return tokens
    }
}
