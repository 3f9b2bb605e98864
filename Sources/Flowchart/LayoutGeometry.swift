import SVG

/// Second layout pass: sizes from the wrapped text, then coordinates from the grid.
/// Each row is as tall as its tallest node plus padding above and below; every box is centred
/// in its cell, so the padding bands between rows stay free for horizontal arrow runs.
struct Geometry {
    var headerHeight: Double
    var laneLines: [[String]]
    /// rowTop[r] is the top of row r; rowTop.last is the bottom of the last row.
    var rowTop: [Double]
    var nodes: [LaidOutNode]

    init(_ placement: Placement, lanes: [Flowchart.Lane], metrics m: LayoutMetrics) {
        let names = lanes.isEmpty ? [""] : lanes.map(\.name)
        laneLines = names.map {
            TextWrap.wrap($0, maxWidth: m.laneWidth - 2 * m.textInset, fontSize: m.fontSize)
        }
        let maxLines = laneLines.map(\.count).max() ?? 1
        headerHeight = (Double(maxLines) * m.lineHeight + 2 * m.headerPadding).rounded(.up)

        let sized = placement.nodes.map { Geometry.size(of: $0, metrics: m) }
        let rowCount = (placement.nodes.map(\.row).max() ?? 0) + 1
        var heights = Array(repeating: m.minBoxHeight, count: rowCount)
        for (node, size) in zip(placement.nodes, sized) {
            heights[node.row] = max(heights[node.row], size.height)
        }
        rowTop = [headerHeight]
        for h in heights {
            // Even heights keep box tops (centre − height/2) on whole numbers.
            let rowHeight = 2 * ((h + 2 * m.rowPadding) / 2).rounded(.up)
            rowTop.append(rowTop[rowTop.count - 1] + rowHeight)
        }
        let tops = rowTop
        nodes = zip(placement.nodes, sized).map { node, size in
            let centerY = (tops[node.row] + tops[node.row + 1]) / 2
            let boxes = node.runs.map { run -> Rect in
                let centerX = (Double(run.lowerBound) + Double(run.count) / 2) * m.laneWidth
                let width = min(size.width, m.boxWidth(lanes: run.count))
                return Rect(centerX: centerX, centerY: centerY, width: width, height: size.height)
            }
            return LaidOutNode(kind: node.kind, row: node.row, lanes: node.lanes, boxes: boxes,
                               lines: size.lines, ongoing: node.ongoing)
        }
    }

    /// The lines and box size of one node. Boxes fill their lanes' width (less margins) and
    /// grow downwards with their lines; terminals are as wide as their word needs.
    static func size(of node: PlacedNode, metrics m: LayoutMetrics)
        -> (lines: [String], width: Double, height: Double)
    {
        let narrowest = node.runs.map(\.count).min() ?? 1
        let full = m.boxWidth(lanes: narrowest)
        switch node.kind {
        case .start, .end:
            let lines = TextWrap.wrap(node.label, maxWidth: m.textWidth(lanes: narrowest), fontSize: m.fontSize)
            let textWidth = lines.map { TextWrap.width($0, fontSize: m.fontSize) }.max() ?? 0
            let width = min(full, max(m.minTerminalWidth, (textWidth + 4 * m.boxPadding).rounded(.up)))
            let height = max(m.terminalHeight, Double(lines.count) * m.lineHeight + 2 * m.boxPadding)
            return (lines, 2 * (width / 2).rounded(.up), 2 * (height / 2).rounded(.up))
        case .decision:
            let lines = TextWrap.wrap(node.label, maxWidth: full * m.diamondTextShare, fontSize: m.fontSize)
            let textWidth = (lines.map { TextWrap.width($0, fontSize: m.fontSize) }.max() ?? 0) + m.boxPadding
            let textHeight = Double(lines.count) * m.lineHeight + m.boxPadding
            // A w×h text block fits in a W×H diamond when w/W + h/H ≤ 1.
            let height = max(m.minDiamondHeight, textHeight / (1 - min(textWidth / full, 0.9)))
            return (lines, full, 2 * (height / 2).rounded(.up))
        case .step, .action:
            let lines = TextWrap.wrap(node.label, maxWidth: m.textWidth(lanes: narrowest), fontSize: m.fontSize)
            let extra = node.ongoing ? m.smallLineHeight : 0
            let height = max(m.minBoxHeight, Double(lines.count) * m.lineHeight + extra + 2 * m.boxPadding)
            return (lines, .infinity, 2 * (height / 2).rounded(.up))
        }
    }

    /// The lane columns and their headers, full height.
    func lanes(names: [String], metrics m: LayoutMetrics, bottom: Double) -> [LaidOutLane] {
        names.enumerated().map { i, name in
            let x = Double(i) * m.laneWidth
            return LaidOutLane(name: name, lines: laneLines[i],
                               column: Rect(x: x, y: 0, width: m.laneWidth, height: bottom),
                               header: Rect(x: x, y: 0, width: m.laneWidth, height: headerHeight))
        }
    }
}

/// Every size the layout uses, in one place so the drawing's proportions can be tuned together.
/// Whole numbers keep the SVG's coordinates short and stable.
struct LayoutMetrics: Sendable {
    var laneWidth = 200.0
    var fontSize = 14.0
    var lineHeight = 19.0
    var smallFontSize = 12.0
    var smallLineHeight = 16.0
    /// Space between a box and its lane's edges: this keeps lane boundaries free for arrows.
    var boxMargin = 16.0
    var boxPadding = 8.0
    /// Room left and right of a box's text. Generous: real Thai fonts run up to ~15 % wider
    /// than the 0.55 em estimate.
    var textInset = 12.0
    var minBoxHeight = 44.0
    var terminalHeight = 34.0
    var minTerminalWidth = 96.0
    /// A diamond's question may use this share of the diamond's width.
    var diamondTextShare = 0.62
    var minDiamondHeight = 64.0
    /// Free space above and below the boxes of a row: horizontal arrow runs go here.
    var rowPadding = 20.0
    /// Horizontal runs sharing a gap are spread over these offsets from its middle.
    var trackOffsets: [Double] = [0, -8, 8, -14, 14]
    var headerPadding = 8.0
    /// Loop-back gutters right of the lanes.
    var gutterStart = 18.0
    var gutterSpacing = 14.0
    var rightMargin = 10.0
    var bottomMargin = 4.0

    /// Usable width for a label inside a box spanning `lanes` lanes.
    func boxWidth(lanes: Int) -> Double { Double(lanes) * laneWidth - 2 * boxMargin }
    func textWidth(lanes: Int) -> Double { boxWidth(lanes: lanes) - 2 * textInset }
}
