import CAtomicSwap
import Foundation

/// What happens to the old portal once the new one is in its place.
extension Output {
    /// Hidden entries at the top of the old portal (a deploy repository's `.git`, `.well-known/`,
    /// `.gitkeep`) are not the build's: they move into the new one, then the old one is removed.
    /// They move after the exchange, not before: a build killed meanwhile leaves them in a folder
    /// the next build still moves them from (`makeStaging`), never in a staging folder it would
    /// delete. What cannot be done is a warning naming the folder: the new portal is published.
    static func retire(_ old: String, into output: String) -> [Diagnostic] {
        let (left, reason) = moveHidden(from: old, into: output)
        guard left.isEmpty else {
            // The old pages go; the hidden entries stay, with the folder that holds them.
            let fm = FileManager.default
            for name in (try? fm.contentsOfDirectory(atPath: old)) ?? [] where !name.hasPrefix(".") {
                try? removeTree(old + "/" + name)
            }
            return [Diagnostic(.warning, old, line: 0, column: 0,
                               "kept: it holds \(left.joined(separator: ", ")) from the top of the previous portal, which could "
                               + "not be moved into \(output) (\(reason ?? "")); a later build moves them, or move them by hand")]
        }
        do {
            try removeTree(old)
            return []
        } catch {
            return [Diagnostic(.warning, old, line: 0, column: 0,
                               "the previous portal could not be removed (\(CopyFiles.reason(error))); the new one is "
                               + "published, and a later build removes this folder where it can")]
        }
    }

    /// Moves each hidden entry at the top of `old` into `output`, unless `output` has one of that
    /// name. The names left in `old`, and why the first of them could not move.
    static func moveHidden(from old: String, into output: String) -> (left: [String], reason: String?) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: old)) ?? []).filter { $0.hasPrefix(".") }.sorted()
        var left: [String] = [], reason: String?
        for name in names {
            let from = old + "/" + name, to = output + "/" + name
            var moved = sopsite_move_no_replace(from, to) == 0
            if !moved, errno == EINVAL || errno == ENOSYS {
                // A file system without RENAME_NOREPLACE: look first.
                moved = access(to, F_OK) != 0 && Foundation.rename(from, to) == 0
            }
            if !moved {
                reason = reason ?? (errno == EEXIST ? "the new portal has one of that name" : String(cString: strerror(errno)))
                left.append(name)
            }
        }
        return (left, reason)
    }
}
