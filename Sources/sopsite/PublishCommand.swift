import ArgumentParser
import Foundation
import SopsiteKit
import SopsiteServe

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Keeps a web root current: builds, then rebuilds on every change and at midnight (no HTTP server).",
        discussion: """
            For a web server such as nginx (deploy/). Each changed file is written through a \
            temporary file and a rename; a change with errors keeps the last good portal and \
            says why, in the log and in /build.json. Runs until stopped.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The web root the portal is written to.")
    var output: String

    func run() async throws {
        try await Publish.run(site.buildOptions(output: output), rollsOver: site.asOf == nil) { line in
            // A line at a time: the journal (or a pipe) sees each as it happens.
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
