/// Files an editor (or a tool such as `sed -i`) writes on its way to saving, which never need a
/// rebuild. The watcher drops them so that saving one page does not rebuild for its swap file
/// first. The rules are conservative: a file a person could plausibly mean as content is kept.
enum EditorFiles {
    /// Whether `path` (a name, or a path of names joined by `/`) is such a file or lies inside a
    /// hidden folder. The components `.` and `..` count as ordinary, so `./content/a.md` is kept.
    static func isIgnored(_ path: String) -> Bool {
        let names = path.split(separator: "/", omittingEmptySubsequences: true)
        // Anything below a hidden folder is ignored: `.git` and editor state folders
        // (`.idea`, `.vscode`) churn on every commit or keystroke and are never content.
        for name in names.dropLast() where isHidden(name) { return true }
        guard let name = names.last else { return false }
        return isHidden(name) || isEditorName(name)
    }

    /// Names starting with `.` are hidden: besides `.git`, this covers vim's swap files
    /// (`.index.md.swp`), emacs's lock links (`.#index.md`), macOS's `.DS_Store` and gedit's
    /// `.goutputstream-XXXXXX` temporaries. The site builder skips hidden files too.
    private static func isHidden(_ name: Substring) -> Bool {
        name.hasPrefix(".") && name != "." && name != ".."
    }

    private static func isEditorName(_ name: Substring) -> Bool {
        // vim's swap files when kept beside the file without a dot (`directory=.`), and `.swx`,
        // the probe vim writes to test that it may create a swap file.
        for suffix in [".swp", ".swo", ".swn", ".swx"] where name.hasSuffix(suffix) { return true }
        // Backups: vim's and emacs's `index.md~`, and emacs's numbered `index.md.~2~`.
        if name.hasSuffix("~") { return true }
        // emacs's autosave, `#index.md#`, rewritten every few hundred keystrokes.
        if name.count > 2, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        // Temporaries many tools write before renaming over the real file; the rename itself
        // is what gets reported.
        if name.hasSuffix(".tmp") { return true }
        // JetBrains IDEs' "safe write": `index.md___jb_tmp___` renamed over `index.md`, which
        // was first moved to `index.md___jb_old___`.
        if name.hasSuffix("___jb_tmp___") || name.hasSuffix("___jb_old___") { return true }
        return isVimProbe(name) || isSedTemporary(name)
    }

    /// vim checks that it may create files in a folder by creating and deleting `4913`; if that
    /// name exists it tries 4913 + 123, + 246, … No content file is named by digits alone.
    private static func isVimProbe(_ name: Substring) -> Bool {
        guard name.allSatisfy(\.isASCII), let number = Int(name), number >= 4913 else { return false }
        return (number - 4913) % 123 == 0
    }

    /// `sed -i` writes the new text to `sedXXXXXX` (mkstemp: six letters or digits) and renames
    /// it over the file. To keep a real name like `sedentary`, at least one of the six must be
    /// a digit or a capital, as random ones almost always include.
    private static func isSedTemporary(_ name: Substring) -> Bool {
        guard name.hasPrefix("sed"), name.count == 9 else { return false }
        let random = name.dropFirst(3)
        guard random.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        return random.contains { $0.isNumber || $0.isUppercase }
    }
}
