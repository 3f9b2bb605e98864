import Foundation

/// The one way the portal's files reach a folder, for a build and for `serve` and `publish`.
/// - `fresh`: a build writes into a staging folder no one reads yet, each file straight; the
///   folder then replaces the output whole (`Output.swap`).
/// - `live`: `serve` and `publish` write into the folder being served. Each file is compared with
///   what was written there before and written only when its bytes changed, through a temporary
///   file and a rename, so that a browser never reads half a page.
final class SiteWriter: Sendable {
    enum Mode: Sendable {
        /// The staging folder, open: files are made relative to it, and the kernel does not walk
        /// every folder of the path from / for each of 20,000 files. Closed with the writer.
        case fresh(opened: Int32)
        /// The digest (`SiteWriter.digest`) of each file written before, by path.
        case live(written: [String: Int])
    }

    /// What became of one file: its digest (live only) and whether it was written.
    struct Written: Sendable {
        let path: String
        let digest: Int
        let isWritten: Bool
    }

    let root: String
    let mode: Mode

    init(root: String, mode: Mode) {
        self.root = root
        self.mode = mode
    }

    /// A writer into `staging`, a folder just made.
    static func fresh(_ staging: String) throws -> SiteWriter {
        let fd = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Diagnostic.failure(staging, "cannot open: \(String(cString: strerror(errno)))") }
        return SiteWriter(root: staging, mode: .fresh(opened: fd))
    }

    deinit {
        if case let .fresh(opened) = mode { close(opened) }
    }

    /// Makes and writes the files of `jobs` jobs on every core, each job's files as soon as
    /// they are made, so that a big portal is never held in memory whole. Throws the first failure.
    func run(_ jobs: Int, _ make: @Sendable (Int) throws -> [Page]) throws -> [Written] {
        let writer = self
        let outcomes = Array(0..<jobs).parallelMap { job in Result { try writer.write(try make(job)) } }
        var written: [Written] = []
        for outcome in outcomes { written += try outcome.get() }
        return written
    }

    /// Every page of the portal: the listings (the SOPs' pages among them), the search page and
    /// each case's, a job each.
    func writePages(of renderer: Renderer) throws -> [Written] {
        // Jobs by number, so that the renderer is not copied into 10,000 closures on one core first.
        let lists = renderer.listings.flatMap(\.jobs)
        return try run(lists.count + 1 + renderer.views.count) { job in
            job < lists.count ? try lists[job]()
                : job == lists.count ? [renderer.searchPage()] : renderer.casePages(renderer.views[job - lists.count - 1])
        }
    }

    /// Files published as they are (a case's attachments, the theme's static files): source →
    /// path in the site.
    func copy(_ files: [(source: String, path: String)]) throws -> [Written] {
        switch mode {
        case .fresh:
            for (source, path) in files { try CopyFiles.file(source, to: root + "/" + path) }
            return files.map { Written(path: $0.path, digest: 0, isWritten: true) }
        case .live:
            return try write(files.map { Page(path: $0.path, body: .bytes(ContentFiles.bytes($0.source) ?? [])) })
        }
    }

    /// Writes `pages`, one after the other, making their folders.
    func write(_ pages: [Page]) throws -> [Written] {
        switch mode {
        case let .fresh(opened):
            try makeFolders(for: pages, opened: opened)
            return try pages.map { page in
                if let failure = page.withBytes({ Output.writeFile(at: opened, page.path, $0) }) {
                    throw Diagnostic.failure("\(root)/\(page.path)", "cannot write: \(failure)")
                }
                return Written(path: page.path, digest: 0, isWritten: true)
            }
        case let .live(written):
            return try pages.map { page in try writeIfChanged(page, previous: written[page.path]) }
        }
    }

    /// One mkdir for each folder, whose parent exists: Foundation asked about every folder on the
    /// path first, 10,000 times a build.
    private func makeFolders(for pages: [Page], opened: Int32) throws {
        var folders = Set<String>()
        for page in pages {
            if let slash = page.path.lastIndex(of: "/") { folders.insert(String(page.path[..<slash])) }
        }
        for sub in folders.sorted() where mkdirat(opened, sub, 0o777) != 0 && errno != EEXIST {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
    }

    /// Writes `page` unless it is what was written there before (`previous`, its digest) or, the
    /// first time, what the file already holds.
    private func writeIfChanged(_ page: Page, previous: Int?) throws -> Written {
        let path = root + "/" + page.path
        return try page.withBytes { bytes in
            let digest = SiteWriter.digest(bytes)
            let fm = FileManager.default
            if previous == digest, fm.fileExists(atPath: path) { return Written(path: page.path, digest: digest, isWritten: false) }
            if previous == nil, let old = fm.contents(atPath: path), old.count == bytes.count,
               old.withUnsafeBytes({ bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return Written(path: page.path, digest: digest, isWritten: false)
            }
            let folder = (path as NSString).deletingLastPathComponent
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = folder + "/.sopsite-" + (path as NSString).lastPathComponent
            if let failure = Output.writeFile(at: AT_FDCWD, temporary, bytes)
                ?? (rename(temporary, path) == 0 ? nil : String(cString: strerror(errno))) {
                unlink(temporary)
                throw Diagnostic.failure(path, "cannot write: \(failure)")
            }
            return Written(path: page.path, digest: digest, isWritten: true)
        }
    }
}
