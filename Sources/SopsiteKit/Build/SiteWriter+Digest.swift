extension SiteWriter {
    /// A hash of every byte, 32 at a time: only to tell whether a file changed since `serve`
    /// or `publish` wrote it, so it need not resist anyone, and Swift's `Hasher` (SipHash) took longer
    /// over a 6 MB case list than making the page. (`Data.hashValue` looks at the length and the
    /// first bytes only: a page edited to the same length kept its old version.)
    static func digest(_ bytes: UnsafeRawBufferPointer) -> Int {
        // Four lanes of eight bytes, mixed apart and then together: each lane waits on its own
        // multiplication only, so the processor runs the four side by side (one lane took 1 ms
        // per 6 MB page, and an edit writes two).
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count), 1, 2, 3)
        func mix(_ hash: inout UInt64, _ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
        }
        let blocks = bytes.count / 32
        for i in 0..<blocks {
            let at = i * 32
            mix(&lanes.0, bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            mix(&lanes.1, bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            mix(&lanes.2, bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            mix(&lanes.3, bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
        }
        var hash = lanes.0
        mix(&hash, lanes.1)
        mix(&hash, lanes.2)
        mix(&hash, lanes.3)
        var tail: UInt64 = 0, count = 0
        for i in (blocks * 32)..<bytes.count {
            tail = tail << 8 | UInt64(bytes[i])
            count += 1
            if count == 8 { mix(&hash, tail); (tail, count) = (0, 0) }
        }
        mix(&hash, tail)
        return Int(truncatingIfNeeded: hash)
    }
}
