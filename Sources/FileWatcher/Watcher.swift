import Foundation

/// Watches folders (recursively) and reports the paths that changed, after a quiet period, so
/// that an editor's burst of writes (temp file, rename, chmod) becomes one rebuild.
///
/// Created, changed and deleted files are reported, and so are created and deleted folders (a
/// folder in a batch means anything below it may have changed). Editor files
/// (`EditorFiles.isIgnored`) and hidden folders are left out.
///
/// The watcher runs until `stop()` is called or the task reading `changes` is cancelled. Letting
/// go of it does not stop it: Swift may release an object before the end of its scope, which
/// would otherwise end a `for await` over `changes` at random.
public final class Watcher: Sendable {
    /// Why folders cannot be watched.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Batches of changed paths, each batch sorted and without duplicates. Ends when `stop()`
    /// is called; changes not yet reported then are dropped.
    public let changes: AsyncStream<[String]>
    private let control: WatcherControl

    /// Starts watching.
    /// - Parameters:
    ///   - folders: e.g. `["content", "themes"]`, relative or absolute. Paths are reported as
    ///     given: a change to `content/cases/X/index.md` is reported as that.
    ///   - quiet: how long no further change must come before a batch is reported, e.g. 30 ms.
    ///     A constant stream of changes is still reported every 10 × `quiet`.
    ///   - settle: how long, at most `quiet`, when the latest change finished a save (a file
    ///     closed after writing or renamed into place; inotify only). nil: `quiet`.
    /// - Throws: `Failure` when a folder does not exist or cannot be watched.
    public convenience init(folders: [String], quiet: Duration, settle: Duration? = nil) throws {
        try self.init(folders: folders, quiet: quiet, settle: settle, polling: false)
    }

    /// `polling`: stat every file every 250 ms instead of using inotify, as the watcher does
    /// anyway when inotify is out of watches. There so that tests can reach that path.
    init(folders: [String], quiet: Duration, settle: Duration? = nil, polling: Bool) throws {
        let roots = try folders.map(Self.checkedFolder)
        let (stream, continuation) = AsyncStream.makeStream(of: [String].self)
        let loop = try WatcherLoop(roots: roots, quiet: quiet, settle: settle, polling: polling, continuation: continuation)
        changes = stream
        control = loop.control
        continuation.onTermination = { [control] _ in control.stop() }
        // A thread of its own rather than a task: it spends its life blocked in poll(), which
        // would hold one of the few threads of Swift's cooperative pool.
        let thread = Thread { loop.run() }
        thread.name = "sopsite watcher"
        thread.start()
    }

    /// Stops watching and ends `changes`. Calling it again does nothing.
    public func stop() {
        control.stop()
    }

    private static func checkedFolder(_ folder: String) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(description: "\(folder): no such folder to watch")
        }
        return WatcherTree.normalized(folder)
    }
}

/// What `stop()` shares with the watcher's thread: a flag, and a pipe whose write end wakes
/// the thread from `poll()` at once instead of at its next timeout.
final class WatcherControl: @unchecked Sendable {
    // @unchecked: `stopped` is only touched under `lock`; the descriptors never change, and are
    // closed only in deinit, when nobody can write to them any more.
    private let lock = NSLock()
    private var stopped = false
    private let wakeWrite: Int32
    /// Becomes readable when `stop()` is called.
    let wakeRead: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw Watcher.Failure(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
        }
        wakeRead = ends[0]
        wakeWrite = ends[1]
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    var isStopped: Bool {
        lock.withLock { stopped }
    }

    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            // One byte, once: the pipe never fills, so this write cannot block.
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
    }
}
