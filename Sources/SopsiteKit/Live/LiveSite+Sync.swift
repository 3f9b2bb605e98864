import Foundation

extension LiveSite {
    /// Writes the files whose bytes differ from what was written before, each through a
    /// temporary file and a rename. With `removingOthers`, any other file in the output
    /// (a page whose source is gone) is removed; hidden files at its top and the search index
    /// (made by Pagefind after the pages) stay.
    /// Returns the paths written or removed, sorted.
    func sync(_ files: [String: Page.Body], removingOthers: Bool) throws -> [String] {
        let root = options.outputFolder
        let fm = FileManager.default
        // On every core: a title edit writes two files of 6 MB (the case list, status.json).
        let paths = files.keys.sorted()
        let outcomes = paths.map { (page: Page(path: $0, body: files[$0]!), previous: written[$0]) }.parallelMap { file in
            Result { try LiveSite.write(file.page, into: root, previous: file.previous) }
        }
        var changed = try record(zip(paths, outcomes).map { ($0, $1) })
        if removingOthers {
            for path in (fm.subpaths(atPath: root) ?? []).sorted()
            where !path.hasPrefix(".") && !path.hasPrefix("pagefind/") && path != BuildInfo.path && files[path] == nil
                && !ContentFiles.isFolder(root + "/" + path) {
                try? fm.removeItem(atPath: root + "/" + path)
                written[path] = nil
                changed.append(path)
            }
        }
        return changed.sorted()
    }

    /// Writes the page into `root` (through a temporary file and a rename, so that the server
    /// never serves half a page) unless it is what this server wrote there before (`previous`,
    /// its hash) or, on the first build, what the file already holds. Returns the page's hash and
    /// whether the file was written.
    static func write(_ page: Page, into root: String, previous: Int?) throws -> (hash: Int, isWritten: Bool) {
        let path = root + "/" + page.path
        return try page.withBytes { bytes in
            let hash = LiveSite.digest(bytes)
            let fm = FileManager.default
            if previous == hash, fm.fileExists(atPath: path) { return (hash, false) }
            if previous == nil, let old = fm.contents(atPath: path), old.count == bytes.count,
               old.withUnsafeBytes({ bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return (hash, false)
            }
            let folder = (path as NSString).deletingLastPathComponent
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = folder + "/.sopsite-" + (path as NSString).lastPathComponent
            if let failure = Output.writeFile(temporary, bytes) ?? (rename(temporary, path) == 0 ? nil : String(cString: strerror(errno))) {
                unlink(temporary)
                throw Diagnostic.failure(path, "cannot write: \(failure)")
            }
            return (hash, true)
        }
    }

    /// Notes what `write` did for each path; returns the paths written, or throws the first failure.
    func record(_ outcomes: [(String, Result<(hash: Int, isWritten: Bool), Error>)]) throws -> [String] {
        var changed: [String] = []
        for case let (path, .success(outcome)) in outcomes {
            written[path] = outcome.hash
            if outcome.isWritten { changed.append(path) }
        }
        for case let (_, .failure(error)) in outcomes { throw error }
        return changed
    }

    /// Removes the files under `prefix` (a case's folder in the site) that `keep` does not hold.
    func remove(under prefix: String, keeping keep: Set<String>) -> [String] {
        let fm = FileManager.default
        // What is on disk there, a case's few files: looking through every path written
        // (20,000) took longer than the rest of a case's own pages.
        let full = options.outputFolder + "/" + prefix
        let found = ContentFiles.isFolder(full)
            ? (fm.subpaths(atPath: full) ?? []).map { (prefix.hasSuffix("/") ? prefix : prefix + "/") + $0 }
                .filter { written[$0] != nil }
            : written[prefix] != nil ? [prefix] : []
        let gone = found.filter { !keep.contains($0) }.sorted()
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

    /// A hash of every byte, 32 at a time: only to tell whether a file changed since this
    /// server wrote it, so it need not resist anyone, and Swift's `Hasher` (SipHash) took longer
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
