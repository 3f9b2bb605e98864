/// The result of laying out a `Flowchart`: plain values in SVG user units (y grows downward),
/// ready for a renderer. Nothing here knows about SVG.
struct Point: Equatable, Hashable, Sendable {
    var x: Double
    var y: Double
}

struct Rect: Equatable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    init(centerX: Double, centerY: Double, width: Double, height: Double) {
        self.init(x: centerX - width / 2, y: centerY - height / 2, width: width, height: height)
    }
}

/// Which drawn thing a node is. Start and end terminals are pills; a step is a box or, when it
/// asks a question, a diamond; an action is the box on a decision's branch.
enum NodeKind: Equatable, Sendable {
    case start
    case end
    case step(id: String)
    case decision(id: String)
    case action(stepID: String, branch: BranchSide)
}

enum BranchSide: String, Equatable, Sendable { case yes, no }

struct LaidOutNode: Equatable, Sendable {
    var kind: NodeKind
    /// Grid position: the row, and the lanes (column indices) the node reserves.
    var row: Int
    var lanes: ClosedRange<Int>
    /// One box per run of adjacent lanes; several when a step's lanes are not adjacent.
    var boxes: [Rect]
    /// The wrapped label, drawn in each box.
    var lines: [String]
    var ongoing: Bool = false
}

enum EdgeKind: Equatable, Sendable {
    /// An arrow from one node to the next.
    case flow
    /// A dashed, arrowless line joining the boxes of a step shown in non-adjacent lanes.
    case connector
}

struct LaidOutEdge: Equatable, Sendable {
    var kind: EdgeKind
    /// Indices into `FlowchartLayout.nodes`.
    var from: Int
    var to: Int
    /// The orthogonal polyline, from the source's border to the target's border.
    var points: [Point]
    /// A decision branch's label, with where to write it.
    var label: EdgeLabel?
    /// The gutter (right of the lanes) used by a loop-back or detour, if any.
    var gutter: Int?
}

struct EdgeLabel: Equatable, Sendable {
    var text: String
    var at: Point
    var anchor: TextAnchor
}

enum TextAnchor: String, Equatable, Sendable { case start, middle, end }

struct LaidOutLane: Equatable, Sendable {
    var name: String
    var lines: [String]
    /// The whole column, header included.
    var column: Rect
    var header: Rect
}

struct FlowchartLayout: Equatable, Sendable {
    var width: Double
    var height: Double
    var lanes: [LaidOutLane]
    var nodes: [LaidOutNode]
    var edges: [LaidOutEdge]
    /// The y where the rows start (below the lane headers) and the x where the lanes end.
    var bodyTop: Double
    var lanesRight: Double
}

extension FlowchartLayout {
    /// Lays out `chart` in three passes: grid cells (`Placement`), sizes and coordinates
    /// (`Geometry`), then arrows (`Router`). Pure: the same chart always gives the same layout.
    init(_ chart: Flowchart, metrics m: LayoutMetrics = LayoutMetrics()) {
        let placement = Placement(chart)
        let geometry = Geometry(placement, lanes: chart.lanes, metrics: m)
        let laneCount = placement.grid.laneCount
        var router = Router(nodes: geometry.nodes, rowTop: geometry.rowTop, metrics: m, laneCount: laneCount)
        router.route(placement.edges)

        let lanesRight = Double(laneCount) * m.laneWidth
        var width = lanesRight
        if router.gutterCount > 0 {
            width += m.gutterStart + Double(router.gutterCount - 1) * m.gutterSpacing + m.rightMargin
        }
        // A label beside an arrow in the last lane or a gutter may reach past the lanes.
        for label in router.edges.compactMap(\.label) {
            width = max(width, (EdgeLabels.rect(label, metrics: m).maxX + 4).rounded(.up))
        }
        let bottom = geometry.rowTop[geometry.rowTop.count - 1]
        let names = chart.lanes.isEmpty ? [""] : chart.lanes.map(\.name)
        self.init(width: width, height: bottom + m.bottomMargin,
                  lanes: geometry.lanes(names: names, metrics: m, bottom: bottom),
                  nodes: geometry.nodes, edges: router.edges,
                  bodyTop: geometry.rowTop[0], lanesRight: lanesRight)
    }
}
