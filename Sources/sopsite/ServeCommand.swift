import ArgumentParser
import BusinessTime
import Foundation
import SopsiteKit
import SopsiteServe

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Builds, serves on 127.0.0.1 (or --bind), rebuilds on every change and reloads the browser."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The folder the portal is written to and served from.")
    var output = "public"

    @Option(name: .long, help: "The port to serve on.")
    var port: UInt16 = 8080

    @Option(name: .long, help: ArgumentHelp("The IPv4 address to listen on: 127.0.0.1 (this machine only), or 0.0.0.0 to let a phone on the network preview it (a preview, not the way to publish: see docs/deploy.md).", valueName: "address"))
    var bind = "127.0.0.1"

    func validate() throws {
        var address = in_addr()
        guard inet_pton(AF_INET, bind, &address) == 1 else {
            throw ValidationError("--bind takes an IPv4 address such as 127.0.0.1 or 0.0.0.0, not \"\(bind)\"")
        }
    }

    func run() async throws {
        do {
            try await Serve.run(site.buildOptions(output: output), port: port, bind: bind, rollsOver: site.asOf == nil) { line in
                // Each line at once, so that a terminal or a script reading the pipe sees it.
                FileHandle.standardOutput.write(Data((line + "\n").utf8))
            }
        } catch let error as Serve.CannotListen {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}
