import ArgumentParser
import BusinessTime
import Foundation
import SopsiteKit

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

    @Flag(name: .long, help: "Also write /build.json: when, as of which day and from which commit it was built (for the help desk).")
    var buildJson = false

    func run() throws {
        var options = site.buildOptions(output: output)
        options.buildInfo = buildJson
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

/// Runs a build, printing diagnostics compiler-style on standard error; exit status 1 on errors.
func runBuild(_ options: BuildOptions, writing: Bool, quiet: Bool) throws {
    do {
        let warnings = try Build.run(options, writing: writing, exiting: true) { line in if !quiet { print(line) } }
        for w in warnings { printError(w.description) }
    } catch let failure as BuildFailed {
        for d in failure.diagnostics { printError(d.description) }
        // `check` never writes: the output is only worth naming when a build was refused.
        let left = writing ? "; \(options.outputFolder)/ was left as it was" : ""
        printError(errorCount(failure.diagnostics) + left)
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}
