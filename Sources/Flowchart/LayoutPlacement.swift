/// First layout pass: give every node a grid cell (row, lanes) and list the arrows between them.
/// Steps go one row below the previous step, in SOP order, in their own lanes. A decision's
/// action boxes and end terminals are placed right after it, so that later steps bump below
/// them instead of landing on their paths.
struct Placement {
    private(set) var nodes: [PlacedNode] = []
    private(set) var edges: [PendingEdge] = []
    private(set) var grid: OccupancyGrid
    private let chart: Flowchart
    private let laneIndex: [String: Int]
    private var stepNode: [String: Int] = [:]
    /// Arrows to steps not placed yet: resolved at the end.
    private var forward: [(from: Int, step: String, label: String?, branch: BranchSide?)] = []

    init(_ chart: Flowchart) {
        self.chart = chart
        grid = OccupancyGrid(laneCount: max(1, chart.lanes.count))
        var index: [String: Int] = [:]
        for (i, lane) in chart.lanes.enumerated() where index[lane.id] == nil { index[lane.id] = i }
        laneIndex = index
        placeAll()
    }

    private mutating func add(_ node: PlacedNode) -> Int {
        nodes.append(node)
        grid.reserve(row: node.row, lanes: node.lanes, node: nodes.count - 1)
        return nodes.count - 1
    }

    /// Unknown lane ids are dropped; a step with no known lane goes in the first lane.
    private func runs(of step: Flowchart.Step) -> [ClosedRange<Int>] {
        let lanes = step.lanes.compactMap { laneIndex[$0] }
        return lanes.isEmpty ? [0...0] : lanes.adjacentRuns()
    }

    private mutating func placeAll() {
        let known = Set(chart.steps.map(\.id))
        guard let first = chart.steps.first else {
            let start = add(PlacedNode(kind: .start, row: 0, runs: [0...0], label: chart.words.start))
            placeEnd(after: start, label: nil, branch: nil)
            return
        }
        let start = add(PlacedNode(kind: .start, row: 0, runs: [runs(of: first)[0]], label: chart.words.start))
        forward.append((start, first.id, nil, nil))
        var previousRow = 0
        for step in chart.steps where stepNode[step.id] == nil {
            let stepRuns = runs(of: step)
            let span = stepRuns[0].lowerBound...stepRuns[stepRuns.count - 1].upperBound
            let row = grid.firstFreeRow(from: previousRow + 1, lanes: span)
            let kind: NodeKind = step.decision == nil ? .step(id: step.id) : .decision(id: step.id)
            let label = step.decision?.question ?? step.label
            let node = add(PlacedNode(kind: kind, row: row, runs: stepRuns, label: label, ongoing: step.ongoing))
            stepNode[step.id] = node
            previousRow = row
            if let decision = step.decision {
                placeBranch(decision.yes, .yes, of: node, stepID: step.id, known: known)
                placeBranch(decision.no, .no, of: node, stepID: step.id, known: known)
            } else {
                link(node, to: step.next, label: nil, branch: nil, known: known)
            }
        }
        for f in forward {
            guard let to = stepNode[f.step] else { continue }
            edges.append(PendingEdge(from: f.from, to: to, label: f.label, branch: f.branch))
        }
    }

    /// An action box sits in its lane in the decision's row when the cells between are free
    /// (the arrow runs straight across), otherwise in the first free row below.
    private mutating func placeBranch(_ branch: Flowchart.Branch, _ side: BranchSide, of decision: Int,
                                      stepID: String, known: Set<String>) {
        guard let action = branch.action else {
            link(decision, to: branch.target, label: branch.label, branch: side, known: known)
            return
        }
        let d = nodes[decision]
        let lane = laneIndex[action.lane] ?? d.runs[0].lowerBound
        let between = lane < d.lanes.lowerBound ? lane...d.lanes.lowerBound - 1
            : lane > d.lanes.upperBound ? d.lanes.upperBound + 1...lane : nil
        let row = between.map { grid.isFree(row: d.row, lanes: $0) } == true
            ? d.row : grid.firstFreeRow(from: d.row + 1, lanes: lane...lane)
        let node = add(PlacedNode(kind: .action(stepID: stepID, branch: side), row: row,
                                  runs: [lane...lane], label: action.label))
        edges.append(PendingEdge(from: decision, to: node, label: branch.label, branch: side))
        link(node, to: branch.target, label: nil, branch: nil, known: known)
    }

    /// An arrow to a step (placed now or later), or to a new end terminal; an unknown step id
    /// is drawn as the end of the path rather than dropped.
    private mutating func link(_ from: Int, to target: Flowchart.Target, label: String?,
                               branch: BranchSide?, known: Set<String>) {
        if case .step(let id) = target, known.contains(id) {
            if let to = stepNode[id] {
                edges.append(PendingEdge(from: from, to: to, label: label, branch: branch))
            } else {
                forward.append((from, id, label, branch))
            }
        } else {
            placeEnd(after: from, label: label, branch: branch)
        }
    }

    /// An end terminal goes below its node; a decision's "no" ends beside the diamond when that
    /// cell is free, leaving the cell below for the "yes" path.
    private mutating func placeEnd(after from: Int, label: String?, branch: BranchSide?) {
        let source = nodes[from]
        var run = source.runs[0]
        var row = grid.firstFreeRow(from: source.row + 1, lanes: run)
        let isDecision = if case .decision = source.kind { true } else { false }
        if isDecision, branch == .no || !grid.isFree(row: source.row + 1, lanes: run) {
            let right = source.lanes.upperBound + 1, left = source.lanes.lowerBound - 1
            if right < grid.laneCount, grid.isFree(row: source.row, lanes: right...right) {
                (run, row) = (right...right, source.row)
            } else if left >= 0, grid.isFree(row: source.row, lanes: left...left) {
                (run, row) = (left...left, source.row)
            }
        }
        let end = add(PlacedNode(kind: .end, row: row, runs: [run], label: chart.words.end))
        edges.append(PendingEdge(from: from, to: end, label: label, branch: branch))
    }
}
