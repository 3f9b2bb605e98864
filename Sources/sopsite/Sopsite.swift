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
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Options every command that reads the content shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content = "content"

    @Option(name: .long, help: "The folder of themes.")
    var themesDir = "themes"

    @Option(name: .long, help: "The theme to use (a folder in --themes-dir).")
    var theme = "default"

    @Option(name: .long, help: "The interface language: th or en (default: site.yaml's language).")
    var lang: Language?

    @Option(name: .long, help: "The URL the portal is published at (default: site.yaml's base_url).")
    var baseURL: String?

    @Option(name: .long, help: "The date cases are shown as of, YYYY-MM-DD (default: today in Asia/Bangkok).")
    var asOf: AsOf?

    @Flag(inversion: .prefixedNo, help: "Index the portal for /search/ with Pagefind, when it is installed.")
    var search = true

    func buildOptions(output: String) -> BuildOptions {
        var options = BuildOptions(contentFolder: content, outputFolder: output, themeFolder: themesDir + "/" + theme,
                                   language: lang, baseURL: baseURL, asOf: asOf?.day ?? Day.today())
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

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the portal; the output folder is replaced only when the build succeeds."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The folder the portal is written to.")
    var output = "public"

    @Flag(name: .long, help: "Do not print the build's steps.")
    var quiet = false

    @Flag(name: .long, help: "Also print each handover manual to cases/<id>/manual.pdf (needs Chromium).")
    var pdf = false

    func run() throws {
        var options = site.buildOptions(output: output)
        options.pdf = pdf
        try runBuild(options, writing: true, quiet: quiet)
        if !quiet { print("built \(output)/") }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks content and theme without writing anything."
    )

    @OptionGroup var site: SiteOptions

    func run() throws {
        try runBuild(site.buildOptions(output: "public"), writing: false, quiet: true)
        print("no errors")
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Builds, serves on 127.0.0.1, rebuilds on every change and reloads the browser."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The folder the portal is written to and served from.")
    var output = "public"

    @Option(name: .long, help: "The port to serve on.")
    var port: UInt16 = 8080

    func run() async throws {
        do {
            try await Serve.run(site.buildOptions(output: output), port: port) { line in
                // Each line at once, so that a terminal or a script reading the pipe sees it.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as Serve.PortTaken {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Creates content from a scaffold.",
        subcommands: [NewCaseCommand.self]
    )
}

struct NewCaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Writes content/cases/<next id>/index.md, opened now (Asia/Bangkok)."
    )

    @Option(name: .long, help: "What is requested.")
    var title: String

    @Option(name: .long, help: "The requesting unit.")
    var unit: String

    @Option(name: .long, help: "Who to ask at the requesting unit.")
    var contact: String?

    @Option(name: .long, help: "The SOP the case follows.")
    var sop = "SW01"

    @Option(name: .long, help: "The content folder.")
    var content = "content"

    func run() throws {
        do {
            let path = try NewCase.create(content: content, sop: sop, title: title, unit: unit, contact: contact,
                                          opened: Moment.now())
            print(path)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Runs a build, printing diagnostics compiler-style on standard error; exit status 1 on errors.
func runBuild(_ options: BuildOptions, writing: Bool, quiet: Bool) throws {
    let stderr = FileHandle.standardError
    do {
        let warnings = try Build.run(options, writing: writing) { line in if !quiet { print(line) } }
        for w in warnings { stderr.write(Data((w.description + "\n").utf8)) }
    } catch let failure as BuildFailed {
        for d in failure.diagnostics { stderr.write(Data((d.description + "\n").utf8)) }
        let count = failure.diagnostics.filter { $0.severity == .error }.count
        stderr.write(Data("\(count) error\(count == 1 ? "" : "s"); \(options.outputFolder)/ was left as it was\n".utf8))
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch {
        stderr.write(Data("error: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

