/// Lines in one buffer, each after ",\n", in the cases' order: a case's status.json entry, its
/// row of the case list's index. `serve` keeps them and replaces them case by case, so the file
/// is a copy of one buffer: joining 10,000 lines scattered in memory took 7 to 10 ms after
/// each edit.
struct JoinedLines: Sendable {
    private var parts = Parts<UInt8>()

    /// Every line, each after ",\n" (the first one's comma too: a file leaves it out).
    var bytes: [UInt8] { parts.elements }

    init(_ lines: [String]) {
        parts.reserveCapacity(elements: lines.reduce(0) { $0 + 2 + $1.utf8.count }, items: lines.count)
        for line in lines { parts.append(JoinedLines.part(line)) }
    }

    /// With the lines `range` replaced by `lines` (none: removed; an empty range: added).
    mutating func replacing(_ range: Range<Int>, with lines: [String]) {
        parts.replace(range, with: lines.map(JoinedLines.part))
    }

    private static func part(_ line: String) -> [UInt8] { Array(",\n".utf8) + Array(line.utf8) }
}
