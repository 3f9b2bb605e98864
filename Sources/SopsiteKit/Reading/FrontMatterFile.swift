/// The first steps every content file with front matter shares: split it, parse the YAML, and
/// check that it is a mapping. Problems become diagnostics; nil when the file cannot be read on.
enum FrontMatterFile {
    static func read(_ text: String, path: String, what: String,
                     _ diagnostics: inout Diagnostics) -> (YAMLMap, FrontMatter)? {
        guard let front = split(text, path: path, &diagnostics) else { return nil }
        return map(front, path: path, what: what, &diagnostics).map { ($0, front) }
    }

    /// The file's front matter and body; nil when it has no front matter to split off.
    static func split(_ text: String, path: String, _ diagnostics: inout Diagnostics) -> FrontMatter? {
        do throws(Diagnostic) {
            return try FrontMatter.split(text, path: path)
        } catch {
            diagnostics.append(error)
            return nil
        }
    }

    /// The mapping of a file's front matter, already split from its body.
    static func map(_ front: FrontMatter, path: String, what: String, _ diagnostics: inout Diagnostics) -> YAMLMap? {
        let root: YAMLValue?
        do throws(Diagnostic) {
            root = try YAMLValue.parse(front.yaml, path: path, firstLine: front.yamlLine)
        } catch {
            diagnostics.append(error)
            return nil
        }
        guard let root else {
            diagnostics.append(Diagnostic(.error, path, line: front.yamlLine, column: 1, "the front matter is empty"))
            return nil
        }
        return root.map(what, &diagnostics)
    }
}
