/// The occupancy model: rows × lanes, each cell held by at most one node. Nodes are placed
/// top to bottom; when a node's cells are taken it moves down a row ("bumps") rather than
/// overlapping, so every box gets a cell of its own and arrows can run between them.
struct OccupancyGrid {
    let laneCount: Int
    private var cells: [[Int?]] = []

    init(laneCount: Int) { self.laneCount = laneCount }

    var rowCount: Int { cells.count }

    func occupant(row: Int, lane: Int) -> Int? {
        guard row >= 0, row < cells.count, lane >= 0, lane < laneCount else { return nil }
        return cells[row][lane]
    }

    func isFree(row: Int, lanes: ClosedRange<Int>) -> Bool {
        lanes.allSatisfy { occupant(row: row, lane: $0) == nil }
    }

    /// The first row at or below `row` where all of `lanes` are free.
    func firstFreeRow(from row: Int, lanes: ClosedRange<Int>) -> Int {
        var r = max(0, row)
        while !isFree(row: r, lanes: lanes) { r += 1 }
        return r
    }

    mutating func reserve(row: Int, lanes: ClosedRange<Int>, node: Int) {
        while cells.count <= row { cells.append(Array(repeating: nil, count: laneCount)) }
        for lane in lanes { cells[row][lane] = node }
    }
}

/// A node with its grid cell, before it gets coordinates.
struct PlacedNode: Equatable {
    var kind: NodeKind
    var row: Int
    /// Runs of adjacent lanes: one box each.
    var runs: [ClosedRange<Int>]
    var label: String
    var ongoing: Bool = false

    /// All lanes the node holds, including those between non-adjacent runs (its connector
    /// crosses them, so nothing else may sit there).
    var lanes: ClosedRange<Int> { runs[0].lowerBound...runs[runs.count - 1].upperBound }
}

/// An arrow to draw once every node has a place: node indices, and the branch it belongs to.
struct PendingEdge: Equatable {
    var from: Int
    var to: Int
    var label: String?
    var branch: BranchSide?
}

extension Array where Element == Int {
    /// Sorted lane indices grouped into runs of adjacent lanes: [0, 1, 3] → [0...1, 3...3].
    func adjacentRuns() -> [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for lane in Set(self).sorted() {
            if let last = runs.last, last.upperBound + 1 == lane {
                runs[runs.count - 1] = last.lowerBound...lane
            } else {
                runs.append(lane...lane)
            }
        }
        return runs
    }
}
