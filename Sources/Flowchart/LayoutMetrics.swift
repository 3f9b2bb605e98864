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
