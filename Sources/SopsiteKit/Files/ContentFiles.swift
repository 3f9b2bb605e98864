import Foundation

/// Reading content and theme files: sorted listings (so builds are reproducible) and text that
/// must be valid UTF-8.
enum ContentFiles {
    /// Names of the regular files in `folder` ending in `.ext`, sorted; empty if there is no folder.
    static func list(_ folder: String, extension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted()
    }

    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// The file's text, or a diagnostic when it is missing or not UTF-8. `isPlainFile`: the
    /// caller knows it is not a link.
    static func read(_ path: String, isPlainFile: Bool = false, _ diagnostics: inout Diagnostics) -> String? {
        // A file that is a symbolic link out of its folder would publish a file from elsewhere on the machine.
        if !isPlainFile, let outside = linkOutside(path) {
            diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                                          "links to \(outside), outside its folder; copy the file in instead"))
            return nil
        }
        // A named pipe would hold the build waiting for ever, a device would never end: told by
        // the open file's own type (a socket cannot be opened: asked about after).
        var kind: String?
        guard let bytes = bytes(path, special: &kind) else {
            kind = kind ?? special(path)
            let message = kind.map { "is \($0), not a file; only regular files are read" } ?? "cannot read the file"
            diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, message))
            return nil
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let (line, column) = firstInvalidUTF8(bytes)
        diagnostics.append(Diagnostic(.error, path, line: line, column: column,
                                      "the file is not valid UTF-8; save it as UTF-8"))
        return nil
    }

    /// The bytes of a file, read with the system's calls into memory of the file's size:
    /// Foundation's `contents(atPath:)` asked more of the file system and copied the bytes into
    /// `Data`, for every content file. Nil when it cannot be opened or read (a folder).
    static func bytes(_ path: String) -> [UInt8]? {
        var special: String?
        return bytes(path, special: &special)
    }

    /// The bytes of a file; nil, with `special` saying what it is, for a named pipe or a device,
    /// which are never read (one would wait for ever, the other never end).
    static func bytes(_ path: String, special: inout String?) -> [UInt8]? {
        // Non-blocking: opening a named pipe must not wait for a writer.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        if let kind = kind(of: info.st_mode) {
            special = kind
            return nil
        }
        // A file is read to the size it has now, in one read: asking again for its end cost a
        // call per file. A file that says it is empty (a /proc file) is read to its end.
        guard (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return bytesToEnd(fd) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, count in
            count = read(fd, into: buffer, failed: &failed)
        }
        return failed ? nil : bytes
    }

    private static func bytesToEnd(_ fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: 65536) { buffer, count in
                count = read(fd, into: buffer, failed: &failed)
            }
            if failed { return nil }
            bytes += chunk
            if chunk.count < 65536 { return bytes }
        }
    }

    /// Fills `buffer` from `fd` up to its end or the file's; how many bytes were read.
    private static func read(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, failed: inout Bool) -> Int {
        var done = 0
        while done < buffer.count {
            let n = Glibc.read(fd, buffer.baseAddress! + done, buffer.count - done)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failed = true }
            if n <= 0 { break }
            done += n
        }
        return done
    }

    /// Names and types (`d_type`: DT_REG, DT_DIR, DT_LNK, or DT_UNKNOWN where the file system
    /// does not say) of the entries of `folder`, but "." and "..", unsorted; nil if it cannot
    /// be listed. The type comes with the listing: asking the file system about each case
    /// folder and its index.md again cost 20,000 calls a build.
    static func entries(_ folder: String) -> [(name: String, type: UInt8)]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var found: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { found.append((name, entry.pointee.d_type)) }
        }
        return found
    }

    /// False, with an error, when `path` is a symbolic link out of the folder it is in (`what`:
    /// that folder, for the message).
    static func staysInside(_ path: String, _ what: String, _ diagnostics: inout Diagnostics) -> Bool {
        guard let outside = linkOutside(path) else { return true }
        diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                                      "links to \(outside), outside the \(what); move it in instead"))
        return false
    }

    /// "a named pipe (FIFO)", "a socket" or "a device" when `path` (followed if a link) is one;
    /// nil for a file, a folder, or nothing.
    static func special(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(of: info.st_mode)
    }

    /// What a file of this mode is, when it is neither a file nor a folder (nor a link).
    private static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return nil
        }
    }

    /// Where `path` leads when it is a symbolic link to something outside the folder it is in
    /// (after following every link); nil when it is not a link, or leads inside.
    static func linkOutside(_ path: String) -> String? {
        guard (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil else { return nil }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        let resolved = url.resolvingSymlinksInPath().path
        return resolved.hasPrefix(folder == "/" ? "/" : folder + "/") ? nil : resolved
    }

    /// Where the first byte that is not UTF-8 sits, as line and column.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        // The standard decoder, scalar by scalar: the old check made a String per character (2 s for 20 MB).
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, lineStart = 0, offset = 0
        while case let .scalarValue(scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
            if scalar == "\n" { line += 1; lineStart = offset }
        }
        guard offset < bytes.count else { return (line, 1) }
        let column = (String(validating: bytes[lineStart..<offset], as: UTF8.self)?.unicodeScalars.count ?? 0) + 1
        return (line, column)
    }
}
