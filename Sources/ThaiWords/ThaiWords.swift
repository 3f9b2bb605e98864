import CThai
import Synchronization

/// Where Thai text may break between words. Thai is written without spaces between words, so
/// a line may break, and a search may find a word, only where a dictionary says one word ends
/// and the next begins: libthai's (`th_brk_wc_find_breaks`), the one Thai desktops break lines
/// with. Text in other scripts breaks where it has spaces, as before.
public enum ThaiWords {
    /// The positions in `text`, counted in Characters, before which a word starts: never 0 nor
    /// the end, never inside a grapheme cluster. Empty when the text has no Thai.
    public static func breaks(in text: String) -> [Int] {
        guard text.unicodeScalars.contains(where: isThai) else { return [] }
        // Ended by a 0: libthai takes no length and reads up to one. Without it the text's last
        // word ran on into whatever lay after the array in memory ("ระบบ" broken "ระ|บบ", once
        // in a CI run of the whole suite).
        var scalars = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        let count = scalars.count
        scalars.append(0)
        var positions = [Int32](repeating: 0, count: count + 1)
        let found = Breakers.shared.use { brk -> Int in
            scalars.withUnsafeBufferPointer { s in
                positions.withUnsafeMutableBufferPointer { p in
                    Int(th_brk_wc_find_breaks(brk, s.baseAddress, p.baseAddress, p.count))
                }
            }
        }
        guard let found, found > 0 else { return [] }
        // Scalar offsets to Character offsets: a break libthai puts inside a cluster is dropped.
        var atScalar: [Int: Int] = [:]
        var scalar = 0
        for (index, character) in text.enumerated() {
            atScalar[scalar] = index
            scalar += character.unicodeScalars.count
        }
        return positions.prefix(found).compactMap { atScalar[Int($0)] }.filter { $0 > 0 }
    }

    /// The text's words: the pieces between breaks and spaces.
    public static func words(in text: String) -> [String] {
        let characters = Array(text)
        var pieces: [String] = []
        var start = 0
        for end in breaks(in: text) + [characters.count] {
            pieces += String(characters[start..<end]).split(whereSeparator: \.isWhitespace).map(String.init)
            start = end
        }
        return pieces
    }

    /// The text with a zero-width space (U+200B) at each break between Thai words that has no
    /// space beside it: where a line may break without showing anything. For text sopsite wraps
    /// itself (the flowchart's boxes and lanes, the charts' labels), which breaks there first.
    public static func marked(_ text: String) -> String {
        let breaks = breaks(in: text)
        guard !breaks.isEmpty else { return text }
        let characters = Array(text)
        var out = ""
        var start = 0
        for at in breaks {
            out += String(characters[start..<at])
            if !characters[at - 1].isWhitespace, !characters[at].isWhitespace,
               characters[at - 1] != zeroWidthSpace, characters[at] != zeroWidthSpace {
                out.append(zeroWidthSpace)
            }
            start = at
        }
        return out + String(characters[start...])
    }

    public static let zeroWidthSpace: Character = "\u{200B}"

    /// Thai letters, vowels, tone marks and digits (U+0E00–U+0E7F).
    static func isThai(_ scalar: Unicode.Scalar) -> Bool {
        (0x0E00...0x0E7F).contains(scalar.value)
    }
}

/// libthai's breakers, one per thread at a time: a breaker keeps state between calls, so it is
/// not shared; each holds the dictionary, so they are made once and kept.
private final class Breakers: Sendable {
    static let shared = Breakers()
    /// A breaker is used by one thread at a time: passing it between threads is safe.
    private struct Breaker: @unchecked Sendable { let pointer: OpaquePointer }
    private let idle = Mutex<[Breaker]>([])

    /// Runs `body` with a breaker; nil when libthai cannot make one (no dictionary: Debian's
    /// libthai-data is missing), and then Thai text has no breaks.
    func use<T>(_ body: (OpaquePointer) -> T) -> T? {
        guard let brk = idle.withLock({ $0.popLast() })?.pointer ?? th_brk_new(nil) else { return nil }
        defer { idle.withLock { $0.append(Breaker(pointer: brk)) } }
        return body(brk)
    }
}
