import Foundation

/// Bytes as a dictionary key, hashed once, at once: `Array`'s own hashing took the bytes one at
/// a time (a template's name and a shape's key, 2 KB per case page, hashed under the skeleton
/// cache's lock with the other core waiting), and a `String` key is hashed through its Unicode
/// normalisation (heading ids, in Thai).
struct ByteKey: Hashable {
    let bytes: [UInt8]
    let hash: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hash = hasher.finalize()
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.hash == b.hash && a.bytes.count == b.bytes.count
            && a.bytes.withUnsafeBytes { a in b.bytes.withUnsafeBytes { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }
}
