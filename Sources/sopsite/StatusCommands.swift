import ArgumentParser
import BusinessTime
import Foundation
import SopsiteKit

/// `sopsite record`: staff say a step is done without editing YAML by hand.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Records that a case's step is done: adds one event to its index.md, checked as a build checks it."
    )

    @Argument(help: "The case's id (its folder in content/cases).")
    var caseID: String

    @Option(name: .long, help: "The step done (its number in the SOP).")
    var step: String

    @Option(name: .long, help: "When: 'YYYY-MM-DD HH:MM' or YYYY-MM-DD (default: now, Asia/Bangkok).")
    var date: When?

    @Option(name: .long, help: "Who did it.")
    var by: String?

    @Option(name: .long, help: "A note (inline Markdown).")
    var note: String?

    @Option(name: .long, help: "On a decision: yes, no, or the branch's label.")
    var answer: String?

    @Option(name: .long, help: "A due date agreed for a per-scope step: STEP=YYYY-MM-DD (repeatable).")
    var due: [AgreedDue] = []

    @Option(name: .long, help: "A document: a file copied into the case's folder, or an http(s) address.")
    var document: String?

    @Option(name: .long, help: "The document's title (default: its file name).")
    var title: String?

    @OptionGroup var paths: ContentOptions

    func validate() throws {
        if title != nil && document == nil { throw ValidationError("--title names a --document; give the document too") }
    }

    func run() throws {
        let now = Moment.now()
        let event = NewEvent(step: step, date: date?.moment ?? now, by: by, note: note, answer: answer,
                             due: due.map { ($0.step, $0.day) })
        do {
            let recorded = try Record.record(event, case: caseID, contentFolder: paths.content, document: document,
                                             title: title, now: now)
            print("recorded step \(event.step) (\(event.date)) in \(recorded.path)")
            try StatusCommand.print([recorded.status], one: true, themeFolder: paths.themeFolder,
                                    language: paths.lang ?? recorded.language)
        } catch let refused as Record.Refused {
            for d in refused.diagnostics { printError(d.description) }
            printError((refused.advice.map { $0 + "; " } ?? "") + "nothing was written")
            throw ExitCode(1)
        }
    }
}

/// `sopsite status`: where cases stand, in the terminal.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Shows one case, or every open case: state, current step, due date, time against the target."
    )

    @Argument(help: "A case's id (default: every open case).")
    var caseID: String?

    @OptionGroup var paths: ContentOptions

    @Option(name: .long, help: "The date cases are shown as of, YYYY-MM-DD (default: today in Asia/Bangkok).")
    var asOf: AsOf?

    func run() throws {
        let asOf = self.asOf?.day ?? Day.today()
        var found = Diagnostics()
        if let caseID {
            let one = Status.one(caseID, contentFolder: paths.content, asOf: asOf, &found)
            for d in found.all { printError(d.description) }
            guard let one else { throw ExitCode(1) }
            try Self.print([one.status], one: true, themeFolder: paths.themeFolder, language: paths.lang ?? one.language)
            return
        }
        let all = Status.all(contentFolder: paths.content, asOf: asOf, &found)
        for d in found.all { printError(d.description) }
        guard let all else { throw ExitCode(1) }
        try Self.print(all.cases, one: false, themeFolder: paths.themeFolder, language: paths.lang ?? all.language)
        // Cases with errors are left out of the table: the errors above say which.
        if found.hasErrors { throw ExitCode(1) }
    }

    static func print(_ cases: [CaseStatus], one: Bool, themeFolder: String, language: Language) throws {
        var found = Diagnostics()
        guard let words = StatusWords.load(themeFolder: themeFolder, language: language, &found) else {
            for d in found.all { printError(d.description) }
            throw ExitCode(1)
        }
        let lines = one ? cases.flatMap { $0.lines(words) } : CaseStatus.table(cases, words)
        Swift.print(lines.joined(separator: "\n"))
    }
}

/// `--date 2026-12-04 10:15`.
struct When: ExpressibleByArgument {
    var moment: Moment
    init?(argument: String) {
        guard let moment = Moment(text: argument), moment.day.year < 2400 else { return nil }
        self.moment = moment
    }
}

/// `--due 5=2026-12-20`.
struct AgreedDue: ExpressibleByArgument {
    var step: String
    var day: Day
    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let day = Day(iso: parts[1]), day.year < 2400 else { return nil }
        (step, self.day) = (parts[0], day)
    }
}
