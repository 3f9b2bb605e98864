import ArgumentParser
import Foundation
import BusinessTime
import SopsiteKit
import SopsiteServe

/// The `sopsite` command: parses arguments and calls SopsiteKit; nothing else lives here.
@main
struct Sopsite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sopsite",
        abstract: "Builds the SOP portal from content/ into public/.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, PublishCommand.self, NewCommand.self,
                      RecordCommand.self, StatusCommand.self, ImportCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Where the content and the theme are, and the language: every command that reads content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content = "content"

    @Option(name: .long, help: "The folder of themes.")
    var themesDir = "themes"

    @Option(name: .long, help: "The theme to use (a folder in --themes-dir).")
    var theme = "default"

    @Option(name: .long, help: "The interface language: th or en (default: site.yaml's language).")
    var lang: Language?

    var themeFolder: String { themesDir + "/" + theme }
}

/// Options every command that builds the portal shares.
struct SiteOptions: ParsableArguments {
    @OptionGroup var paths: ContentOptions
    var content: String { paths.content }

    @Option(name: .long, help: "The URL the portal is published at (default: site.yaml's base_url).")
    var baseURL: String?

    @Option(name: .long, help: "The date cases are shown as of, YYYY-MM-DD (default: today in Asia/Bangkok; serve and publish move on at midnight).")
    var asOf: AsOf?

    @Flag(inversion: .prefixedNo, help: "Index the portal for /search/ with Pagefind, when it is installed.")
    var search = true

    func buildOptions(output: String) -> BuildOptions {
        var options = BuildOptions(contentFolder: content, outputFolder: output, themeFolder: paths.themeFolder,
                                   language: paths.lang, baseURL: baseURL, asOf: asOf?.day ?? PortalClock.current.today())
        options.search = search
        return options
    }
}

/// `--as-of 2026-11-27`: a date that exists, in the Gregorian calendar.
struct AsOf: ExpressibleByArgument {
    var day: Day
    init?(argument: String) {
        guard let day = Day(iso: argument), day.year < 2400 else { return nil }
        self.day = day
    }
}

extension Language: ExpressibleByArgument {}

/// One line on standard error, written at once.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// "1 error", "3 errors": the errors among `diagnostics`, for the last line of a refusal.
func errorCount(_ diagnostics: [Diagnostic]) -> String {
    let count = diagnostics.filter { $0.severity == .error }.count
    return "\(count) error\(count == 1 ? "" : "s")"
}
