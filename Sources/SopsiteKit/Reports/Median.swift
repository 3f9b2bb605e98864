/// The middle of a list of times, as the reports count it.
enum Median {
    /// The middle value once sorted; for an even count, the lower of the two middle values
    /// (of 7, 13, 16, 20 days: 13). Not the mean of the two: the figure is then always a time
    /// some case really took, in whole working days or minutes, with no rounding to explain.
    /// Nil for no values.
    static func of(_ values: [Int]) -> Int? {
        ofSorted(sorted(values))
    }

    /// The middle of values already in order.
    static func ofSorted(_ values: [Int]) -> Int? {
        values.isEmpty ? nil : values[(values.count - 1) / 2]
    }

    /// `values` in order. Times are whole days or minutes, a few hundred or thousand apart:
    /// counted into their places in one pass, where a comparison sort of 10,000 of them, for
    /// each step, was most of the reports' time after each edit in `serve`.
    static func sorted(_ values: [Int]) -> [Int] {
        guard let low = values.min(), let high = values.max(),
              case let (span, overflow) = high.subtractingReportingOverflow(low), !overflow,
              span <= 4 * values.count + 1024 else { return values.sorted() }
        var counts = [Int](repeating: 0, count: span + 1)
        for value in values { counts[value - low] += 1 }
        var out: [Int] = []
        out.reserveCapacity(values.count)
        for (offset, count) in counts.enumerated() where count > 0 {
            out.append(contentsOf: repeatElement(low + offset, count: count))
        }
        return out
    }
}
