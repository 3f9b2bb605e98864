import Foundation

/// `sopsite build --pdf`: prints every manual to `/cases/<id>/manual.pdf` with headless
/// Chromium, from the staging folder, before the build is swapped into place.
enum ManualPDF {
    static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The first browser on the PATH, or nil.
    static func findBrowser(path: String = ProcessInfo.processInfo.environment["PATH"] ?? "") -> String? {
        findExecutable(browsers, path: path)
    }

    /// The first of `names` found in a folder of `path` (a PATH-style list), or nil.
    static func findExecutable(_ names: [String], path: String) -> String? {
        for name in names {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    static let missingBrowser = """
        --pdf needs headless Chromium, and none was found on the PATH (\(browsers.joined(separator: ", "))). \
        Install it with: sudo apt-get install chromium fonts-thai-tlwg
        """

    /// Prints `staging/cases/<id>/manual/index.html` to `staging/cases/<id>/manual.pdf` for each id.
    static func print(ids: [String], staging: String, browser: String) throws {
        for id in ids {
            let page = URL(fileURLWithPath: "\(staging)/cases/\(id)/manual/index.html").absoluteString
            let pdf = "\(staging)/cases/\(id)/manual.pdf"
            let run = try ChildProcess.run(browser, ["--headless", "--no-sandbox", "--disable-gpu",
                                                     "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", page], about: pdf)
            guard run.succeeded, FileManager.default.fileExists(atPath: pdf) else {
                throw Diagnostic.failure(pdf, "Chromium could not print the manual (\(run.ending))")
            }
        }
    }
}
