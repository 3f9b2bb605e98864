/// Candidate arrow routes between two ports. Instead of a general maze search, a few orthogonal
/// shapes are tried (straight, L, Z through a gap between rows, detours through a vertical
/// channel); the router keeps the cheapest one that crosses no box. Horizontal runs use the free
/// bands between rows, vertical detours the lane boundaries or the gutters right of the lanes,
/// so a valid route almost always exists.
enum Direction: Equatable { case up, down, left, right }

/// Where an arrow leaves or reaches a box, and its direction of travel there.
struct Port: Equatable {
    var point: Point
    var direction: Direction
}

struct RouteCandidate {
    var points: [Point]
    var gutter: Int?
}

/// A vertical channel: a lane boundary (no gutter) or a gutter right of the lanes.
struct Channel {
    var x: Double
    var gutter: Int?
}

struct RouteShapes {
    let rowTop: [Double]
    let metrics: LayoutMetrics

    /// y values for horizontal runs in the gap at the top of row `r` (between rows r−1 and r).
    /// The gap above row 0 is the header's edge and the gap below the last row has no padding
    /// beneath, so those offer no (or only upper) tracks.
    func tracks(aboveRow r: Int) -> [Double] {
        guard r >= 1, r < rowTop.count else { return [] }
        let last = r == rowTop.count - 1
        return metrics.trackOffsets.filter { !last || $0 < 0 }.map { rowTop[r] + $0 }
    }

    func candidates(from p: Port, to q: Port, sourceRow: Int, targetRow: Int,
                    channels: [Channel]) -> [RouteCandidate] {
        var out: [RouteCandidate] = []
        func add(_ points: [Point], _ gutter: Int? = nil) {
            if let clean = RouteShapes.normalized(points, from: p.direction, to: q.direction) {
                out.append(RouteCandidate(points: clean, gutter: gutter))
            }
        }
        let a = p.point, b = q.point
        let below = tracks(aboveRow: sourceRow + 1), above = tracks(aboveRow: targetRow)
        switch (p.direction.isVertical, q.direction.isVertical) {
        case (true, true):
            add([a, b])
            // Prefer the gap just above the target, then the one below the source, then others.
            var gaps = [targetRow, sourceRow + 1]
            if sourceRow + 2 < targetRow { gaps += Array(sourceRow + 2..<targetRow).reversed() }
            for r in gaps where r > sourceRow && r <= targetRow {
                for y in tracks(aboveRow: r) { add([a, Point(x: a.x, y: y), Point(x: b.x, y: y), b]) }
            }
            for c in channels { for y1 in below { for y2 in above {
                add([a, Point(x: a.x, y: y1), Point(x: c.x, y: y1), Point(x: c.x, y: y2),
                     Point(x: b.x, y: y2), b], c.gutter)
            } } }
        case (true, false):
            add([a, Point(x: a.x, y: b.y), b])
            for c in channels { for y in below {
                add([a, Point(x: a.x, y: y), Point(x: c.x, y: y), Point(x: c.x, y: b.y), b], c.gutter)
            } }
        case (false, true):
            add([a, Point(x: b.x, y: a.y), b])
            for c in channels { for y in above {
                add([a, Point(x: c.x, y: a.y), Point(x: c.x, y: y), Point(x: b.x, y: y), b], c.gutter)
            } }
        case (false, false):
            add([a, b])
            for c in channels { add([a, Point(x: c.x, y: a.y), Point(x: c.x, y: b.y), b], c.gutter) }
        }
        return out
    }

    /// Drops repeated and collinear points; rejects a path that doubles back on itself or does
    /// not leave and arrive in the ports' directions (it would run through its own box).
    static func normalized(_ points: [Point], from start: Direction, to end: Direction) -> [Point]? {
        var pts: [Point] = []
        for p in points where pts.last != p { pts.append(p) }
        guard pts.count >= 2 else { return nil }
        var out = [pts[0]]
        for i in 1..<pts.count {
            let d = direction(pts[i - 1], pts[i])
            guard let d else { return nil }
            if out.count >= 2, let previous = direction(out[out.count - 2], out[out.count - 1]) {
                if previous == d { out[out.count - 1] = pts[i]; continue }
                if previous.isVertical == d.isVertical { return nil }
            }
            out.append(pts[i])
        }
        guard direction(out[0], out[1]) == start,
              direction(out[out.count - 2], out[out.count - 1]) == end else { return nil }
        return out
    }

    /// The direction from a to b, or nil when the segment is not axis-aligned.
    static func direction(_ a: Point, _ b: Point) -> Direction? {
        if a.x == b.x, a.y != b.y { return b.y > a.y ? .down : .up }
        if a.y == b.y, a.x != b.x { return b.x > a.x ? .right : .left }
        return nil
    }
}

extension Direction {
    var isVertical: Bool { self == .up || self == .down }
}
