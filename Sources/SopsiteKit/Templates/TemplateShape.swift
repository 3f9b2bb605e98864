import Foundation
import Mustache

/// Values every page shares and no page changes, such as the interface strings: a template reads
/// them as usual (`{{t.case_id}}`), and `TemplateShape` takes them as part of the template's text
/// instead of walking a hundred strings on every page. One object per theme and language.
final class TemplateValues: MustacheParent, @unchecked Sendable {
    let values: [String: String]

    init(_ values: [String: String]) {
        self.values = values
    }

    func child(named name: String) -> Any? { values[name] }
}

/// What a swift-mustache rendering depends on, apart from the text of the values: which keys
/// there are, how long each list is, each `true`/`false`, each absent value. Two contexts of one
/// shape render to the same text with their values in the same places, so the template runs once
/// per shape (see `TemplateSkeleton`) and every other page of that shape is filled in.
///
/// Walks in a fixed order (keys sorted), so `values[i]` is the i-th text met, in every context of
/// the shape. Nil when the context holds something a shape cannot stand for (a closure, an
/// unknown type) or a value containing the marker character; such pages render directly.
struct TemplateShape {
    /// The shape, as bytes: the dictionary key of the skeleton cache.
    private(set) var key: [UInt8] = []
    /// A text of the context: a string, with whether HTML escaping leaves it as it is (most
    /// texts: no `& < > " '`, found in the same look as the marker check, so filling a page does
    /// not look again); or the i-th text of a row.
    enum Value: Equatable {
        case text(String, plain: Bool)
        /// A row's text, in its `PackedTexts` (which `rows` keeps alive): a pointer and a count,
        /// so that 140,000 of them count no references.
        case bytes(UnsafeRawPointer, Int, plain: Bool)
        /// HTML made as bytes (a case's report), held by the shape.
        case html([UInt8], plain: Bool)
    }

    /// The texts of the context, in walk order.
    private(set) var values: [Value] = []
    /// The texts of the rows and the lists met: kept alive while their bytes are values.
    private(set) var rows: [PackedTexts] = []
    private(set) var lists: [TemplateList] = []
    /// Shared value objects met: the cache keeps them alive, as the key holds their identity.
    private(set) var shared: [TemplateValues] = []

    init?(_ context: [String: Any]) {
        key.reserveCapacity(1024)
        values.reserveCapacity(128)
        guard walk(context) else { return nil }
    }

    /// A shape written by a page itself (`TemplateShapeWriter`).
    init(key: [UInt8], values: [Value], shared: [TemplateValues]) {
        self.key = key
        self.values = values
        self.shared = shared
    }

    private mutating func walk(_ value: Any) -> Bool {
        // Told by its type, asked once: a failed cast costs more than a text, and casting a
        // dictionary or a list to a class would convert it to an NSDictionary or NSArray
        // (Foundation's bridging) just to fail. Texts first: most values of a page are texts.
        let type = type(of: value)
        if type == String.self { return walk(text: value as! String) }
        if type == TemplateRow.self {
            let row = unsafeDowncast(value as AnyObject, to: TemplateRow.self)
            guard let number = row.shapeNumber else { return false }
            key += number
            values += row.texts.values
            rows.append(row.texts)
            if !row.shared.isEmpty { shared += row.shared }
            return true
        }
        if type == TemplateList.self {
            let list = unsafeDowncast(value as AnyObject, to: TemplateList.self)
            guard list.isShaped else { return false }
            key.append(0x5B)  // [
            key += list.keys.elements
            key.append(0x5D)  // ]
            values += list.values.elements
            lists.append(list)
            shared += list.shared
            return true
        }
        // The types pages are made of: casting [[String: Any]] or [String: String] to [Any] or
        // [String: Any] copies it.
        if type == [String: Any].self { return walk(map: value as! [String: Any]) }
        if type == [String: String].self { return walk(map: value as! [String: String]) }
        if type == [[String: Any]].self { return walk(list: value as! [[String: Any]]) }
        if type == [[String: String]].self { return walk(list: value as! [[String: String]]) }
        if type == [String].self { return walk(list: value as! [String]) }
        if type == [Any].self { return walk(list: value as! [Any]) }
        switch value {
        case let text as String:
            return walk(text: text)
        case let flag as Bool:
            key.append(flag ? 0x54 : 0x46)  // T, F: sections depend on them
        case let number as Int:
            key.append(0x73)
            values.append(.text(String(number), plain: true))
        case let map as [String: Any]:
            return walk(map: map)
        case let list as [Any]:
            return walk(list: list)
        case let fixed as TemplateValues:
            key.append(0x40)  // @ and the object's address
            withUnsafeBytes(of: ObjectIdentifier(fixed)) { key += $0 }
            shared.append(fixed)
        default:
            guard TemplateShape.isAbsent(value) else { return false }
            key.append(0x30)  // 0: an absent value closes sections
        }
        return true
    }

    private mutating func walk(text: String) -> Bool {
        let look = TemplateSkeleton.look(at: text)
        guard !look.hasMarker else { return false }
        key.append(0x73)  // s
        values.append(.text(text, plain: look.isPlain))
        return true
    }

    private mutating func walk<Value>(map: [String: Value]) -> Bool {
        key.append(0x7B)  // {
        // Sorted with their values: looking each key up again hashed it a second time.
        for (name, value) in map.sorted(by: { $0.key < $1.key }) {
            key += name.utf8
            key.append(0x3A)  // :
            guard walk(value) else { return false }
        }
        key.append(0x7D)  // }
        return true
    }

    private mutating func walk<Item>(list: [Item]) -> Bool {
        key.append(0x5B)  // [
        for item in list { guard walk(item) else { return false } }
        key.append(0x5D)  // ]
        return true
    }

    /// An optional holding nothing, put in a context as `Any`.
    private static func isAbsent(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }
}
