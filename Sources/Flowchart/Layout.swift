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
