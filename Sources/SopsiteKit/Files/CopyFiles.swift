import Foundation

/// Copying the files the portal publishes as they are: a case's attachments and the theme's
/// static files. Each is a regular file (checked when it was found: `CaseFolders.attachments`,
/// `CopyFiles.checkStatic`); a link is published as the file it leads to, never as a link. A
/// failure names the file in content/ or the theme and why, never the staging folder.
enum CopyFiles {
    /// Copies `source` to `destination`, making its folder.
    static func file(_ source: String, to destination: String) throws {
        let resolved = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
        // Opened first, so that a file that cannot be read is said as such, with the system's words.
        let fd = open(resolved, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(source, "cannot read it: \(String(cString: strerror(errno)))") }
        close(fd)
        do {
            let folder = (destination as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try bytes(of: resolved, to: destination)
        } catch {
            throw failure(source, "cannot copy it to the output folder: \(reason(error))")
        }
    }

    /// A new file at `destination` with the bytes of `source` and its permission bits (less the
    /// umask), owned by whoever builds: Foundation's `copyItem` also copies the owner and group,
    /// and fails for a theme installed by another user (root's, the CI runner's).
    static func bytes(of source: String, to destination: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, info.st_mode & 0o777)
        guard output >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var failed: Int32 = 0
        while failed == 0 {
            let read = Glibc.read(input, &buffer, buffer.count)
            if read == 0 { break }
            if read < 0 { if errno != EINTR { failed = errno }; continue }
            if let problem = buffer.withUnsafeBytes({ Output.writeAll(output, UnsafeRawBufferPointer(rebasing: $0[0..<read])) }) {
                failed = problem
            }
        }
        if close(output) != 0, failed == 0 { failed = errno }
        if failed != 0 {
            unlink(destination)
            throw POSIXError(POSIXErrorCode(rawValue: failed) ?? .EIO)
        }
    }

    /// The theme's static files (CSS, fonts, scripts): source → path in the site; a theme
    /// without `static/` has none. What the theme's load refused (`checkStatic`) is left out.
    static func staticFiles(of theme: String) -> [(source: String, path: String)] {
        var refused = Diagnostics()
        return checkStatic(theme + "/static", &refused).map { (theme + "/static/" + $0, "static/" + $0) }
    }

    /// The files of a theme's `static/` folder, relative to it, sorted; what cannot be published
    /// (a link out of the theme, a named pipe, a device) is an error at its path (`PublishedFiles`).
    @discardableResult
    static func checkStatic(_ folder: String, _ diagnostics: inout Diagnostics) -> [String] {
        guard ContentFiles.isFolder(folder) else { return [] }
        var files: [String] = []
        let theme = (folder as NSString).deletingLastPathComponent
        PublishedFiles.walk(folder, inside: theme, owner: .init(place: "the theme", publisher: "a theme"), &diagnostics) {
            relative, isFolder, _ in
            if !isFolder { files.append(relative) }
            return .goOn
        }
        return files.sorted()
    }

    private static func failure(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic.failure(path, message, atFileStart: true)
    }

    /// The system's reason for a Foundation error (its POSIX error's words), without its paths:
    /// for a copy that failed, or a program that could not start (`ChildProcess`).
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error, (underlying as NSError).domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32((underlying as NSError).code)))
        }
        if ns.domain == NSCocoaErrorDomain, [CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileReadNoPermission.rawValue].contains(ns.code) {
            return String(cString: strerror(EACCES))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if ns.domain == NSCocoaErrorDomain, ns.code == CocoaError.fileWriteFileExists.rawValue { return "a file of that name is already there" }
        return "error \(ns.code) of \(ns.domain)"
    }
}
