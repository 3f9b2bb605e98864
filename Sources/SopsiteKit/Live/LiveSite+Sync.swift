import Foundation

extension LiveSite {
    /// Writes into the output folder, knowing what this site wrote there before: only files whose
    /// bytes changed are written (`SiteWriter`'s live mode).
    var writer: SiteWriter { SiteWriter(root: options.outputFolder, mode: .live(written: written)) }

    /// Notes what the writer did for each file; returns the paths written.
    func record(_ outcomes: [SiteWriter.Written]) -> [String] {
        for outcome in outcomes { written[outcome.path] = outcome.digest }
        return outcomes.filter(\.isWritten).map(\.path)
    }

    /// Removes every file of the output that `keep` does not hold (a page whose source is gone);
    /// hidden files at its top, the search index (made by Pagefind after the pages) and
    /// build.json stay. Returns the paths removed.
    func removeAll(but keep: Set<String>) -> [String] {
        let root = options.outputFolder
        let fm = FileManager.default
        var removed: [String] = []
        for path in (fm.subpaths(atPath: root) ?? []).sorted()
        where !path.hasPrefix(".") && !path.hasPrefix("pagefind/") && path != BuildInfo.path && !keep.contains(path)
            && !ContentFiles.isFolder(root + "/" + path) {
            try? fm.removeItem(atPath: root + "/" + path)
            written[path] = nil
            removed.append(path)
        }
        return removed
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
}
