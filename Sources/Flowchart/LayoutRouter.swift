/// Third layout pass: route every arrow, shortest first. Each takes the cheapest
/// candidate that crosses no box, where cost counts overlaps with earlier arrows (worst),
/// crossings, bends, and departures from the usual look (boxes are left at the bottom and entered
/// at the top; loops enter from the side). A decision's branches are chosen together, so "yes"
/// keeps the bottom unless giving it away saves more than it costs.
struct Router {
    let nodes: [LaidOutNode]
    let shapes: RouteShapes
    let lanesRight: Double
    let laneCount: Int
    private(set) var edges: [LaidOutEdge] = []
    /// Loops get gutters by increasing height, so a short loop's gutter lies inside a longer
    /// loop's and they do not cross; detours of ordinary arrows take gutters after those.
    private var loopGutter: [Int: Int] = [:]
    private var nextFreeGutter = 0
    private(set) var gutterCount = 0

    init(nodes: [LaidOutNode], rowTop: [Double], metrics: LayoutMetrics, laneCount: Int) {
        self.nodes = nodes
        shapes = RouteShapes(rowTop: rowTop, metrics: metrics)
        self.laneCount = laneCount
        lanesRight = Double(laneCount) * metrics.laneWidth
        // A step shown in non-adjacent lanes: dashed connectors between its boxes, drawn
        // first so that arrows avoid crossing them where they can.
        for (n, node) in nodes.enumerated() {
            for (a, b) in zip(node.boxes, node.boxes.dropFirst()) {
                edges.append(LaidOutEdge(kind: .connector, from: n, to: n,
                                         points: [Point(x: a.maxX, y: a.midY), Point(x: b.minX, y: b.midY)]))
            }
        }
    }

    mutating func route(_ pending: [PendingEdge]) {
        let nodes = self.nodes
        let height = { (i: Int) in nodes[pending[i].from].row - nodes[pending[i].to].row }
        let loops = pending.indices.filter { height($0) > 0 }.sorted { (height($0), $0) < (height($1), $1) }
        for (g, i) in loops.enumerated() { loopGutter[i] = g }
        nextFreeGutter = loops.count
        gutterCount = loops.count
        // Short arrows first: they have the fewest choices. Long ones, routed later, see them
        // and go around; routed first, they would take the direct way and force crossings.
        let bySource = Dictionary(grouping: pending.indices, by: { pending[$0].from })
        let span = { (i: Int) in abs(nodes[pending[i].from].row - nodes[pending[i].to].row) }
        let order = bySource.keys.sorted { a, b in
            (bySource[a]!.map(span).min()!, a) < (bySource[b]!.map(span).min()!, b)
        }
        for from in order {
            let group = bySource[from]!
            if case .decision = nodes[from].kind, group.count > 1 {
                routeBranches(group, pending)
            } else {
                for i in group { commit(best(i, pending, exits: Side.allCases) ?? fallback(i, pending)) }
            }
        }
    }

    /// Tries every way of giving the branches distinct corners of the diamond.
    private mutating func routeBranches(_ group: [Int], _ pending: [PendingEdge]) {
        var bestTrial: (router: Router, cost: Double)?
        for exits in Side.assignments(count: min(group.count, Side.allCases.count)) {
            var trial = self, total = 0.0, failed = false
            for (i, exit) in zip(group, exits) {
                guard let choice = trial.best(i, pending, exits: [exit]) else { failed = true; break }
                let branch = pending[i].branch
                total += choice.cost + (branch == .yes && exit != .vertical ? 15 : 0)
                    + (branch == .no && exit == .vertical ? 5 : 0)
                trial.commit(choice)
            }
            if !failed, total < bestTrial?.cost ?? .infinity { bestTrial = (trial, total) }
        }
        if let bestTrial { self = bestTrial.router; return }
        for i in group { commit(best(i, pending, exits: Side.allCases) ?? fallback(i, pending)) }
    }

    struct Choice {
        var edge: LaidOutEdge
        var cost: Double
        var length: Double
    }

    private mutating func commit(_ choice: Choice) {
        edges.append(choice.edge)
        if let g = choice.edge.gutter {
            gutterCount = max(gutterCount, g + 1)
            if g == nextFreeGutter { nextFreeGutter += 1 }
        }
    }

    /// The cheapest valid route for pending edge `i` leaving by one of `exits`, or nil.
    private func best(_ i: Int, _ pending: [PendingEdge], exits: [Side]) -> Choice? {
        let e = pending[i], s = nodes[e.from], t = nodes[e.to]
        let (sBox, tBox) = closestBoxes(s, t)
        let isLoop = t.row < s.row
        let channels = isLoop ? [gutter(loopGutter[i]!)]
            : (1...laneCount).flatMap { lane in
                // Beside each lane boundary, not on it, where the arrow would hide in the border.
                let x = Double(lane) * shapes.metrics.laneWidth
                return [Channel(x: x - 6, gutter: nil), Channel(x: x + 6, gutter: nil)]
            }
                + [gutter(nextFreeGutter)]
        var found: Choice?
        for exit in exits {
            for p in ports(s, sBox, exit, toward: (t, tBox), leaving: true) {
                for entry in Side.allCases {
                    for q in ports(t, tBox, entry, toward: (s, sBox), leaving: false) {
                        for c in shapes.candidates(from: p, to: q, sourceRow: s.row, targetRow: t.row,
                                                   channels: channels) {
                            // Bends alone already cost more than the best so far: skip the checks.
                            if let found, 10 * Double(c.points.count - 2) > found.cost { continue }
                            guard inBounds(c.points),
                                  !RouteGeometry.hitsBoxes(c.points, nodes: nodes, from: e.from, to: e.to)
                            else { continue }
                            let label = e.label.map { EdgeLabels.place($0, along: c.points, metrics: shapes.metrics) }
                            var cost = self.cost(c.points, to: e.to, label: label)
                            // The usual look: boxes left at the bottom and entered at the top,
                            // except loops, which come in from the side.
                            let bent = c.points.count > 2
                            if !isLoop, bent, exit != .vertical, !isDecision(s) { cost += 15 }
                            if !isLoop, bent, entry != .vertical { cost += 15 }
                            if isLoop, entry == .vertical { cost += 30 }
                            let edge = LaidOutEdge(kind: .flow, from: e.from, to: e.to, points: c.points,
                                                   label: label, gutter: c.gutter)
                            let choice = Choice(edge: edge, cost: cost, length: RouteGeometry.length(c.points))
                            if found == nil || (cost, choice.length) < (found!.cost, found!.length) { found = choice }
                        }
                    }
                }
            }
        }
        return found
    }
}
