/// A part of a picture written once and written again where another picture has it in the
/// same place (a Gantt chart's shaded days, the same for every case open over the same days).
extension SVGWriter {
    /// How many bytes the picture has so far: where a part starts.
    public var written: Int { buffer.count }

    /// The bytes written since `start`.
    public func bytes(since start: Int) -> [UInt8] { buffer.bytes(since: start) }

    /// Bytes `bytes(since:)` gave, written as they were: indented as they were, so only at the
    /// depth they were written at.
    public mutating func append(again bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
    }
}
