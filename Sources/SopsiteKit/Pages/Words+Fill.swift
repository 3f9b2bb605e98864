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
        var out: [UInt8] = []
        out.reserveCapacity(fillable.bytes.count + 32)
        var at = 0
        for place in fillable.places where place.open >= at {
            guard let value = values.first(where: { $0.key == place.name })?.value else { continue }
            out += fillable.bytes[at..<place.open]
            out += value.utf8
            at = place.close + 1
        }
        out += fillable.bytes[at...]
        return String(decoding: out, as: UTF8.self)
    }
}
