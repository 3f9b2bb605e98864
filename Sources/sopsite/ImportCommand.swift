import ArgumentParser
import BusinessTime
import Foundation
import SopsiteKit

/// `sopsite import`: the office's register into case folders; a dry run unless --write.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turns a register (CSV or TSV, one row per case) into case folders: a dry run unless --write."
    )

    @Argument(help: "The register: a .csv file, or a .tsv file (tab-separated).")
    var register: String

    @Flag(name: .long, help: "Create the case folders (never over an existing case); without it, only say what would be made.")
    var write = false

    @Option(name: .long, help: "The content folder.")
    var content = "content"

    @Option(name: .long, help: "The date the cases are checked as of, YYYY-MM-DD (default: today in Asia/Bangkok).")
    var asOf: AsOf?

    func run() throws {
        let plan = Import.plan(register, contentFolder: content, asOf: asOf?.day ?? Day.today())
        for d in plan.diagnostics { printError(d.description) }
        guard !plan.hasErrors else {
            printError(errorCount(plan.diagnostics) + "; nothing was created")
            throw ExitCode(1)
        }
        let verb = write ? "created" : "would create"
        for planned in plan.cases {
            let state = planned.status.state.rawValue
            print("\(verb) \(planned.path): \(planned.title) (\(planned.events) event\(planned.events == 1 ? "" : "s"), \(state))")
        }
        guard write else {
            print("\(plan.cases.count) case\(plan.cases.count == 1 ? "" : "s") to create; run again with --write to create them")
            return
        }
        do {
            try Import.write(plan)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}
