/// The short rendering of a long list cut into the parts the long one is put together from.
extension TemplateListSkeleton {
    /// A token of a row's own part: a row's value (numbered from 0 in the row), or text and
    /// values from outside the list.
    enum Piece: Equatable {
        case own(Int, escaped: Bool)
        case outer(Token)
    }

    /// The short rendering cut into the parts of the long one.
    struct Cut {
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
    struct Part {
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
