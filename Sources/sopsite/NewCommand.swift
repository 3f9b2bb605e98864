import ArgumentParser
import BusinessTime
import Foundation
import SopsiteKit

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

    @Option(name: .long, help: "The SOP the case follows (default: the only SOP in content/sops).")
    var sop: String?

    @Option(name: .long, help: "The content folder.")
    var content = "content"

    func run() throws {
        do {
            let path = try NewCase.create(content: content, sop: sop, title: title, unit: unit, contact: contact,
                                          opened: Moment.now())
            print(path)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
