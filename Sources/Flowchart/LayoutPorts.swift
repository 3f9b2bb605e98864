import SVG

/// Where arrows meet boxes, and where branch labels go.
enum Side: CaseIterable, Equatable {
    /// The bottom when leaving, the top when arriving: the usual, top-to-bottom way.
    case vertical
    case left
    case right

    /// Every way to give `count` branches distinct sides, in a fixed order.
    static func assignments(count: Int) -> [[Side]] {
        guard count > 0 else { return [[]] }
        return allCases.flatMap { side in
            assignments(count: count - 1).filter { !$0.contains(side) }.map { [side] + $0 }
        }
    }
}

extension Router {
    func isDecision(_ node: LaidOutNode) -> Bool {
        if case .decision = node.kind { return true }
        return false
    }

    /// For a step in non-adjacent lanes: the pair of boxes nearest each other across.
    func closestBoxes(_ s: LaidOutNode, _ t: LaidOutNode) -> (Rect, Rect) {
        var best = (s.boxes[0], t.boxes[0])
        for a in s.boxes { for b in t.boxes where abs(a.midX - b.midX) < abs(best.0.midX - best.1.midX) {
            best = (a, b)
        } }
        return best
    }

    /// The part of a box's top or bottom an arrow may use: only the tip of a diamond, the
    /// straight part of a pill, most of a rectangle.
    private func flat(_ node: LaidOutNode, _ box: Rect) -> ClosedRange<Double> {
        switch node.kind {
        case .decision: return box.midX...box.midX
        case .start, .end: return (box.minX + box.height / 2)...(box.maxX - box.height / 2)
        default: return (box.minX + 12)...(box.maxX - 12)
        }
    }

    /// An x both boxes can use, so the arrow between them is one straight line: the target's
    /// middle if possible, else the source's. The same whichever end asks.
    private func sharedX(source: (LaidOutNode, Rect), target: (LaidOutNode, Rect)) -> Double? {
        let a = flat(source.0, source.1), b = flat(target.0, target.1)
        let lo = max(a.lowerBound, b.lowerBound), hi = min(a.upperBound, b.upperBound)
        guard lo <= hi else { return nil }
        if (lo...hi).contains(target.1.midX) { return target.1.midX }
        if (lo...hi).contains(source.1.midX) { return source.1.midX }
        return ((lo + hi) / 2).rounded()
    }

    func ports(_ node: LaidOutNode, _ box: Rect, _ side: Side, toward other: (LaidOutNode, Rect),
               leaving: Bool) -> [Port] {
        switch side {
        case .vertical:
            let shared = leaving ? sharedX(source: (node, box), target: other)
                : sharedX(source: other, target: (node, box))
            let xs = shared == nil || shared == box.midX ? [box.midX] : [shared!, box.midX]
            let y = leaving ? box.maxY : box.minY
            return xs.map { Port(point: Point(x: $0, y: y), direction: .down) }
        case .left:
            return [Port(point: Point(x: box.minX, y: box.midY), direction: leaving ? .left : .right)]
        case .right:
            return [Port(point: Point(x: box.maxX, y: box.midY), direction: leaving ? .right : .left)]
        }
    }
}

/// Branch labels ("yes", "no") are written beside the start of their arrow, on the side away
/// from its first turn so the text does not sit on the line.
enum EdgeLabels {
    static func place(_ text: String, along points: [Point], metrics m: LayoutMetrics) -> EdgeLabel {
        let p = points[0], q = points[1]
        let turn = points.count > 2 ? RouteShapes.direction(q, points[2]) : nil
        switch RouteShapes.direction(p, q) {
        case .left?:
            return EdgeLabel(text: text, at: Point(x: p.x - 6, y: turn == .up ? p.y + 15 : p.y - 6), anchor: .end)
        case .right?:
            return EdgeLabel(text: text, at: Point(x: p.x + 6, y: turn == .up ? p.y + 15 : p.y - 6), anchor: .start)
        case .up?:
            return EdgeLabel(text: text, at: Point(x: p.x + 5, y: p.y - 6), anchor: .start)
        case .down?, nil:
            let right = turn != .right
            return EdgeLabel(text: text, at: Point(x: right ? p.x + 5 : p.x - 5, y: p.y + 14),
                             anchor: right ? .start : .end)
        }
    }

    /// The space a label's text takes, estimated like box text.
    static func rect(_ label: EdgeLabel, metrics m: LayoutMetrics) -> Rect {
        let w = TextWrap.width(label.text, fontSize: m.smallFontSize)
        let x = switch label.anchor {
        case .start: label.at.x
        case .middle: label.at.x - w / 2
        case .end: label.at.x - w
        }
        return Rect(x: x, y: label.at.y - m.smallFontSize * 0.85, width: w, height: m.smallFontSize * 1.1)
    }

    static func crosses(_ label: EdgeLabel, _ points: [Point], metrics m: LayoutMetrics) -> Bool {
        let r = rect(label, metrics: m)
        return zip(points, points.dropFirst()).contains { RouteGeometry.segment($0, $1, hits: r, clearance: 1) }
    }

    static func overlapsBoxes(_ label: EdgeLabel, nodes: [LaidOutNode], metrics m: LayoutMetrics) -> Bool {
        let r = rect(label, metrics: m)
        return nodes.contains { $0.boxes.contains {
            r.minX < $0.maxX + 2 && r.maxX > $0.minX - 2 && r.minY < $0.maxY + 2 && r.maxY > $0.minY - 2
        } }
    }
}
