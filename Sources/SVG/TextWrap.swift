import Escaping

/// Text measuring and line wrapping without a font (the flowchart's boxes, the reports' chart labels): the page's font (Sarabun) is chosen by CSS,
/// so widths are estimates. Each grapheme cluster counts as 0.55 em; Thai vowel and tone marks
/// combine into their consonant's cluster and so add no width. The one exception is sara am
/// (ำ): Unicode joins it to its consonant's cluster, but it is a full-width vowel on the line.
public enum TextWrap {
    public static let emPerCluster = 0.55

    /// Estimated drawn width of `text` at `fontSize`.
    public static func width(_ text: Substring, fontSize: Double) -> Double {
        Double(units(text)) * emPerCluster * fontSize
    }

    /// Width units: one per grapheme cluster, plus one per sara am; none for a zero-width space.
    public static func units(_ text: Substring) -> Int {
        // ASCII and Thai counted from the bytes (month names, the as-of line: on every chart).
        if let units = text.withBytes({ bytes -> Int? in
            guard let characters = ThaiUTF8.characters(bytes) else { return nil }
            var saraAm = 0, i = 0
            while i < bytes.count {
                if ThaiUTF8.starts(bytes, at: i) {
                    if ThaiUTF8.scalar(bytes, at: i) == 0x0E33 { saraAm += 1 }
                    i += 3
                } else {
                    i += 1
                }
            }
            return characters + saraAm
        }) { return units }
        return text.count + text.unicodeScalars.reduce(0) { n, s in
            n + (s.value == 0x0E33 ? 1 : s == zeroWidthSpace ? -1 : 0)
        }
    }

    /// U+200B marks where a Thai line may break (between words) without showing anything:
    /// SopsiteKit puts one between every two Thai words its dictionary finds (libthai), and
    /// authors can put their own; it is dropped from the drawn lines.
    public static let zeroWidthSpace: Unicode.Scalar = "\u{200B}"

    public static func width(_ text: String, fontSize: Double) -> Double {
        width(text[...], fontSize: fontSize)
    }

    /// Splits `text` into lines no wider than `maxWidth`. Preference: break at spaces (dropped),
    /// then between words (a zero-width space) or after '/', then at a likely Thai syllable
    /// boundary (a word wider than the line), and only as a last resort between any two grapheme
    /// clusters. A single cluster wider than `maxWidth` gets a line of its own.
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double) -> [String] {
        let chars = Array(text)
        let perLine = max(1, Int((maxWidth / (emPerCluster * fontSize)).rounded(.down)))
        // Width units of the clusters before index i, so a line's width is a subtraction.
        var before = [0]
        for c in chars { before.append(before[before.count - 1] + units(String(c)[...])) }
        var lines: [String] = []
        var start = 0
        while start < chars.count {
            // Skip spaces at a line's start: they were the break.
            while start < chars.count, chars[start].isWhitespace { start += 1 }
            if start >= chars.count { break }
            let end = breakPoint(chars, before, from: start, perLine: perLine)
            let line = String(chars[start..<end]).trimmingTrailingSpaces()
            lines.append(String(String.UnicodeScalarView(line.unicodeScalars.filter { $0 != zeroWidthSpace })))
            start = end
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Where the line beginning at `start` ends (exclusive), at most `perLine` units wide
    /// (but at least one cluster long).
    private static func breakPoint(_ chars: [Character], _ before: [Int], from start: Int, perLine: Int) -> Int {
        var limit = start + 1
        while limit < chars.count, before[limit + 1] - before[start] <= perLine { limit += 1 }
        if limit >= chars.count { return chars.count }
        // Candidates are positions i where a line may end before chars[i]; a break *at* a space
        // (i == limit) still fits, as the space drops.
        // If the rest fits on one more line, balance the two lines (within the best kind of
        // break): centred lines of similar length read better than a full line and a stub
        // ("ทดสอบและตรวจสอบระ" / "บบ").
        // Inside a word only when the line has no break between words: two lines balanced by
        // breaking inside a word read worse than three broken between words.
        let best = max(1, ((start + 1)...limit).compactMap { breakKind(chars, at: $0)?.tier }.min() ?? 3)
        var balanced: (score: Int, at: Int)?
        for i in (start + 1)...limit {
            guard let kind = breakKind(chars, at: i), kind != .anywhere, kind.tier <= best
            else { continue }
            let first = trimmedUnits(chars, before, start, i), rest = trimmedUnits(chars, before, i, chars.count)
            guard rest <= perLine else { continue }
            // A syllable's start (before เ แ โ ใ ไ) begins a word more often than a syllable's end;
            // a Thai line breaks before "และ" rather than after it.
            let score = 1000 * kind.tier + abs(first - rest) + (kind == .thaiSyllableEnd ? 3 : 0)
                - (kind == .word && startsPhrase(chars, at: i) ? phraseBonus : 0)
            if score <= balanced?.score ?? .max { balanced = (score, i) }
        }
        if let balanced { return balanced.at }
        // Otherwise fill the line: the last break of the best kind. Thai syllable breaks only
        // when they keep at least half the line, so that a short first word does not leave a
        // nearly empty line.
        var last: [Int: Int] = [:]
        for i in (start + 1)...limit {
            if let kind = breakKind(chars, at: i) { last[kind.tier] = i }
        }
        // The later of the last space and the last break between words: a line filled up to
        // "5." alone would waste it.
        if let i = [last[0], last[1]].compactMap({ $0 }).max() { return i }
        if let i = last[2], 2 * (before[i] - before[start]) >= perLine { return i }
        return last[3] ?? last[2] ?? limit
    }

    /// Words that begin a phrase: Thai breaks a line before them, not after ("ส่งมอบงาน" /
    /// "และอบรมการใช้งาน"), when the lines stay within this many units of balance.
    static let phraseStarts: [[Character]] = ["และ", "หรือ", "แต่", "โดย", "เพื่อ", "ซึ่ง"].map(Array.init)
    static let phraseBonus = 8

    /// Does a phrase word start at `chars[i]` (after a zero-width space there), ending at a
    /// break between words, a space or the end?
    private static func startsPhrase(_ chars: [Character], at i: Int) -> Bool {
        let from = i < chars.count && isZeroWidthSpace(chars[i]) ? i + 1 : i
        return phraseStarts.contains { word in
            let end = from + word.count
            guard end <= chars.count, Array(chars[from..<end]) == word else { return false }
            return end == chars.count || chars[end].isWhitespace || isZeroWidthSpace(chars[end])
        }
    }

    /// Width units of chars[from..<to] without the spaces at its ends.
    private static func trimmedUnits(_ chars: [Character], _ before: [Int], _ from: Int, _ to: Int) -> Int {
        var a = from, b = to
        while a < b, chars[a].isWhitespace { a += 1 }
        while b > a, chars[b - 1].isWhitespace { b -= 1 }
        return before[b] - before[a]
    }

    enum BreakKind: Equatable {
        case space, word, slash, thaiSyllableStart, thaiSyllableEnd, anywhere

        /// Lower tiers are always preferred; the two Thai kinds are close and share one, and so
        /// do a break between words and one after a slash.
        var tier: Int {
            switch self {
            case .space: 0
            case .word, .slash: 1
            case .thaiSyllableStart, .thaiSyllableEnd: 2
            case .anywhere: 3
            }
        }
    }

    /// What kind of break lies before `chars[i]`, or nil when the line must not break there.
    static func breakKind(_ chars: [Character], at i: Int) -> BreakKind? {
        let before = chars[i - 1], after = chars[i]
        if after.isWhitespace || before.isWhitespace { return .space }
        if isZeroWidthSpace(before) || isZeroWidthSpace(after) { return .word }
        if before == "/" { return .slash }
        if isThaiLeadingVowel(before) || isThaiFollowingMark(after) { return nil }
        if isThaiLeadingVowel(after) { return .thaiSyllableStart }
        if endsThaiSyllable(before) { return .thaiSyllableEnd }
        return .anywhere
    }

    private static func isZeroWidthSpace(_ c: Character) -> Bool {
        c.unicodeScalars.first == zeroWidthSpace
    }

    /// เ แ โ ใ ไ are written before the consonant they follow in speech: a syllable starts there.
    private static func isThaiLeadingVowel(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0x0E40...0x0E44).contains(s.value)
    }

    /// ะ า ำ ๅ ๆ continue the syllable before them; a line must not start with them.
    private static func isThaiFollowingMark(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return [0x0E30, 0x0E32, 0x0E33, 0x0E45, 0x0E46].contains(s.value)
    }

    /// ะ, ำ (also inside a cluster such as "จำ") and ๆ close a syllable.
    private static func endsThaiSyllable(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.last else { return false }
        return [0x0E30, 0x0E33, 0x0E46].contains(s.value)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self[...]
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
