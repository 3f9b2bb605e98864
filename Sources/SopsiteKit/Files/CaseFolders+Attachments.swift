import Foundation

/// The files a case folder holds beside index.md and manual.md, published with the case.
extension CaseFolders {
    /// Files of the folder to copy with the case. A symbolic link that leads out of the folder
    /// is refused: the portal must not publish files from elsewhere on the machine.
    static func attachments(in folder: String, _ diagnostics: inout Diagnostics) -> [String] {
        var files: [String] = []
        PublishedFiles.walk(folder, inside: folder, owner: .init(place: "the case's folder", publisher: "a case"), &diagnostics,
                            skip: { $0 == "index.md" || $0 == "manual.md" || $0.split(separator: "/").contains { $0.hasPrefix(".") } }) {
            relative, isFolder, diagnostics in
            let path = folder + "/" + relative
            // A folder is looked into, except one whose name the portal writes (`manual/`).
            if isFolder, !AttachmentTypes.reservedNames.contains(relative.lowercased()) { return .goOn }
            // Only types a browser shows or downloads, never runs on the portal's own site.
            if let problem = AttachmentTypes.problem(relative, isFolder: isFolder) {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, problem))
                return isFolder ? .skipFolder : .goOn
            }
            // Said now, by `check` too, rather than when the build copies it.
            if access(path, R_OK) != 0 {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, "cannot read it: \(String(cString: strerror(errno)))"))
            } else if relative.lowercased() == "manual.pdf" && ContentFiles.exists(folder + "/manual.md") {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                    "the portal writes manual.pdf itself, from manual.md; rename the file"))
            } else {
                files.append(relative)
            }
            return .goOn
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
