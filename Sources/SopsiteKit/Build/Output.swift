import CAtomicSwap
import Foundation

/// The output folder of a build: everything goes to a staging folder beside it (written by
/// `SiteWriter`), which replaces the output only when the whole build has succeeded. A failed or
/// killed build leaves the last good site as it was.
enum Output {
    /// A fresh staging folder next to `output` (same file system, so the swap is a rename).
    static func makeStaging(for output: String) throws -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".staging-"
        let staging = parent + "/" + prefix + "\(getpid())"
        let fm = FileManager.default
        // A build that was killed left its staging folder, the `.old` one of `swap`, or the
        // pages it linked for search: only `<prefix><pid>[.old|.search-<pid>]`, and only once
        // that process is gone (EPERM: alive, not ours). One killed after the exchange left the
        // old portal there, with hidden entries it had still to move: they move first, and a
        // folder still holding any is kept.
        for name in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            var rest = name.dropFirst(prefix.count)
            let search = rest.range(of: ".search-")
            if let search { rest = rest[..<search.lowerBound] }
            let number = rest.hasSuffix(".old") ? rest.dropLast(4) : rest
            guard number.allSatisfy({ ("0"..."9").contains($0) }), let pid = Int32(number), pid > 0 else { continue }
            guard pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
            guard search != nil || moveHidden(from: parent + "/" + name, into: output).left.isEmpty else { continue }
            try? removeTree(parent + "/" + name)
        }
        // Said before any page is made, with the output's path and the system's reason.
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
            throw Diagnostic.failure(output, "the output is a file, not a folder; give --output a folder")
        }
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic.failure(output, "cannot write beside the output folder, where a build is "
                                     + "made before it replaces it (\(parent)): \(CopyFiles.reason(error))")
        }
        return staging
    }

    /// Writes a file with the system's calls, `path` relative to the open folder `base` (or the
    /// current folder, AT_FDCWD): Foundation's `Data.write` copied the page and asked the file
    /// system more than once, 20,000 times a build. Nil, or why not.
    static func writeFile(at base: Int32, _ path: String, _ bytes: UnsafeRawBufferPointer) -> String? {
        let fd = openat(base, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)  // less the umask, as any program
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        let failure = writeAll(fd, bytes).map { String(cString: strerror($0)) }
        guard close(fd) == 0 || failure != nil else { return String(cString: strerror(errno)) }
        return failure
    }

    /// Writes every byte to `fd`, again after an interruption. Nil, or the errno.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return nil
    }

    /// Puts `staging` in the place of `output`, then retires the old portal (`retire`): what
    /// goes wrong after the exchange is a warning, since the new portal is published by then.
    static func swap(_ staging: String, into output: String) throws -> [Diagnostic] {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: output, isDirectory: &isFolder) else {
            try rename(staging, output)
            return []
        }
        guard isFolder.boolValue else { throw Diagnostic.failure(output, "exists and is not a folder") }
        // Exchange the two folders in one step where the kernel can, so that no reader
        // ever finds the output missing.
        if sopsite_exchange_paths(staging, output) == 0 { return retire(staging, into: output) }
        let old = staging + ".old"
        try rename(output, old)
        do {
            try rename(staging, output)
        } catch {
            try? rename(old, output)  // the last good portal back in its place
            throw error
        }
        return retire(old, into: output)
    }

    /// Removes the previous portal, the folders one level down (10,000 case folders) on every
    /// core: one thread took a tenth of a build. Links are removed, never followed.
    static func removeTree(_ path: String) throws {
        let fm = FileManager.default
        func isRealFolder(_ path: String) -> Bool {
            (try? fm.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeDirectory
        }
        var inner: [String] = []
        for name in (try? fm.contentsOfDirectory(atPath: path)) ?? [] where isRealFolder(path + "/" + name) {
            inner += ((try? fm.contentsOfDirectory(atPath: path + "/" + name)) ?? []).map { path + "/" + name + "/" + $0 }
        }
        _ = inner.parallelMap { try? FileManager.default.removeItem(atPath: $0) }
        try fm.removeItem(atPath: path)
    }

    private static func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else {
            throw Diagnostic.failure(to, "cannot move \(from) here: \(String(cString: strerror(errno)))")
        }
    }
}
