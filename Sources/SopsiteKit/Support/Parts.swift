/// One part per item (a case's row texts, its status.json entry), laid end to end in one array
/// and replaced item by item: `serve` keeps 10,000 of them this way, so a page of them is one
/// copy and an edit moves the bytes after its part once.
struct Parts<Element> {
    private(set) var elements: [Element] = []
    /// Where each item's part ends.
    private var ends: [Int] = []

    /// Room for `elements` elements in `items` parts: `serve` keeps the parts, and an array
    /// grown by appending keeps up to half its room empty.
    mutating func reserveCapacity(elements total: Int, items: Int) {
        elements.reserveCapacity(total)
        ends.reserveCapacity(items)
    }

    mutating func append(_ part: some Sequence<Element>) {
        elements += part
        ends.append(elements.count)
    }

    /// With the parts of the items `range` replaced by `parts` (none: items removed; an empty
    /// range: items added).
    mutating func replace(_ range: Range<Int>, with parts: [[Element]]) {
        let start = range.lowerBound == 0 ? 0 : ends[range.lowerBound - 1]
        let end = range.isEmpty ? start : ends[range.upperBound - 1]
        var newEnds: [Int] = [], at = start
        for part in parts {
            at += part.count
            newEnds.append(at)
        }
        // A part that outgrows the room grows it by a little, not twice (a new case in `serve`).
        let total = elements.count + at - end
        if total > elements.capacity { elements.reserveCapacity(total + total / 32) }
        elements.replaceSubrange(start..<end, with: parts.joined())
        let shift = at - end
        for i in range.upperBound..<ends.count { ends[i] += shift }
        ends.replaceSubrange(range, with: newEnds)
    }
}

extension Array {
    /// The first index whose key is not below `key`, in an array kept in key order.
    func insertionIndex(of key: String, by keyOf: (Element) -> String) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if keyOf(self[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension Parts: Sendable where Element: Sendable {}
