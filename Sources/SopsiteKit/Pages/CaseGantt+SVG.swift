import BusinessTime
import SVG

/// The Gantt chart as inline SVG on the case page: step labels on the left, days along the top,
/// weekends and holidays shaded, each row's planned window dashed, its actual bar solid and
/// its late part in the overdue colour and hatched, the as-of day a line. The page's CSS scales
/// it to the page's width (and to A4 in print) and hides it where it would be too small to read;
/// the timeline's list beside it says everything in words.
extension CaseGantt {
    static let width = 960.0
    static let labelWidth = 250.0
    static let plotX = 262.0
    static let plotWidth = width - plotX - 14
    static let top = 42.0
    static let labelSize = 12.0
    static let lineHeight = 15.0

    /// `texts`: what every chart of the SOP writes the same, made once (`texts(_:words:)`);
    /// `caseID` names the chart.
    func svg(caseID: String, texts: Texts, words: Words) -> [UInt8] {
        let dayWidth = Self.plotWidth / Double(days)
        func x(_ d: Double) -> Double { Self.plotX + d * dayWidth }
        // Each row's lines: the step's label, and its round under it.
        let rowLines = rows.map { row -> [String] in
            let lines = texts.place(row).map { texts.labels[$0].lines } ?? [row.step]
            guard let round = row.round else { return lines }
            return lines + [words.fill("timeline_round", ["n": String(round)])]
        }
        let heights = rowLines.map { max(30, Double($0.count) * Self.lineHeight + 12) }
        let bottom = Self.top + heights.reduce(0, +)
        let height = bottom + 62
        var out = SVGWriter(capacity: 4096 + rows.count * 600)
        out.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "class": "gantt", "viewBox": "0 0 \(n(Self.width)) \(n(height))",
                         "width": n(Self.width), "height": n(height), "role": "img",
                         "aria-labelledby": "gantt-title gantt-desc"])
        out.element("title", ["id": "gantt-title"], text: words.fill("gantt_title", ["id": caseID]))
        out.begin("desc")
        out.attribute("id", "gantt-desc")
        out.end("desc") { put in describe(texts, words: words, put) }
        texts.parts.write(.defs, &out) { out in
            out.open("defs")
            out.open("pattern", ["id": "gantt-late", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
                                 "patternTransform": "rotate(45)"])
            out.element("rect", ["width": "6", "height": "6", "fill": Palette.late])
            out.element("line", ["x1": "1", "y1": "0", "x2": "1", "y2": "6", "stroke": "#ffffff", "stroke-width": "2"])
            out.close("pattern")
            out.close("defs")
        }
        texts.parts.write(.days(first: first.dayNumber, days: days, bottom: bottom), &out) { out in
            drawDays(x: x, dayWidth: dayWidth, bottom: bottom, words: words, &out)
        }
        var y = Self.top
        // The lines between rows, one path.
        var path = ""
        for height in heights {
            y += height
            path += "M0 " + n(y) + "H" + n(Self.width)
        }
        out.element("path", ["d": path, "stroke": Palette.grid, "stroke-width": "0.5"])
        y = Self.top
        for (i, row) in rows.enumerated() {
            drawRow(row, lines: rowLines[i], y: y, height: heights[i], x: x, words: words, &out)
            y += heights[i]
        }
        if showsAsOf {
            let at = x(asOf)
            out.element("line", ["x1": n(at), "y1": n(Self.top - 6), "x2": n(at), "y2": n(bottom + 4),
                                 "stroke": Palette.ink, "stroke-width": "2"])
            let label = words.fill("gantt_as_of", ["date": words.day(first.adding(days: Int(asOf) - 1))])
            let labelWidth = TextWrap.width(label, fontSize: 12)
            out.element("text", ["x": n(min(max(at - labelWidth / 2, Self.plotX), Self.width - 4 - labelWidth)),
                                 "y": n(bottom + 18), "font-size": "12", "fill": Palette.ink], text: label)
        }
        let marks = legendMarks
        texts.parts.write(.legend(marks: marks, y: bottom + 32), &out) { out in
            drawLegend(marks: marks, y: bottom + 32, texts: texts, words: words, &out)
        }
        out.close("svg")
        return out.bytes
    }

    /// Weekends and holidays, month lines and names, and the day numbers where there is room.
    private func drawDays(x: (Double) -> Double, dayWidth: Double, bottom: Double, words: Words, _ out: inout SVGWriter) {
        out.open("g", ["class": "gantt-days"])
        for run in nonWorking {
            out.beginRect(x: x(Double(run.lowerBound)), y: Self.top, width: Double(run.count) * dayWidth, height: bottom - Self.top)
            out.attribute("fill", Palette.nonWorking)
            out.end("rect")
        }
        // Every month named where a month is 60 px wide or more; else every third, sixth or
        // twelfth (a case open for years), so that the names never run into each other.
        let every = [1, 3, 6, 12].first { Double($0) * 30.4 * dayWidth >= 60 } ?? 24
        var months = monthStarts { month, year in (month - 1) % min(every, 12) == 0 && (every < 24 || year % 2 == 0) }
        // The first month is named at the chart's start unless the next name is near.
        if months.first.map({ Double($0.offset) * dayWidth > 80 }) ?? true { months.insert((0, first), at: 0) }
        for month in months {
            let at = x(Double(month.offset))
            out.beginLine(x1: at, y1: 4, x2: at, y2: bottom)
            out.attribute("stroke", Palette.grid)
            out.attribute("stroke-width", "1")
            out.end("line")
            out.beginText(x: at + 3, y: 16, fontSize: 12, fill: Palette.ink)
            out.end("text", text: month.day.monthFormatted(words.dayStyle))
        }
        // Mondays' day numbers, when a week is wide enough to hold one.
        if dayWidth * 7 >= 24 {
            // The first Monday (weekday 1) on or after the first day, then every seventh day.
            for offset in stride(from: (8 - first.weekday) % 7, to: days, by: 7) {
                out.beginText(x: x(Double(offset)) + 1, y: 34, fontSize: 10, fill: Palette.muted)
                out.end("text", text: String(first.adding(days: offset).day))
            }
        }
        out.close("g")
    }

    private func drawRow(_ row: Row, lines: [String], y: Double, height: Double, x: (Double) -> Double, words: Words,
                         _ out: inout SVGWriter) {
        out.open("g", ["class": Self.rowClasses[row.status.ordinal]])
        let baseline = y + (height - Double(lines.count) * Self.lineHeight) / 2 + 11
        out.beginText(x: 8, y: baseline, fontSize: Self.labelSize, fill: Palette.ink)
        out.endText(lines: lines, x: 8, y: baseline, lineHeight: Self.lineHeight)
        let middle = y + height / 2
        guard let start = row.start, let finish = row.finish(asOf: asOf) else {
            // Not reached or skipped: its status in words where its bar would be.
            out.beginText(x: Self.plotX + 6, y: middle + 4, fontSize: 11, fill: Palette.muted)
            out.end("text", text: words.status(row.status))
            return out.close("g")
        }
        if let due = row.due {
            out.beginRect(x: x(start), y: middle - 10, width: max(x(due) - x(start), 1), height: 20)
            out.attribute("fill", "none")
            out.attribute("stroke", Palette.ink)
            out.attribute("stroke-width", "1")
            out.attribute("stroke-dasharray", "4 3")
            out.end("rect")
        }
        let late = row.late(asOf: asOf)
        let onTimeEnd = late?.lowerBound ?? finish
        // A step done the moment it started still shows: a bar at least 3 wide.
        out.beginRect(x: x(start), y: middle - 6, width: max(x(onTimeEnd) - x(start), late == nil ? 3 : 0), height: 12)
        out.attribute("fill", Palette.bar(row.status))
        out.end("rect")
        if let late {
            out.beginRect(x: x(late.lowerBound), y: middle - 6, width: max(x(late.upperBound) - x(late.lowerBound), 3), height: 12)
            out.attribute("fill", "url(#gantt-late)")
            out.attribute("stroke", Palette.late)
            out.attribute("stroke-width", "1")
            out.end("rect")
        }
        out.close("g")
    }

    /// Each status's row class, made once, by `StepStatus.ordinal`.
    private static let rowClasses = StepStatus.allCases.map { "gantt-row status-\($0.rawValue)" }

    private func n(_ v: Double) -> String { SVGWriter.number(v) }
}
