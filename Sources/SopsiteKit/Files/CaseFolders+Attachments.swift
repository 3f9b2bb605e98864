import Foundation

/// The files a case folder holds beside index.md and manual.md, published with the case.
extension CaseFolders {
    /// Files of the folder to copy with the case. A symbolic link that leads out of the folder
    /// is refused: the portal must not publish files from elsewhere on the machine.
    static func attachments(in folder: String, _ diagnostics: inout Diagnostics) -> [String] {
        // Resolved only when there is a file to check: most case folders hold index.md alone.
        lazy var root = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path + "/"
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            if relative == "index.md" || relative == "manual.md" || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                continue
            }
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            // A link to the folder itself (`loop -> .`) stays inside: it is a folder, and not copied.
            guard resolved.hasPrefix(root) || resolved + "/" == root else {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                                              "links to \(resolved), outside the case's folder; copy the file in instead"))
                continue
            }
            // A link to nothing would be published as a broken link, or fail the copy.
            guard ContentFiles.exists(path) else {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? resolved
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, "links to \(target), which does not exist"))
                continue
            }
            if let kind = ContentFiles.special(path) {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                                              "is \(kind), not a file; a case publishes files only"))
                continue
            }
            // A folder is looked into, except one whose name the portal writes (`manual/`).
            let isFolder = ContentFiles.isFolder(path)
            if isFolder, !AttachmentTypes.reservedNames.contains(relative.lowercased()) { continue }
            // Only types a browser shows or downloads, never runs on the portal's own site.
            if let problem = AttachmentTypes.problem(relative, isFolder: isFolder) {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, problem))
                if isFolder { enumerator?.skipDescendants() }
                continue
            }
            // Said now, by `check` too, rather than when the build copies it.
            if !isFolder, access(path, R_OK) != 0 {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, "cannot read it: \(String(cString: strerror(errno)))"))
                continue
            }
            if relative.lowercased() == "manual.pdf" && ContentFiles.exists(folder + "/manual.md") {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                    "the portal writes manual.pdf itself, from manual.md; rename the file"))
                continue
            }
            files.append(relative)
        }
        // Names that differ only in case are one file on the Windows and macOS disks a portal is copied to.
        var seen: [String: String] = [:]
        for file in files.sorted() {
            if let other = seen[file.lowercased()] {
                diagnostics.append(Diagnostic(.error, folder + "/" + file, line: 1, column: 1,
                                              "two attachments with one name: \"\(file)\" and \"\(other)\" differ only in case"))
            }
            seen[file.lowercased()] = file
        }
        return files.sorted()
    }
}
