import Foundation

/// A page's values written straight into their `TemplateShape`: the key and the texts that
/// walking the page's dictionary would give, without the dictionary (`TemplateShapeTests`
/// compares the two). A template's sections read maps in the walk's order, names sorted;
/// entries written out of order are put in order when their map closes, by moving their bytes
/// and texts, so a page may write them as it reads best.
struct TemplateShapeWriter: TemplateContext {
    private var key: [UInt8] = []
    private var values: [TemplateShape.Value] = []
    private var shared: [TemplateValues] = []
    /// False once a value could not be told from a marker or a name came twice: the page then
    /// renders from its dictionary.
    private var isShaped = true
    /// The entries of the maps open, outermost first: each name and where its bytes and texts start.
    private var entries: [Entry] = []
    /// Where each open map's entries start in `entries`, and whether they came in order so far.
    private var maps: [(first: Int, inOrder: Bool)] = []

    private struct Entry {
        let name: StaticString
        let key: Int
        let value: Int
    }

    init() {
        self.init(values: 256)
    }

    /// Room for about `values` texts: a page has hundreds, a list's row a dozen.
    init(values count: Int) {
        key.reserveCapacity(count * 16)
        values.reserveCapacity(count)
        entries.reserveCapacity(count / 4 + 8)
        openMap()
    }

    /// The shape of the values written; nil when they have none (see `isShaped`).
    mutating func finish() -> TemplateShape? {
        closeMap()
        return isShaped ? TemplateShape(key: key, values: values, shared: shared) : nil
    }

    mutating func text(_ name: StaticString, _ value: String) {
        let look = TemplateSkeleton.look(at: value)
        text(name, .text(value, plain: look.isPlain), hasMarker: look.hasMarker)
    }

    mutating func html(_ name: StaticString, _ bytes: [UInt8]) {
        let look = bytes.withUnsafeBufferPointer(TemplateSkeleton.look(at:))
        text(name, .html(bytes, plain: look.isPlain), hasMarker: look.hasMarker)
    }

    private mutating func text(_ name: StaticString, _ value: TemplateShape.Value, hasMarker: Bool) {
        entry(name)
        if hasMarker { isShaped = false }
        key.append(0x73)  // s
        values.append(value)
    }

    mutating func flag(_ name: StaticString, _ value: Bool) {
        entry(name)
        key.append(value ? 0x54 : 0x46)  // T, F
    }

    mutating func shared(_ name: StaticString, _ value: TemplateValues) {
        entry(name)
        key.append(0x40)  // @ and the object's address
        withUnsafeBytes(of: ObjectIdentifier(value)) { key += $0 }
        shared.append(value)
    }

    mutating func map(_ name: StaticString, _ fill: (inout TemplateShapeWriter) -> Void) {
        entry(name)
        openMap()
        fill(&self)
        closeMap()
    }

    mutating func list<Items: Sequence>(_ name: StaticString, _ items: Items,
                                        _ fill: (inout TemplateShapeWriter, Items.Element) -> Void) {
        entry(name)
        key.append(0x5B)  // [
        for item in items {
            openMap()
            fill(&self, item)
            closeMap()
        }
        key.append(0x5D)  // ]
    }

    private mutating func entry(_ name: StaticString) {
        let map = maps.count - 1
        if maps[map].inOrder, entries.count > maps[map].first,
           !TemplateShapeWriter.precedes(entries[entries.count - 1].name, name) {
            maps[map].inOrder = false
        }
        entries.append(Entry(name: name, key: key.count, value: values.count))
        name.withUTF8Buffer { key += $0 }
        key.append(0x3A)  // :
    }

    private mutating func openMap() {
        key.append(0x7B)  // {
        maps.append((entries.count, true))
    }

    private mutating func closeMap() {
        let map = maps.removeLast()
        if !map.inOrder { reorder(from: map.first) }
        entries.removeSubrange(map.first...)
        key.append(0x7D)  // }
    }

    /// Puts the open map's entries (from `first` on) in name order: their key bytes and their
    /// texts, the texts moved without counting references.
    private mutating func reorder(from first: Int) {
        let order = (first..<entries.count).sorted { TemplateShapeWriter.precedes(entries[$0].name, entries[$1].name) }
        for (a, b) in zip(order, order.dropFirst()) where !TemplateShapeWriter.precedes(entries[a].name, entries[b].name) {
            isShaped = false  // a name twice: the dictionary keeps the last, the walk would see one
            return
        }
        // Each entry runs to the next one's start; the last to the end.
        let starts = entries[first...].map { (key: $0.key, value: $0.value) } + [(key: key.count, value: values.count)]
        let spans = order.map { i in (key: starts[i - first].key..<starts[i - first + 1].key,
                                      value: starts[i - first].value..<starts[i - first + 1].value) }
        let keyStart = starts[0].key, valueStart = starts[0].value
        var sortedKey: [UInt8] = []
        sortedKey.reserveCapacity(key.count - keyStart)
        for span in spans { sortedKey += key[span.key] }
        key.replaceSubrange(keyStart..., with: sortedKey)
        values.withUnsafeMutableBufferPointer { all in
            let base = all.baseAddress!, count = all.count - valueStart
            let moved = UnsafeMutablePointer<TemplateShape.Value>.allocate(capacity: max(count, 1))
            var at = 0
            for span in spans.map(\.value) {
                (moved + at).moveInitialize(from: base + span.lowerBound, count: span.count)
                at += span.count
            }
            (base + valueStart).moveInitialize(from: moved, count: count)
            moved.deallocate()
        }
    }

    /// Does name `a` sort before name `b`, as the walk sorts keys? Names are ASCII, so their
    /// bytes' order is `String`'s.
    private static func precedes(_ a: StaticString, _ b: StaticString) -> Bool {
        // Names are literals held as pointers: their first bytes mostly differ already.
        if a.hasPointerRepresentation && b.hasPointerRepresentation {
            let (x, y) = (a.utf8Start, b.utf8Start)
            if x.pointee != y.pointee { return x.pointee < y.pointee }
            let common = memcmp(x, y, min(a.utf8CodeUnitCount, b.utf8CodeUnitCount))
            return common < 0 || (common == 0 && a.utf8CodeUnitCount < b.utf8CodeUnitCount)
        }
        return a.withUTF8Buffer { a in
            b.withUTF8Buffer { b in
                let common = memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count))
                return common < 0 || (common == 0 && a.count < b.count)
            }
        }
    }
}
