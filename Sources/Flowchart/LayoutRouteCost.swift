/// Geometry tests used to judge routes: does a segment run through a box, and how does a route
/// meet the arrows already drawn (crossing, or running along one — the worst, as the two
/// arrows can no longer be told apart).
enum RouteGeometry {
    /// Whether the axis-aligned segment a–b enters `rect` grown by `clearance` on every side.
    /// A negative clearance lets a segment start or end on the border.
    static func segment(_ a: Point, _ b: Point, hits rect: Rect, clearance: Double) -> Bool {
        min(a.x, b.x) < rect.maxX + clearance && max(a.x, b.x) > rect.minX - clearance
            && min(a.y, b.y) < rect.maxY + clearance && max(a.y, b.y) > rect.minY - clearance
    }

    /// Whether the route runs through any box. Its first segment may touch only its source's
    /// border and its last only its target's; every other meeting keeps a small clearance.
    static func hitsBoxes(_ points: [Point], nodes: [LaidOutNode], from: Int, to: Int,
                          clearance: Double = 3) -> Bool {
        let last = points.count - 2
        for i in 0...last {
            let a = points[i], b = points[i + 1]
            for (n, node) in nodes.enumerated() {
                let own = (i == 0 && n == from) || (i == last && n == to)
                for box in node.boxes where segment(a, b, hits: box, clearance: own ? -0.5 : clearance) {
                    return true
                }
            }
        }
        return false
    }

    /// Counts where the route meets drawn edges: crossings (perpendicular) and overlaps
    /// (parallel and closer than 4 units over some length). Arrows merging into the same
    /// target point may share their last segment.
    static func meetings(_ points: [Point], to target: Int, with edges: [LaidOutEdge])
        -> (overlaps: Int, crossings: Int, connectorCrossings: Int)
    {
        var overlaps = 0, crossings = 0, connectors = 0
        for edge in edges {
            let merging = edge.kind == .flow && edge.to == target && edge.points.last == points.last
            for i in 0..<points.count - 1 {
                for j in 0..<edge.points.count - 1 {
                    let a = (points[i], points[i + 1]), b = (edge.points[j], edge.points[j + 1])
                    if overlap(a, b) {
                        let bothLast = i == points.count - 2 && j == edge.points.count - 2
                        if !(merging && bothLast) { overlaps += 1 }
                    } else if cross(a, b) {
                        if edge.kind == .connector { connectors += 1 } else { crossings += 1 }
                    }
                }
            }
        }
        return (overlaps, crossings, connectors)
    }

    static func overlap(_ s: (Point, Point), _ t: (Point, Point)) -> Bool {
        let sv = s.0.x == s.1.x, tv = t.0.x == t.1.x
        guard sv == tv else { return false }
        if sv {
            guard abs(s.0.x - t.0.x) < 4 else { return false }
            return min(max(s.0.y, s.1.y), max(t.0.y, t.1.y)) - max(min(s.0.y, s.1.y), min(t.0.y, t.1.y)) > 0.5
        }
        guard abs(s.0.y - t.0.y) < 4 else { return false }
        return min(max(s.0.x, s.1.x), max(t.0.x, t.1.x)) - max(min(s.0.x, s.1.x), min(t.0.x, t.1.x)) > 0.5
    }

    /// A horizontal and a vertical segment crossing (or touching) away from both ends.
    static func cross(_ s: (Point, Point), _ t: (Point, Point)) -> Bool {
        let (h, v) = s.0.y == s.1.y ? (s, t) : (t, s)
        guard h.0.y == h.1.y, v.0.x == v.1.x else { return false }
        return v.0.x > min(h.0.x, h.1.x) && v.0.x < max(h.0.x, h.1.x)
            && h.0.y > min(v.0.y, v.1.y) && h.0.y < max(v.0.y, v.1.y)
    }

    static func length(_ points: [Point]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + abs($1.0.x - $1.1.x) + abs($1.0.y - $1.1.y) }
    }
}

/// The price of a route, and the router's bounds and last resort.
extension Router {
    func cost(_ points: [Point], to target: Int, label: EdgeLabel?) -> Double {
        let m = RouteGeometry.meetings(points, to: target, with: edges)
        var cost = Double(1000 * m.overlaps + 100 * m.crossings + 50 * m.connectorCrossings)
        cost += 10 * Double(points.count - 2)
        if let label, EdgeLabels.overlapsBoxes(label, nodes: nodes, metrics: shapes.metrics)
            || EdgeLabels.rect(label, metrics: shapes.metrics).minX < 2 { cost += 60 }
        // Text with a line through it is hard to read: this route's label on drawn arrows,
        // and this route over drawn labels.
        if let label, edges.contains(where: { EdgeLabels.crosses(label, $0.points, metrics: shapes.metrics) }) {
            cost += 40
        }
        for other in edges.compactMap(\.label) where EdgeLabels.crosses(other, points, metrics: shapes.metrics) {
            cost += 40
        }
        return cost
    }

    func gutter(_ g: Int) -> Channel {
        let m = shapes.metrics
        return Channel(x: lanesRight + m.gutterStart + Double(g) * m.gutterSpacing, gutter: g)
    }

    func inBounds(_ points: [Point]) -> Bool {
        let top = shapes.rowTop[0] + 2, bottom = shapes.rowTop[shapes.rowTop.count - 1] - 2
        return points.allSatisfy { $0.x >= 2 && $0.y >= top && $0.y <= bottom }
    }

    /// Never expected (a gutter detour always exists), but an arrow must not go missing.
    func fallback(_ i: Int, _ pending: [PendingEdge]) -> Choice {
        let e = pending[i], (a, b) = closestBoxes(nodes[e.from], nodes[e.to])
        let y = (a.maxY + b.minY) / 2
        let points = [Point(x: a.midX, y: a.maxY), Point(x: a.midX, y: y), Point(x: b.midX, y: y),
                      Point(x: b.midX, y: b.minY)]
        let label = e.label.map { EdgeLabels.place($0, along: points, metrics: shapes.metrics) }
        return Choice(edge: LaidOutEdge(kind: .flow, from: e.from, to: e.to, points: points, label: label),
                      cost: .infinity, length: 0)
    }
}
