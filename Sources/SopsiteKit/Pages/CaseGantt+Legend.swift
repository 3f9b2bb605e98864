import SVG
import ThaiWords

/// What the Gantt chart says beside its bars: the legend under it (only the marks it has), its
/// description in words (for readers who do not see it), and the texts every chart of an SOP
/// shares, made once.
extension CaseGantt {
    /// A mark the legend explains. A bar's status shares its colour with `also` (late and
    /// overdue bars are the on-time and running colours, their late part hatched).
    private enum Mark {
        case planned, bar(StepStatus, also: StepStatus?), late, nonWorking
    }

    /// Every mark a legend can explain, in its order, with the key of its words. A chart's
    /// marks are a bit each in this order (`legendMarks`).
    private static let legendItems: [(mark: Mark, key: String)] = [(.planned, "gantt_planned")]
        + [(StepStatus.doneOnTime, StepStatus.doneLate), (.inProgress, .overdue), (.done, nil), (.ongoing, nil)]
            .map { (Mark.bar($0, also: $1), "status_" + $0.rawValue) }
        + [(.late, "gantt_late"), (.nonWorking, "gantt_non_working")]

    /// The marks the chart has, a bit each in `legendItems`' order. Charts with the same marks
    /// have the same legend (`GanttParts`).
    var legendMarks: Int {
        // The statuses the rows have, a bit each (a Set of them was made for every chart).
        var present = 0
        for row in rows { present |= 1 << row.status.ordinal }
        func has(_ status: StepStatus?) -> Bool { status.map { present & 1 << $0.ordinal != 0 } ?? false }
        var marks = 0
        for (i, item) in Self.legendItems.enumerated() {
            let shown = switch item.mark {
            case .planned: rows.contains { $0.due != nil }
            case let .bar(status, also): has(status) || has(also)
            case .late: rows.contains { $0.late(asOf: asOf) != nil }
            case .nonWorking: !nonWorking.isEmpty
            }
            if shown { marks |= 1 << i }
        }
        return marks
    }

    /// What each of `marks` means, in one or two lines under the chart.
    func drawLegend(marks: Int, y: Double, texts: Texts, words: Words, _ out: inout SVGWriter) {
        out.open("g", ["class": "gantt-legend"])
        var x = 8.0, line = y
        for (i, (mark, key)) in Self.legendItems.enumerated() where marks & 1 << i != 0 {
            let (text, textWidth) = texts.legend[key] ?? (words[key], TextWrap.width(words[key], fontSize: 12))
            let width = 26 + textWidth + 18
            if x + width > Self.width { x = 8; line += 20 }
            // Each mark a 20 × 12 box at the line's start.
            out.beginRect(x: x, y: line, width: 20, height: 12)
            switch mark {
            case .planned:
                out.attribute("fill", "none")
                out.attribute("stroke", Palette.ink)
                out.attribute("stroke-dasharray", "4 3")
            case .late:
                out.attribute("fill", "url(#gantt-late)")
                out.attribute("stroke", Palette.late)
            case .nonWorking:
                out.attribute("fill", Palette.nonWorking)
                out.attribute("stroke", Palette.grid)
            case let .bar(status, _):
                out.attribute("fill", Palette.bar(status))
            }
            out.end("rect")
            out.beginText(x: x + 26, y: line + 11, fontSize: 12, fill: Palette.ink)
            out.end("text", text: text)
            x += width
        }
        out.close("g")
    }

    /// Every row in words, for readers who do not see the chart, a piece at a time into the
    /// chart's bytes: joined into one String first, the text was copied twice more.
    func describe(_ texts: Texts, words: Words, _ put: (String) -> Void) {
        for (i, row) in rows.enumerated() {
            if i > 0 { put("; ") }
            if let i = texts.place(row) { put(texts.labels[i].text) } else { put(row.step) }
            if let round = row.round { put(" " + words.fill("timeline_round", ["n": String(round)])) }
            put(": ")
            put(words.status(row.status))
            if let timing = row.timing {
                put(", ")
                put(words.timing(timing, running: row.running))
            }
        }
    }

    /// What every chart of an SOP writes the same, made once per SOP for 10,000 case pages:
    /// each step's label ("1 ยื่นบันทึก…") in lines that fit the label column, Thai wrapped
    /// between words, and the legend's texts with their widths (counting a Thai text's
    /// clusters was a tenth of a chart's time).
    static func texts(_ sop: SOP, words: Words) -> Texts {
        var labels: [Label] = []
        for step in sop.steps {
            let text = "\(step.id) \(step.title)"
            labels.append(Label(id: step.id, text: text, lines: TextWrap.wrap(ThaiWords.marked(text), maxWidth: labelWidth - 8, fontSize: labelSize)))
        }
        let legend = Dictionary(uniqueKeysWithValues: legendItems.map(\.key).map { ($0, (text: words[$0], width: TextWrap.width(words[$0], fontSize: 12))) })
        return Texts(labels: labels, legend: legend, parts: GanttParts())
    }

    struct Texts: Sendable {
        /// Each step's label, in the SOP's order: a row finds its step's by its place (`Row.place`).
        var labels: [Label]
        /// The legend's texts and their widths, by the key of their words. (A status in words
        /// alone is `Words.status`.)
        var legend: [String: (text: String, width: Double)]
        /// The parts of this SOP's charts drawn so far, written again where they are the same.
        var parts: GanttParts

        /// Where the label of a row's step is in `labels` (nil for a step this SOP has not).
        /// A place, not the label: a label copied counted references to its texts, which every
        /// chart of both cores shares.
        func place(_ row: Row) -> Int? {
            row.place < labels.count && labels[row.place].id == row.step ? row.place : nil
        }
    }

    /// A step's label, whole (for the description) and in the lines the chart draws.
    struct Label: Sendable {
        /// The step's id: a row's place finds its label only in the chart of its own SOP.
        var id: String
        var text: String
        var lines: [String]
    }
}
