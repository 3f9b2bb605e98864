import Foundation

extension LiveSite {
    /// Writes the files whose bytes differ from what was written before, each through a
    /// temporary file and a rename. With `removingOthers`, any other file in the output
    /// (a page whose source is gone) is removed; hidden files at its top and the search index
    /// (made by Pagefind after the pages) stay.
    /// Returns the paths written or removed, sorted.
    func sync(_ files: [String: Data], removingOthers: Bool) throws -> [String] {
        let root = options.outputFolder
        let fm = FileManager.default
        var changed: [String] = []
        var writes: [(path: String, data: Data, hash: Int)] = []
        for path in files.keys.sorted() {
            let data = files[path]!
            let hash = LiveSite.digest(data)
            let full = root + "/" + path
            if written[path] == hash, fm.fileExists(atPath: full) { continue }
            if written[path] == nil, fm.contents(atPath: full) == data {
                written[path] = hash
                continue
            }
            writes.append((path, data, hash))
        }
        // On every core: a title edit writes two files of 6 MB (the case list, status.json).
        let failures = writes.parallelMap { write -> Error? in
            let full = root + "/" + write.path
            do {
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try write.data.write(to: URL(fileURLWithPath: full), options: .atomic)
                return nil
            } catch {
                return error
            }
        }
        for (write, failure) in zip(writes, failures) where failure == nil {
            written[write.path] = write.hash
            changed.append(write.path)
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        if removingOthers {
            for path in (fm.subpaths(atPath: root) ?? []).sorted()
            where !path.hasPrefix(".") && !path.hasPrefix("pagefind/") && files[path] == nil
                && !ContentFiles.isFolder(root + "/" + path) {
                try? fm.removeItem(atPath: root + "/" + path)
                written[path] = nil
                changed.append(path)
            }
        }
        return changed.sorted()
    }

    /// Removes the files under `prefix` (a case's folder in the site) that `keep` does not hold.
    func remove(under prefix: String, keeping keep: Set<String>) -> [String] {
        let gone = written.keys.filter { $0.hasPrefix(prefix) && !keep.contains($0) }.sorted()
        let fm = FileManager.default
        for path in gone {
            try? fm.removeItem(atPath: options.outputFolder + "/" + path)
            written[path] = nil
        }
        // Folders left empty go too, deepest first, as a build would not make them.
        var folders = Set<String>()
        for var path in gone {
            while let slash = path.lastIndex(of: "/") {
                path = String(path[..<slash])
                folders.insert(path)
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let full = options.outputFolder + "/" + folder
            if (try? fm.contentsOfDirectory(atPath: full))?.isEmpty == true { try? fm.removeItem(atPath: full) }
        }
        return gone
    }

    /// A hash of every byte, eight at a time: only to tell whether a file changed since this
    /// server wrote it, so it need not resist anyone, and Swift's `Hasher` (SipHash) took longer
    /// over a 6 MB case list than making the page. (`Data.hashValue` looks at the length and the
    /// first bytes only: a page edited to the same length kept its old version.)
    static func digest(_ data: Data) -> Int {
        data.withUnsafeBytes { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
            func mix(_ word: UInt64) {
                hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 32
            }
            let words = bytes.count / 8
            for i in 0..<words { mix(bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
            var tail: UInt64 = 0
            for i in (words * 8)..<bytes.count { tail = tail << 8 | UInt64(bytes[i]) }
            mix(tail)
            return Int(truncatingIfNeeded: hash)
        }
    }
}
