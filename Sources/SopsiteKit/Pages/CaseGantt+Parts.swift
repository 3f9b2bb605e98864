import SVG

/// Parts of the Gantt charts that come out byte for byte the same for many cases, kept as they
/// were first written: the shaded days, month names and day numbers (the same for every case
/// shown over the same days: 10,000 cases had 1,358 of them), the legend (the same for every
/// chart with the same marks: 7) and the late bars' hatching. Drawing them for each chart was a
/// fifth of its time.
final class GanttParts: Sendable {
    /// What decides a part's bytes, beside what a renderer holds for all its charts (the
    /// calendar, the words, the SOP's texts).
    enum Key: Hashable, Sendable {
        /// The hatching of late bars: the same in every chart.
        case defs
        /// The chart's first day, its number of days and where its rows end.
        case days(first: Int, days: Int, bottom: Double)
        /// The marks the legend explains (a bit each) and the line it starts on.
        case legend(marks: Int, y: Double)
    }

    private let kept = Kept<Key, [UInt8]>()

    /// Writes the part `key` names: as it was kept, or drawn by `draw` and kept. A part is
    /// whole elements, written at one place of the chart (its indentation is in its bytes), and
    /// leaves the writer as deep as it found it (kept bytes do not open or close anything).
    func write(_ key: Key, _ out: inout SVGWriter, draw: (inout SVGWriter) -> Void) {
        var drawn = false
        let bytes = kept.value(key) {
            drawn = true
            let start = out.written, depth = out.depth
            draw(&out)
            precondition(out.depth == depth, "a chart's part opened or closed an element it did not close or open")
            return out.bytes(since: start)
        }
        if !drawn { out.append(again: bytes) }
    }
}
