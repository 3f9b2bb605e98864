#if os(Linux)
import Glibc

/// Linux's inotify, one watch per folder. inotify is not recursive, so every folder below the
/// roots gets a watch, at the start and as soon as it is created.
final class WatcherInotify {
    /// The events that matter. A save comes as IN_CLOSE_WRITE (vim, nano, `echo >> file`) or
    /// IN_MOVED_TO (editors that write a temp file and rename it over); IN_CREATE and IN_DELETE
    /// for new and deleted files and folders, IN_MOVED_FROM for ones renamed away, IN_ATTRIB
    /// for chmod and `touch`. IN_MODIFY too: each write then restarts the quiet period, so a
    /// file created and written slowly is not reported half-written on its IN_CREATE alone,
    /// and a program that keeps a file open (never closing it) is still seen.
    /// IN_EXCL_UNLINK: nothing from files deleted while still open (temp files).
    private static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE
        | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB | IN_MODIFY) | UInt32(IN_EXCL_UNLINK)

    let descriptor: Int32
    /// Watched folders by watch descriptor, as reported (a root as given, then `root/sub`).
    private var folders: [Int32: String] = [:]
    private let roots: [String]
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
    /// Set when inotify can no longer see everything: the per-user watch limit kept a folder
    /// from being watched, or a root was deleted (it may come back, as after `rm -rf content;
    /// git checkout content`, and nothing watches its parent). Polling sees both.
    private var needsPolling = false
    /// Whether the last event reported by `read` finished a save.
    private var settled = false

    private init(descriptor: Int32, roots: [String]) {
        self.descriptor = descriptor
        self.roots = roots
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Watches `roots` and all folders below them. nil when inotify cannot be used (no
    /// instance or watch left for this user, or no inotify at all): the caller then polls.
    static func open(roots: [String]) throws -> WatcherInotify? {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let inotify = WatcherInotify(descriptor: descriptor, roots: roots)
        for root in roots {
            guard inotify.addWatch(root, isRoot: true) || inotify.needsPolling else {
                throw Watcher.Failure(description: "\(root): cannot watch: \(String(cString: strerror(errno)))")
            }
            _ = inotify.watchBelow(root)
            if inotify.needsPolling { return nil }
        }
        return inotify
    }

    /// Reads every event waiting; returns the paths they name, and whether a new folder could
    /// not be watched for lack of watches or a root was deleted: the caller should poll then.
    /// `settled`: the last event reported finished a save (IN_CLOSE_WRITE, or IN_MOVED_TO: a
    /// file or folder renamed into place is whole).
    func read() -> (changed: [String], settled: Bool, needsPolling: Bool) {
        var changed: [String] = []
        settled = false
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0, errno == EINTR { continue }
            // Less than 0 is EAGAIN: nothing more is waiting.
            guard count > 0 else { break }
            var offset = 0
            // Each event: wd, mask, cookie, len (4 bytes each), then a name of len bytes,
            // padded with NULs.
            while offset + 16 <= count {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                guard offset + 16 + length <= count else { break }
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset + 16 ..< offset + 16 + length])
                let name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                handle(watch: watch, mask: mask, name: name, into: &changed)
            }
        }
        return (changed, settled, needsPolling)
    }

    private func handle(watch: Int32, mask: UInt32, name: String, into changed: inout [String]) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: anything may have changed, and new folders may lack a watch.
            changed += roots
            for root in roots where addWatch(root, isRoot: true) { _ = watchBelow(root) }
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return
        }
        guard let folder = folders[watch] else { return }
        // No name: the event is about the watched folder itself. Only a root's deletion
        // matters; any other folder's deletion is reported by its parent's watch.
        guard !name.isEmpty else {
            if mask & UInt32(IN_DELETE_SELF) != 0, roots.contains(folder) {
                changed.append(folder)
                needsPolling = true
            }
            return
        }
        guard !EditorFiles.isIgnored(name) else { return }
        let path = folder + "/" + name
        changed.append(path)
        settled = mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0
        guard mask & UInt32(IN_ISDIR) != 0 else { return }
        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // Files may have been written in it before its watch was added: report them all.
            if addWatch(path, isRoot: false) { changed += watchBelow(path) }
        } else if mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 {
            forget(path)
        }
    }

    /// Watches every folder below `folder` (already watched itself), and returns every path
    /// below it. `walk` visits a folder before listing it, so its watch is in place before its
    /// entries are read: a file created meanwhile is either listed or reported by inotify.
    private func watchBelow(_ folder: String) -> [String] {
        var found: [String] = []
        WatcherTree.walk(folder) { path, stamp in
            found.append(path)
            if stamp.isFolder { _ = addWatch(path, isRoot: false) }
        }
        return found
    }

    /// Whether the watch was added. Other failures than ENOSPC are left alone: the folder is
    /// already gone (its parent reports that) or cannot be read (nor built, then).
    private func addWatch(_ folder: String, isRoot: Bool) -> Bool {
        // A root is followed if it is a symbolic link, as it is what the user named; links
        // below are not, as the tree walk does not follow them either.
        let flags = UInt32(IN_ONLYDIR) | (isRoot ? 0 : UInt32(IN_DONT_FOLLOW))
        let watch = inotify_add_watch(descriptor, folder, Self.events | flags)
        guard watch >= 0 else {
            if errno == ENOSPC { needsPolling = true }
            return false
        }
        // The same folder reached twice (a root inside another root) keeps its first name.
        if folders[watch] == nil { folders[watch] = folder }
        return true
    }

    /// Drops the watches of a folder deleted or renamed away and of those below it. A renamed
    /// folder keeps its watches under the new name, which would report the old paths.
    private func forget(_ folder: String) {
        for (watch, path) in folders where path == folder || path.hasPrefix(folder + "/") {
            _ = inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }
}
#endif
