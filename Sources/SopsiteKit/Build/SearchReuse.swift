import Foundation

/// A part of the search index is made again only when what it is made from changed: a build
/// keeps the parts of the last build (in the output it replaces) whose pages are the same,
/// byte for byte. Most cases are closed and their pages never change, and Pagefind takes most
/// of a build's time (10,000 cases: about 30 s of the 34), so a day's rebuild indexes only the
/// quarters with open cases. `shards.json` records what each part was made from.
extension Search {
    /// What a part's index is made from: its pages' paths and what of them is indexed
    /// (`SearchText.indexed`), how sopsite gives them to Pagefind, and which Pagefind (its path,
    /// size and time).
    struct PartDigest {
        /// Changed when the copies given to Pagefind change, so that no part made the old way is kept.
        static let format = "search-text-3"
        private var hash: UInt64

        init(pagefind: String) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: (pagefind as NSString).resolvingSymlinksInPath)
            let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hash = 0xCBF2_9CE4_8422_2325
            add(Array("\(Self.format) \(pagefind) \(size) \(time)".utf8)[...])
        }

        /// A page, by its path and what of it is indexed (`SearchText.indexed`).
        mutating func add(page: String, _ indexed: [ArraySlice<UInt8>]) {
            add(Array(page.utf8)[...])
            for part in indexed { add(part) }
        }

        private mutating func add(_ bytes: ArraySlice<UInt8>) {
            let digest = bytes.withUnsafeBytes { UInt64(bitPattern: Int64(SiteWriter.digest($0))) }
            hash = (hash ^ digest) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }

        var value: String { String(hash, radix: 16) }
    }

    /// What each part in `folder/shards.json` was made from; empty when it says nothing.
    static func recordedDigests(in folder: String) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: folder + "/" + shardList),
              let list = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let digests = list["digests"] as? [String: String] else { return [:] }
        return digests
    }

    /// The parts of `shards` whose pages in `site` are what `previous`'s parts were made from:
    /// linked from `previous/pagefind/` into `site/pagefind/` (left where they are when the two
    /// are one folder), with their digests. The others are to be indexed.
    static func keepUnchanged(_ shards: [SearchShard], from previous: String, into site: String,
                              pagefind: String) -> (kept: [String: String], changed: [SearchShard]) {
        let recorded = recordedDigests(in: previous + "/pagefind")
        guard !recorded.isEmpty else { return ([:], shards) }
        var kept: [String: String] = [:], changed: [SearchShard] = []
        let samePlace = (previous as NSString).standardizingPath == (site as NSString).standardizingPath
        for shard in shards {
            var digest = PartDigest(pagefind: pagefind)
            var readable = true
            for page in shard.pages {
                guard let bytes = ContentFiles.bytes(site + "/" + page) else { readable = false; break }
                digest.add(page: page, SearchText.indexed(bytes))
            }
            let old = previous + "/pagefind/" + shard.name
            if readable, recorded[shard.name] == digest.value, FileManager.default.fileExists(atPath: old + "/pagefind.js"),
               samePlace || (try? linkTree(old, to: site + "/pagefind/" + shard.name)) != nil {
                kept[shard.name] = digest.value
            } else {
                changed.append(shard)
            }
        }
        return (kept, changed)
    }

    /// A copy of the folder `from` made of hard links to its files: the old output is deleted
    /// after the exchange, and its files live on in the new one. Nothing writes into a part in
    /// place (serve puts a new part in place of the old whole), so sharing files is safe.
    private static func linkTree(_ from: String, to: String) throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: to)
        try fm.createDirectory(atPath: to, withIntermediateDirectories: true)
        guard let walk = fm.enumerator(atPath: from) else { throw Diagnostic.failure(from, "cannot read it") }
        while let relative = walk.nextObject() as? String {
            let source = from + "/" + relative, target = to + "/" + relative
            if walk.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
            } else if Foundation.link(source, target) != 0 {
                throw Diagnostic.failure(target, "cannot link it: \(String(cString: strerror(errno)))")
            }
        }
    }
}
