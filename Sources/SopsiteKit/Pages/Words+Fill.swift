import Escaping

/// Interface strings that take values (`{n}`, `{used}`...), read once when the words are made:
/// case pages fill tens of them each, and each fill looked for braces and names again.
extension Words {
    /// A string's bytes and each `{name}` in it: from every "{" to the next "}".
    struct Fillable {
        let bytes: [UInt8]
        let places: [(open: Int, close: Int, name: String)]

        init(_ text: String) {
            bytes = Array(text.utf8)
            var places: [(open: Int, close: Int, name: String)] = []
            for open in bytes.indices where bytes[open] == 0x7B {  // "{"
                guard let close = bytes[(open + 1)...].firstIndex(of: 0x7D) else { break }  // "}"
                places.append((open, close, String(decoding: bytes[(open + 1)..<close], as: UTF8.self)))
            }
            self.places = places
        }
    }

    /// The string `key` with each `{name}` of `values` put in, left to right; a brace whose
    /// name has no value stays as it is, and the values' own text is not looked into.
    func fill(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        guard let fillable = fillables[key] else { return self[key] }
        return fillable.filled(values)
    }
}

extension Words.Fillable {
    /// The text with each `{name}` of `values` put in (see `Words.fill`). Counted first, then
    /// written once into the String's own memory: built in an array and copied into a String,
    /// each fill made its text twice (case pages fill tens each).
    func filled(_ values: KeyValuePairs<String, String>) -> String {
        func value(_ name: String) -> String? { values.first(where: { $0.key == name })?.value }
        var count = bytes.count
        var at = 0
        for place in places where place.open >= at {
            guard let value = value(place.name) else { continue }
            count += value.utf8.count - (place.close + 1 - place.open)
            at = place.close + 1
        }
        return String(unsafeUninitializedCapacity: count) { out in
            var n = 0
            func put(_ piece: UnsafeBufferPointer<UInt8>) {
                _ = UnsafeMutableBufferPointer(rebasing: out[n..<(n + piece.count)]).initialize(fromContentsOf: piece)
                n += piece.count
            }
            bytes.withUnsafeBufferPointer { bytes in
                var at = 0
                for place in places where place.open >= at {
                    guard let value = value(place.name) else { continue }
                    put(UnsafeBufferPointer(rebasing: bytes[at..<place.open]))
                    value.withBytes(put)
                    at = place.close + 1
                }
                put(UnsafeBufferPointer(rebasing: bytes[at...]))
            }
            return n
        }
    }
}
