import Mustache

/// The skeleton of a context holding a long list of rows (`TemplateList`, the case list's 10,000
/// cases), made from a rendering of a short list instead of every row: swift-mustache took 300 ms
/// for the 10,000 rows, each time a case was added or removed in `serve`.
///
/// With skeletons on, a section over a list renders each row on its own (transforms such as
/// `first()` turn skeletons off), so the rows' text is each row's own part, of its shape, with
/// the text between two rows depending on the two shapes only. The short list holds the first
/// row's shape first and the last row's last, and each pair of shapes that follow each other in
/// the long list once; its rendering then shows every part the long list needs, which are put
/// together row by row. Anything not read this way (a row with no text, parts that differ for
/// one shape) gives nil, and the caller renders every row.
enum TemplateListSkeleton {
    private typealias Token = TemplateSkeleton.Token

    static func make(_ template: String, _ context: [String: Any], list: TemplateList,
                     library: MustacheLibrary, shared: [TemplateValues]) -> TemplateSkeleton? {
        let rows = list.rows
        guard rows.count >= 3, list.isShaped else { return nil }
        // Each row's kind (its shape, numbered in order of first sight), and a row of each kind.
        var kindOf: [[UInt8]: Int] = [:], kinds: [Int] = [], models: [TemplateRow] = []
        kinds.reserveCapacity(rows.count)
        var previous: (number: [UInt8], kind: Int)?
        for row in rows {
            let number = row.shapeNumber ?? []
            // Neighbours often share a shape: comparing a few bytes is cheaper than hashing them.
            if let previous, previous.number == number {
                kinds.append(previous.kind)
                continue
            }
            if kindOf[number] == nil {
                kindOf[number] = models.count
                models.append(row)
            }
            kinds.append(kindOf[number]!)
            previous = (number, kindOf[number]!)
        }
        let counts = models.map(\.texts.values.count)
        guard !counts.contains(0) else { return nil }
        var pairs: [(Int, Int)] = [], seen = Set<Int>()
        for i in 1..<kinds.count where seen.insert(kinds[i - 1] * models.count + kinds[i]).inserted {
            pairs.append((kinds[i - 1], kinds[i]))
        }
        let shortKinds = [kinds[0]] + pairs.flatMap { [$0.0, $0.1] } + [kinds[kinds.count - 1]]

        // The context with the short list, rendered with markers.
        var shortening: TemplateShape.Shortening? = .init(list: list, rows: shortKinds.map { models[$0] })
        var next = 0
        guard let marked = TemplateShape.markers(for: context, next: &next, shortening: &shortening) as? [String: Any],
              let starts = shortening?.starts, starts.count == 1,
              let rendered = library.render(marked, withTemplate: template),
              let tokens = TemplateSkeleton.tokens(rendered: rendered, valueCount: next)
        else { return nil }
        var shortStarts: [Int] = [], at = starts[0]
        for kind in shortKinds {
            shortStarts.append(at)
            at += counts[kind]
        }
        let cut = Cut(tokens: tokens, listStart: starts[0], shortStarts: shortStarts, shortKinds: shortKinds,
                          counts: counts, shift: list.values.elements.count - (at - starts[0]))
        return cut?.skeleton(kinds: kinds, shared: shared)
    }

    /// A token of a row's own part: a row's value (numbered from 0 in the row), or text and
    /// values from outside the list.
    private enum Piece: Equatable {
        case own(Int, escaped: Bool)
        case outer(Token)
    }

    /// The short rendering cut into the parts of the long one.
    private struct Cut {
        /// The rendering outside the list, with the list's places (`nil`): one per section over it.
        var outside: [Token?] = []
        /// For each place, each kind's own part, from its first value to its last.
        var bodies: [[Int: [Piece]]] = []
        /// For each place, the part between two rows, by kind pair (values outside the list only).
        var joints: [[Int: [Token]]] = []
        let kindCount: Int
        let listStart: Int
        let counts: [Int]

        init?(tokens: [Token], listStart: Int, shortStarts: [Int], shortKinds: [Int], counts: [Int], shift: Int) {
            kindCount = counts.count
            self.listStart = listStart
            self.counts = counts
            let shortEnd = shortStarts.last! + counts[shortKinds.last!]
            /// Which short row a value belongs to, or nil for a value outside the list.
            func row(of value: Int) -> Int? {
                guard value >= listStart, value < shortEnd else { return nil }
                return shortStarts.lastIndex { $0 <= value }
            }
            /// A token outside the list, numbered as in the long list.
            func outer(_ token: Token) -> Token {
                if case let .value(n, escaped) = token, n >= shortEnd { return .value(n + shift, escaped: escaped) }
                return token
            }
            var current: Int?  // the short row being read
            var body: [Piece] = [], pending: [Token] = []
            func finish(_ k: Int) -> Bool {
                let kind = shortKinds[k]
                if let known = bodies[bodies.count - 1][kind], known != body { return false }
                bodies[bodies.count - 1][kind] = body
                return true
            }
            func start() {
                outside.append(nil)
                bodies.append([:])
                joints.append([:])
            }
            for token in tokens {
                guard case let .value(n, escaped) = token, let k = row(of: n) else {
                    if current == nil { outside.append(outer(token)) } else { pending.append(outer(token)) }
                    continue
                }
                let local = Piece.own(n - shortStarts[k], escaped: escaped)
                switch current {
                case nil:
                    // A list's rendering starts with its first row.
                    guard k == 0 else { return nil }
                    start()
                    current = 0
                    body = [local]
                case let c? where c == k:
                    body += pending.map(Piece.outer) + [local]
                    pending = []
                case let c? where k == c + 1:
                    guard finish(c) else { return nil }
                    let joint = shortKinds[c] * kindCount + shortKinds[k]
                    if let known = joints[joints.count - 1][joint], known != pending { return nil }
                    joints[joints.count - 1][joint] = pending
                    pending = []
                    current = k
                    body = [local]
                case let c? where c == shortKinds.count - 1 && k == 0:
                    // The list rendered again (a second section over it).
                    guard finish(c) else { return nil }
                    outside += pending.map { $0 }
                    start()
                    pending = []
                    current = 0
                    body = [local]
                default:
                    return nil
                }
            }
            if let c = current {
                guard c == shortKinds.count - 1, finish(c) else { return nil }
                outside += pending.map { $0 }
            }
        }

        /// The long list's skeleton: the outside, with each of the list's places filled row by row.
        /// Straight into text and slots, each part copied whole: 10,000 rows made 300,000 tokens,
        /// each counted in and out, after every case added in `serve`.
        func skeleton(kinds: [Int], shared: [TemplateValues]) -> TemplateSkeleton? {
            var text: [UInt8] = [], slots: [TemplateSkeleton.Slot] = []
            text.reserveCapacity(kinds.count * 512)
            slots.reserveCapacity(outside.count + kinds.count * 32)
            var place = 0
            for token in outside {
                guard token == nil else {
                    Part(token!).append(to: &text, &slots, rowStart: 0)
                    continue
                }
                let bodies = self.bodies[place].mapValues(Part.init(pieces:))
                let joints = self.joints[place].mapValues(Part.init(tokens:))
                place += 1
                var start = listStart
                for (i, kind) in kinds.enumerated() {
                    if i > 0 {
                        guard let joint = joints[kinds[i - 1] * kindCount + kind] else { return nil }
                        joint.append(to: &text, &slots, rowStart: start)
                    }
                    guard let body = bodies[kind] else { return nil }
                    body.append(to: &text, &slots, rowStart: start)
                    start += counts[kind]
                }
            }
            return TemplateSkeleton(text: text, slots: slots, shared: shared)
        }
    }

    /// A part of the skeleton as text and slots, the slots' text ends counted from the part's
    /// start; a row's own values numbered from the row's first.
    private struct Part {
        var text: [UInt8] = []
        var slots: [(textEnd: Int, value: Int, escaped: Bool, own: Bool)] = []

        init(_ token: Token) { add(token) }
        init(tokens: [Token]) { tokens.forEach { add($0) } }
        init(pieces: [Piece]) {
            for piece in pieces {
                switch piece {
                case let .own(n, escaped): slots.append((text.count, n, escaped, true))
                case let .outer(token): add(token)
                }
            }
        }

        private mutating func add(_ token: Token) {
            switch token {
            case let .text(bytes): text += bytes
            case let .value(n, escaped): slots.append((text.count, n, escaped, false))
            }
        }

        func append(to out: inout [UInt8], _ outSlots: inout [TemplateSkeleton.Slot], rowStart: Int) {
            let base = out.count
            out += text
            for slot in slots {
                outSlots.append(.init(textEnd: base + slot.textEnd, value: slot.own ? rowStart + slot.value : slot.value,
                                      escaped: slot.escaped))
            }
        }
    }
}
