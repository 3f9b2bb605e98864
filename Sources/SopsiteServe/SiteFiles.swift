import Foundation

/// Serves the output folder as any static web server would: `index.html` for a folder,
/// the right content type, a 404 page, and nothing outside the folder. HTML pages get the
/// live-reload script added on the way out; the files on disk never hold it.
struct SiteFiles: Sendable {
    let root: String
    let hub: LiveReload

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json; charset=utf-8",
        "xml": "application/atom+xml; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "woff2": "font/woff2", "woff": "font/woff", "pdf": "application/pdf", "txt": "text/plain; charset=utf-8",
        "ico": "image/x-icon",
    ]

    /// What the server answers: a status, its headers and a body, whatever the HTTP library.
    struct Reply: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        /// As sent for `method`: with its Content-Length, and for HEAD, GET's status and
        /// headers, its length included, and no body.
        func sent(for method: String) -> Reply {
            var reply = self
            reply.headers.append(("Content-Length", String(body.count)))
            if method == "HEAD" { reply.body = Data() }
            return reply
        }
    }

    /// `target` is the request-target as the browser sent it (path and query).
    func answer(method: String, target: String) async -> Reply {
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        let reply = method == "GET" || method == "HEAD" ? await get(path) : Self.notAllowed
        return reply.sent(for: method)
    }

    /// Any method but GET and HEAD.
    static let notAllowed = Reply(
        status: 405, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Allow", "GET, HEAD")],
        body: Data("405 method not allowed: the portal is read with GET and HEAD\n".utf8))

    private func get(_ asked: String) async -> Reply {
        // The path as asked keeps its trailing slash, which decides between a redirect and a
        // folder's index.html.
        guard let relative = Self.safePath(asked) else {
            return Reply(status: 403, headers: [("Content-Type", "text/plain; charset=utf-8")],
                         body: Data("403 forbidden: the path leaves the site\n".utf8))
        }
        var path = root + "/" + relative
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            guard asked.hasSuffix("/") else {
                // From the normalised path: `//cases` must not send the browser to the host "cases".
                let location = relative.isEmpty ? "/" : "/" + relative + "/"
                return Reply(status: 301, headers: [("Location", location)], body: Data())
            }
            path += "/index.html"
        }
        guard let data = contents(of: path) else { return await notFound() }
        let ext = (path as NSString).pathExtension.lowercased()
        let type = Self.types[ext] ?? "application/octet-stream"
        let body = ext == "html" ? LiveClient.inject(into: data, version: await hub.build) : data
        return Reply(status: 200, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: body)
    }

    /// The request's path as a path inside the site, or nil if it would leave it
    /// (`..`, a NUL, a backslash).
    static func safePath(_ requestPath: String) -> String? {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return parts.joined(separator: "/")
    }

    /// A file's bytes, if it exists and, after following links, is still inside the site.
    private func contents(of path: String) -> Data? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let base = URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/"
        guard resolved.hasPrefix(base) else { return nil }
        return FileManager.default.contents(atPath: resolved)
    }

    /// The site's own `404.html` when it has one, otherwise a short page of ours.
    private func notFound() async -> Reply {
        let page = contents(of: root + "/404.html") ?? Data("""
            <!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>404</title></head>
            <body><h1>404</h1><p>ไม่พบหน้านี้ (page not found)</p><p><a href="/">หน้าแรก</a></p></body></html>

            """.utf8)
        return Reply(status: 404, headers: [("Content-Type", "text/html; charset=utf-8")],
                     body: LiveClient.inject(into: page, version: await hub.build))
    }
}
