import BusinessTime
import Foundation

/// `/build.json`: the portal's health for the help desk (NOC). When it was last built, as of
/// which day, from which commit of the content, how much it holds, and the errors if the last
/// attempt failed (the pages then stay as the last good build left them). A portal whose
/// `built` is older than a day, or whose `errors` is not empty, needs someone to look.
public struct BuildInfo: Sendable {
    /// When the attempt ended, Bangkok time.
    public var built: String
    public var asOf: Day
    /// The content's git commit, when it is in a repository (or `SOPSITE_CONTENT_COMMIT` says it).
    public var commit: String?
    public var sops: Int
    public var cases: Int
    /// Empty when the portal is current; otherwise why the last attempt failed.
    public var errors: [String]

    /// The file for a portal of `content` (nil: none built yet) made as `options` say, now.
    init(_ content: Content?, options: BuildOptions, errors: [Diagnostic], clock: PortalClock) {
        (built, asOf, commit) = (clock.stamp(), options.asOf, BuildInfo.commit(of: options.contentFolder))
        (sops, cases) = (content?.sops.count ?? 0, content?.cases.count ?? 0)
        self.errors = errors.map(\.description)
    }

    /// The file's text: keys sorted, one per line, as status.json writes them.
    public var json: String {
        let errorList = errors.isEmpty ? "[]" : "[\n" + errors.map { "    " + StatusJSON.json($0) }.joined(separator: ",\n") + "\n  ]"
        return """
        {
          "as_of" : \(StatusJSON.json(asOf.description)),
          "built" : \(StatusJSON.json(built)),
          "cases" : \(cases),
          "commit" : \(commit.map(StatusJSON.json) ?? "null"),
          "errors" : \(errorList),
          "ok" : \(errors.isEmpty),
          "sops" : \(sops),
          "version" : 1
        }

        """
    }

    /// The commit the content is at: `SOPSITE_CONTENT_COMMIT`, the `.sopsite-commit` file the
    /// post-receive hook leaves in a checkout, or the commit checked out in the folder's
    /// repository (the folder or one above it), read from `.git` without running git; nil else.
    public static func commit(of folder: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let given = environment["SOPSITE_CONTENT_COMMIT"], !given.isEmpty { return given }
        if let left = ContentFiles.bytes(folder + "/.sopsite-commit").flatMap({ String(validating: $0, as: UTF8.self) }) {
            let commit = left.trimmingCharacters(in: .whitespacesAndNewlines)
            if !commit.isEmpty { return commit }
        }
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        for _ in 0..<4 {
            if let commit = head(url.appendingPathComponent(".git").path) { return commit }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// HEAD of a `.git` folder (or a `.git` file that names one): its commit.
    static func head(_ git: String) -> String? {
        guard let folder = ContentFiles.isFolder(git) ? git : gitFile(git),
              let bytes = ContentFiles.bytes(folder + "/HEAD"),
              let text = String(validating: bytes, as: UTF8.self)?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        guard text.hasPrefix("ref: ") else { return text.isEmpty ? nil : text }
        let ref = String(text.dropFirst(5))
        if let loose = ContentFiles.bytes(folder + "/" + ref).flatMap({ String(validating: $0, as: UTF8.self) }) {
            return loose.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let packed = ContentFiles.bytes(folder + "/packed-refs").flatMap { String(validating: $0, as: UTF8.self) } ?? ""
        return packed.split(separator: "\n").first { $0.hasSuffix(" " + ref) }.map { String($0.prefix { $0 != " " }) }
    }

    /// `gitdir: <path>` in a `.git` file (a worktree or submodule).
    private static func gitFile(_ path: String) -> String? {
        guard let text = ContentFiles.bytes(path).flatMap({ String(validating: $0, as: UTF8.self) }), text.hasPrefix("gitdir: ") else { return nil }
        let dir = text.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines)
        return dir.hasPrefix("/") ? dir : (path as NSString).deletingLastPathComponent + "/" + dir
    }
}
