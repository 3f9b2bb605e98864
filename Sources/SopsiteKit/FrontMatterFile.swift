/// The first steps every content file with front matter shares: split it, parse the YAML, and
/// check that it is a mapping. Problems become diagnostics; nil when the file cannot be read on.
enum FrontMatterFile {
    static func read(_ text: String, path: String, what: String,
                     _ diagnostics: inout Diagnostics) -> (YAMLMap, FrontMatter)? {
        let front: FrontMatter
        let root: YAMLValue?
        do throws(Diagnostic) {
            front = try FrontMatter.split(text, path: path)
            root = try YAMLValue.parse(front.yaml, path: path, firstLine: front.yamlLine)
        } catch {
            diagnostics.append(error)
            return nil
        }
        guard let root else {
            diagnostics.append(Diagnostic(.error, path, line: front.yamlLine, column: 1, "the front matter is empty"))
            return nil
        }
        guard let map = root.map(what, &diagnostics) else { return nil }
        return (map, front)
    }
}
