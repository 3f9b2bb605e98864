import BusinessTime
import Foundation

/// `sopsite import`: the office's register (one row per case) into case folders. Each row's
/// case is written as text and read back through the build's own reading and following; every
/// problem is said at its row and column. Nothing is written unless every row is clean, and an
/// existing case is never overwritten.
public enum Import {
    /// A case a row makes.
    public struct Planned: Sendable {
        public var id: String
        /// `content/cases/<id>/index.md`.
        public var path: String
        public var title: String
        public var events: Int
        var text: String
        public var status: CaseStatus
    }

    /// What a register would make, and its problems (warnings among them).
    public struct Plan: Sendable {
        public var cases: [Planned]
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Reads the register at `path` (`.tsv`: tab-separated; otherwise CSV) against the content.
    public static func plan(_ path: String, contentFolder: String, asOf: Day) -> Plan {
        var found = Diagnostics()
        guard let text = ContentFiles.read(path, &found), let one = OneCase.load(contentFolder, &found) else {
            return Plan(cases: [], diagnostics: found.all)
        }
        let register: RegisterFile
        do throws(Diagnostic) {
            register = try RegisterFile.read(text, separator: path.lowercased().hasSuffix(".tsv") ? "\t" : ",", path: path)
        } catch {
            return Plan(cases: [], diagnostics: found.all + [error])
        }
        guard let header = register.rows.first else {
            return Plan(cases: [], diagnostics: found.all + [Diagnostic(.error, path, line: 1, column: 1, "the register is empty")])
        }
        let columns = RegisterColumns(header, path: path, &found)
        // A register imported twice would make every case again under new ids: a row like a
        // case the portal has (same title, unit and opening) is refused.
        let existing = Dictionary(one.existingCases().map { (RegisterRow.key($0.title, $0.unit, $0.opened), $0.id) },
                                  uniquingKeysWith: { a, _ in a })
        var ids = Set(((try? FileManager.default.contentsOfDirectory(atPath: one.casesFolder)) ?? []).map { $0.lowercased() })
        var cases: [Planned] = []
        for row in register.rows.dropFirst() {
            var rowFound = Diagnostics()
            var maker = RegisterRow(row: row, columns: columns, one: one, path: path, existing: existing)
            if let planned = maker.plan(asOf: asOf, ids: &ids, &rowFound) { cases.append(planned) }
            found.append(contentsOf: rowFound.all)
        }
        return Plan(cases: cases, diagnostics: found.all)
    }

    /// Creates the planned cases' folders; a folder that exists by now is not touched.
    public static func write(_ plan: Plan) throws(Diagnostic) {
        for planned in plan.cases {
            let folder = (planned.path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
                try Data(planned.text.utf8).write(to: URL(fileURLWithPath: planned.path), options: .withoutOverwriting)
            } catch {
                throw Diagnostic(.error, folder, line: 0, column: 0,
                                 "cannot create the case (does it exist already?): \((error as NSError).localizedDescription)")
            }
        }
    }
}
