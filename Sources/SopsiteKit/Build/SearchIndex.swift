import CAtomicSwap
import Foundation

/// The search index of a site, in parts (`SearchShard`): `pagefind/<part>/` each, made by
/// Pagefind over that part's pages alone, and `pagefind/shards.json` naming them for the search
/// page (static/search.js, which asks the first part's `pagefind.js` and merges the others).
extension Search {
    /// What the search page reads: the parts to merge, the first one first.
    static let shardList = "shards.json"
    /// The one language Pagefind reads every page in. Thai comes split into words already
    /// (`SearchText`), so Pagefind must not split it again (it does for "th", slowly, and keeps
    /// compounds whole); English is the language of the rest of the words, and its stemming
    /// lets "booking" find "book".
    static let language = "en"

    /// Indexes the parts `changed` of `all` into `site/pagefind/`, each into a folder of its own
    /// first and then put in place of the old part in one step, so that no fragment of an old
    /// index is left behind (the text of a deleted case). Parts that are no longer in `all`, and
    /// anything else in `pagefind/`, are removed. Two parts at a time, one per core: Pagefind
    /// uses about one. With `previous`, the output a build replaces (or the folder itself), a
    /// changed part made from the same pages as there is kept from there (`keepUnchanged`).
    /// Returns the names of the parts Pagefind indexed.
    @discardableResult
    public static func index(site: String, all: [SearchShard], changed: [SearchShard], pagefind: String,
                             reusingFrom previous: String? = nil) throws -> [String] {
        let scratch = site + ".search-\(getpid())"
        let fm = FileManager.default
        try? fm.removeItem(atPath: scratch)
        defer { try? fm.removeItem(atPath: scratch) }
        // The parts not changed keep what they were made from; the others are measured again.
        var digests = recordedDigests(in: site + "/pagefind")
        var toIndex = changed
        if let previous {
            let reused = keepUnchanged(changed, from: previous, into: site, pagefind: pagefind)
            digests.merge(reused.kept) { $1 }
            toIndex = reused.changed
        }
        let made = toIndex.parallelMap { shard -> Result<String, Diagnostic> in
            do {
                return .success(try indexPart(shard, site: site, scratch: scratch, pagefind: pagefind))
            } catch {
                return .failure(error as? Diagnostic ?? Diagnostic.failure(site + "/pagefind/" + shard.name, "\(error)"))
            }
        }
        for (shard, result) in zip(toIndex, made) {
            switch result {
            case .success(let digest): digests[shard.name] = digest
            case .failure(let failure): throw failure
            }
        }
        try writeShardList(site: site, all: all, digests: digests)
        return toIndex.map(\.name)
    }

    /// One part: its pages put in a folder of their own, where Pagefind reads them at the same
    /// paths as in the site, so that its results lead to the site's pages: each as a copy of
    /// what Pagefind indexes of it, its Thai split into words (`SearchText.copyToIndex`).
    /// Returns what the part was made from (`PartDigest`).
    private static func indexPart(_ shard: SearchShard, site: String, scratch: String, pagefind: String) throws -> String {
        let fm = FileManager.default
        let pages = scratch + "/pages-" + shard.name, made = scratch + "/index-" + shard.name
        var digest = PartDigest(pagefind: pagefind)
        for page in shard.pages {
            let original = site + "/" + page, copy = pages + "/" + page
            try fm.createDirectory(atPath: (copy as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard let bytes = ContentFiles.bytes(original) else {
                throw Diagnostic.failure(original, "cannot read it for indexing")
            }
            let indexed = SearchText.indexed(bytes)
            digest.add(page: page, indexed)
            guard fm.createFile(atPath: copy, contents: Data(SearchText.copyToIndex(bytes, indexed: indexed))) else {
                throw Diagnostic.failure(copy, "cannot write it for indexing")
            }
        }
        let arguments = ["--site", pages, "--output-path", made, "--silent", "--force-language", language]
        let run = try ChildProcess.run(pagefind, arguments, keepingErrors: true,
                                       about: site, why: " (Pagefind, for search; SOPSITE_PAGEFIND names it when set)")
        guard run.succeeded else { throw Diagnostic.failure(site, "Pagefind failed (\(run.ending)): \(run.errors)") }
        try fm.createDirectory(atPath: site + "/pagefind", withIntermediateDirectories: true)
        let place = site + "/pagefind/" + shard.name
        // In one step where the kernel can: a search running meanwhile finds the old part or the new.
        if fm.fileExists(atPath: place), sopsite_exchange_paths(made, place) == 0 { return digest.value }
        try? fm.removeItem(atPath: place)
        guard rename(made, place) == 0 else {
            throw Diagnostic.failure(place, "cannot put the index here: \(String(cString: strerror(errno)))")
        }
        return digest.value
    }

    /// `shards.json` (the parts, and what each was made from), then everything else in
    /// `pagefind/` removed.
    private static func writeShardList(site: String, all: [SearchShard], digests: [String: String]) throws {
        let fm = FileManager.default
        let folder = site + "/pagefind"
        guard !all.isEmpty else { try? fm.removeItem(atPath: folder); return }
        let names = all.map(\.name)
        let made = names.compactMap { name in digests[name].map { "\"\(name)\":\"\($0)\"" } }
        let list = "{\"shards\":[" + names.map { "\"\($0)\"" }.joined(separator: ",") + "],"
            + "\"digests\":{" + made.joined(separator: ",") + "}}\n"
        let keep = Set(names + [shardList])
        // Written as serve writes a page: through a temporary file and a rename, and only if changed.
        _ = try SiteWriter(root: folder, mode: .live(written: [:])).write([Page(path: shardList, text: list)])
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where !keep.contains(name) {
            try? fm.removeItem(atPath: folder + "/" + name)
        }
    }
}
