import Foundation

/// The walk a case's attachments and a theme's static files share: the portal publishes both
/// folders' files as they are, so neither may reach outside where it belongs. Every entry that
/// stays inside `root` (its links followed) and is a file or a folder goes to `visit`; a link out
/// of `root`, a link to nothing, a named pipe, a socket or a device is an error at its path.
enum PublishedFiles {
    /// Where the files must stay and who publishes them, for the messages: ("the case's
    /// folder", "a case"), ("the theme", "a theme").
    struct Owner {
        let place: String
        let publisher: String
    }

    /// What to do with a folder `visit` was given.
    enum Next { case goOn, skipFolder }

    /// Walks `folder`; `skip` leaves entries out before anything is asked of them.
    static func walk(_ folder: String, inside root: String, owner: Owner, _ diagnostics: inout Diagnostics,
                     skip: (String) -> Bool = { _ in false },
                     _ visit: (_ relative: String, _ isFolder: Bool, _ diagnostics: inout Diagnostics) -> Next) {
        // Resolved only when there is an entry to check: most case folders hold index.md alone.
        lazy var inside = URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/"
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            if skip(relative) { continue }
            let path = folder + "/" + relative
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            // A link to the root itself (`loop -> .`) stays inside: it is a folder, and not copied.
            guard resolved.hasPrefix(inside) || resolved + "/" == inside else {
                diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                                              "links to \(resolved), outside \(owner.place); copy the file in instead"))
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
                                              "is \(kind), not a file; \(owner.publisher) publishes files only"))
                continue
            }
            if visit(relative, ContentFiles.isFolder(path), &diagnostics) == .skipFolder { enumerator?.skipDescendants() }
        }
    }
}
