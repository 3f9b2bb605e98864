import Foundation

/// `content/cases/<id>/`: one folder per case. The folder's name is the case's id, so it must
/// be safe in a URL, and unique even where case does not count (on Windows and macOS disks,
/// and in the help desk's links).
enum CaseFolders {
    struct Folder {
        var id: String
        var path: String
        /// Every file but index.md and manual.md, relative to the folder, sorted.
        var attachments: [String]
        /// index.md is a file, not a link (so reading it need not ask where a link leads).
        var indexIsPlainFile = false
        var hasManual = false
    }

    /// Case ids may not end like the files the portal writes beside the case folders.
    static let reservedSuffixes = [".html", ".htm", ".json", ".xml", ".js", ".css", ".svg"]

    static func list(_ casesFolder: String, _ diagnostics: inout Diagnostics) -> [Folder] {
        // cases/ itself a link out of content/ would publish every folder where it leads.
        guard ContentFiles.staysInside(casesFolder, "content folder", &diagnostics),
              let entries = ContentFiles.entries(casesFolder) else { return [] }
        // The file system is asked about every folder on every core; the checks that compare
        // folders with each other then run in id order.
        // A hidden folder (`.draft`, `...`) is skipped, as editors' and tools' folders are:
        // said, so that a case named so by mistake is not missing without a word.
        for entry in entries where entry.name.hasPrefix(".") && entry.type == UInt8(DT_DIR) {
            diagnostics.append(Diagnostic(.warning, casesFolder + "/" + entry.name, line: 0, column: 0,
                "skipped: a folder whose name starts with '.' is hidden, not a case; rename it to publish it"))
        }
        let looks = entries.filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
            .parallelMap { Look($0.name, type: $0.type, in: casesFolder) }
        var seen: [String: String] = [:]
        return looks.filter(\.isFolder).compactMap { accept($0, seen: &seen, &diagnostics) }
    }

    /// One case folder, checked: it stays inside cases/, its name is a safe id that no other
    /// case has (`seen`: the ids so far, by their lower-case form), and it has an index.md.
    /// `serve` checks a folder it reloads the same way.
    static func folder(_ name: String, in casesFolder: String, seen: inout [String: String],
                       _ diagnostics: inout Diagnostics) -> Folder? {
        accept(Look(name, type: UInt8(DT_UNKNOWN), in: casesFolder), seen: &seen, &diagnostics)
    }

    /// What the file system says of a folder in cases/.
    private struct Look: Sendable {
        var name: String
        var path: String
        var isFolder = false
        /// Where the folder leads when it is a link out of cases/.
        var outside: String?
        var hasIndex = false
        var indexIsPlainFile = false
        var hasManual = false
        var attachments: [String] = []
        var attachmentProblems: [Diagnostic] = []

        /// `type`: the entry's type as the listing of cases/ gave it (DT_UNKNOWN: ask).
        init(_ name: String, type: UInt8, in casesFolder: String) {
            self.name = name
            path = casesFolder + "/" + name
            // One listing for the common folder (no link, index.md alone), types read from the
            // listings: asking FileManager for a link's target, and walking the folder, cost
            // more than reading the case.
            let type = type == DT_UNKNOWN ? Look.type(of: path) : type
            let isLink = type == DT_LNK
            isFolder = isLink ? ContentFiles.isFolder(path) : type == DT_DIR
            outside = isLink ? ContentFiles.linkOutside(path) : nil
            guard outside == nil, SOPLoader.isSafeName(name) else { return }
            let entries = ContentFiles.entries(path) ?? []
            let names = entries.map(\.name)
            if let index = entries.first(where: { $0.name == "index.md" }) {
                // A plain file is told at once; a link is followed, as before.
                indexIsPlainFile = (index.type == DT_UNKNOWN ? Look.type(of: path + "/index.md") : index.type) == DT_REG
                hasIndex = indexIsPlainFile || ContentFiles.exists(path + "/index.md")
            }
            hasManual = names.contains("manual.md") && ContentFiles.exists(path + "/manual.md")
            guard names.contains(where: { $0 != "index.md" && $0 != "manual.md" && !$0.hasPrefix(".") }) else { return }
            var found = Diagnostics()
            attachments = CaseFolders.attachments(in: path, &found)
            attachmentProblems = found.all
        }

        /// A path's type as `d_type` gives it, from lstat (links not followed).
        private static func type(of path: String) -> UInt8 {
            var info = stat()
            guard lstat(path, &info) == 0 else { return UInt8(DT_UNKNOWN) }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return UInt8(DT_REG)
            case S_IFDIR: return UInt8(DT_DIR)
            case S_IFLNK: return UInt8(DT_LNK)
            default: return UInt8(DT_UNKNOWN)
            }
        }
    }

    private static func accept(_ look: Look, seen: inout [String: String], _ diagnostics: inout Diagnostics) -> Folder? {
        let (name, path) = (look.name, look.path)
        // A case folder that is a link out of cases/ would publish every file where it leads.
        if let outside = look.outside {
            diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                "links to \(outside), outside the cases folder; move the case's folder in instead"))
            return nil
        }
        guard SOPLoader.isSafeName(name) else {
            diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                "case id \"\(name)\" may use only letters, digits, '-', '_' and '.'; rename the folder"))
            return nil
        }
        // The case list is /cases/index.html: a case folder named like a page beside it would
        // be written over it, or fail the build.
        let lower = name.lowercased()
        if lower == "index" || reservedSuffixes.contains(where: { lower.hasSuffix($0) }) {
            diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                "case id \"\(name)\" is named like a page the portal writes in /cases/ (the case list is /cases/index.html); rename the folder"))
            return nil
        }
        if let other = seen[name.lowercased()] {
            diagnostics.append(Diagnostic(.error, path, line: 1, column: 1,
                "two cases with one id: \"\(name)\" and \"\(other)\" differ only in case"))
            return nil
        }
        seen[name.lowercased()] = name
        guard look.hasIndex else {
            diagnostics.append(Diagnostic(.error, path + "/index.md", line: 1, column: 1, "the case has no index.md"))
            return nil
        }
        diagnostics.append(contentsOf: look.attachmentProblems)
        return Folder(id: name, path: path, attachments: look.attachments, indexIsPlainFile: look.indexIsPlainFile,
                      hasManual: look.hasManual)
    }
}
