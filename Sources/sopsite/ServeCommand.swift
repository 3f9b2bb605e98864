import ArgumentParser
import BusinessTime
import Foundation
import SopsiteKit
import SopsiteServe

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
            try await Serve.run(site.buildOptions(output: output), port: port, rollsOver: site.asOf == nil) { line in
                // Each line at once, so that a terminal or a script reading the pipe sees it.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as Serve.PortTaken {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
