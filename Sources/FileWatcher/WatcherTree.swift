import Foundation

/// What `lstat` tells about one path: enough to notice that it changed between two looks.
struct WatcherStamp: Equatable {
    var isFolder: Bool
    var inode: UInt64
    var size: Int64
    /// Content change and status change (chmod, touch) times, in nanoseconds.
    var modified: Int64
    var changed: Int64

    /// nil when nothing is at `path` (any more).
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        isFolder = (info.st_mode & S_IFMT) == S_IFDIR
        inode = UInt64(info.st_ino)
        // A folder's times change whenever an entry is added or removed; those entries are
        // reported themselves, so the folder counts as changed only when it is replaced.
        guard !isFolder else {
            size = 0
            modified = 0
            changed = 0
            return
        }
        size = Int64(info.st_size)
        #if os(Linux)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #else
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #endif
    }
}

/// Walking a watched folder, the way the watcher sees it: editor files and hidden folders are
/// left out, and symbolic links to folders are not followed (they could loop).
enum WatcherTree {
    /// Visits every path below `folder` (not `folder` itself), a folder before its contents.
    /// A folder that vanishes or cannot be read while walking is treated as empty: its
    /// removal is reported by whoever watches its parent.
    static func walk(_ folder: String, _ visit: (String, WatcherStamp) -> Void) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !EditorFiles.isIgnored(name) {
            let path = folder + "/" + name
            guard let stamp = WatcherStamp(path: path) else { continue }
            visit(path, stamp)
            if stamp.isFolder { walk(path, visit) }
        }
    }

    /// Every path below `folder`, as `walk` visits them.
    static func paths(below folder: String) -> [String] {
        var paths: [String] = []
        walk(folder) { path, _ in paths.append(path) }
        return paths
    }

    /// A folder's path as the watcher reports it: as given, less trailing slashes.
    static func normalized(_ folder: String) -> String {
        var path = folder
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// The fallback when inotify cannot be used (the per-user watch limit,
/// `fs.inotify.max_user_watches`, is used up by other programs — IDEs watch whole trees — or
/// no inotify instance is left, or the system has no inotify): every 250 ms the loop stats all
/// files and reports those whose stamp differs. Slower and costlier than inotify, but a content
/// tree has hundreds of files, not millions, and a working `serve` beats an error.
struct WatcherPolling {
    static let interval = Duration.milliseconds(250)
    let roots: [String]
    private var snapshot: [String: WatcherStamp]

    init(roots: [String]) {
        self.roots = roots
        snapshot = Self.scan(roots)
    }

    /// Looks again; returns the paths added, removed or changed since the last look.
    mutating func changes() -> [String] {
        let now = Self.scan(roots)
        var changed: [String] = []
        for (path, stamp) in now where snapshot[path] != stamp { changed.append(path) }
        for path in snapshot.keys where now[path] == nil { changed.append(path) }
        snapshot = now
        return changed
    }

    private static func scan(_ roots: [String]) -> [String: WatcherStamp] {
        var stamps: [String: WatcherStamp] = [:]
        for root in roots {
            // The root itself too, so that deleting it is reported.
            guard let stamp = WatcherStamp(path: root) else { continue }
            stamps[root] = stamp
            WatcherTree.walk(root) { path, stamp in stamps[path] = stamp }
        }
        return stamps
    }
}
