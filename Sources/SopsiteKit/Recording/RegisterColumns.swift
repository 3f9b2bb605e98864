import Foundation
import BusinessTime

/// What each column of a register holds, from its header: in English or in the portal's Thai
/// (`docs/content-format.md` lists them). A column no name fits is left out, with a warning.
struct RegisterColumns {
    enum Field: Equatable, Sendable {
        case id, sop, title, unit, contact, opened
        /// The date a step was done, the answer at a decision, the due date agreed for a step.
        case step(String), answer(String), due(String)
    }

    let header: [RegisterFile.Cell]
    /// Each column's field, by the column's place.
    let fields: [Field?]

    static let names: [String: Field] = [
        "id": .id, "รหัส": .id, "เลขที่คำขอ": .id, "sop": .sop, "มาตรฐาน": .sop, "ตามมาตรฐาน": .sop,
        "title": .title, "เรื่อง": .title, "unit": .unit, "หน่วยงาน": .unit, "หน่วยงานที่ร้องขอ": .unit,
        "contact": .contact, "ผู้ประสานงาน": .contact, "opened": .opened, "วันที่ยื่นคำขอ": .opened, "วันที่รับเรื่อง": .opened,
    ]
    /// "step 4", "ขั้นตอนที่ 4": longer prefixes first, so "กำหนดเสร็จ 5" is not read as "กำหนด".
    static let prefixes: [(String, @Sendable (String) -> Field)] = [
        ("step ", Field.step), ("ขั้นตอนที่ ", Field.step), ("ขั้นตอน ", Field.step), ("answer ", Field.answer),
        ("ผลพิจารณา ", Field.answer), ("คำตอบ ", Field.answer), ("due ", Field.due), ("กำหนดเสร็จ ", Field.due),
        ("กำหนด ", Field.due),
    ]

    init(_ header: [RegisterFile.Cell], path: String, _ diagnostics: inout Diagnostics) {
        self.header = header
        var fields: [Field?] = []
        for cell in header {
            let name = cell.text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased().thaiFolded
            var field = Self.names[name]
            for (prefix, make) in Self.prefixes where field == nil && name.hasPrefix(prefix) {
                field = make(String(name.dropFirst(prefix.count)))
            }
            if field == nil {
                diagnostics.append(Self.diagnostic(.warning, cell, header: cell.text, path: path,
                                                   "no such column; it is not read (docs/content-format.md lists the columns)"))
            } else if let first = fields.firstIndex(where: { $0 == field }) {
                diagnostics.append(Self.diagnostic(.error, cell, header: cell.text, path: path,
                                                   "the same column as column \(RegisterFile.letter(first))"))
            }
            fields.append(field)
        }
        self.fields = fields
        for (required, name) in [(Field.title, "title"), (.unit, "unit"), (.opened, "opened")] where !fields.contains(required) {
            diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, "the register has no column '\(name)'"))
        }
    }

    /// The row's cell for `field`, when it has text (spaces around it trimmed).
    func cell(_ field: Field, in row: [RegisterFile.Cell]) -> RegisterFile.Cell? {
        guard let i = fields.firstIndex(of: field), i < row.count else { return nil }
        var cell = row[i]
        cell.text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return cell.text.isEmpty ? nil : cell
    }

    /// The row's cell in `field`'s column, empty or not (nil when the row is short of it).
    func place(_ field: Field, in row: [RegisterFile.Cell]) -> RegisterFile.Cell? {
        fields.firstIndex(of: field).flatMap { $0 < row.count ? row[$0] : nil }
    }

    /// The row's cells for every field of one kind (steps, answers, due dates), by step id.
    func cells(in row: [RegisterFile.Cell], _ kind: (Field) -> String?) -> [(step: String, cell: RegisterFile.Cell)] {
        fields.indices.compactMap { i in
            guard let field = fields[i], let step = kind(field) else { return nil }
            return cell(field, in: row).map { (step, $0) }
        }
    }

    /// A problem at a cell: `register.csv:5:12: error: row 5, column F (step 4): ...`.
    static func diagnostic(_ severity: Diagnostic.Severity, _ cell: RegisterFile.Cell, header: String, path: String,
                           _ message: String) -> Diagnostic {
        Diagnostic(severity, path, line: cell.line, column: cell.column,
                   "row \(cell.row), column \(RegisterFile.letter(cell.index)) (\(header)): \(message)")
    }

    func diagnostic(_ severity: Diagnostic.Severity, _ cell: RegisterFile.Cell, path: String, _ message: String) -> Diagnostic {
        let header = cell.index < self.header.count ? self.header[cell.index].text : ""
        return Self.diagnostic(severity, cell, header: header, path: path, message)
    }
}

extension RegisterColumns.Field {
    var stepOfDate: String? { if case let .step(id) = self { return id } else { return nil } }
    var stepOfAnswer: String? { if case let .answer(id) = self { return id } else { return nil } }
    var stepOfDue: String? { if case let .due(id) = self { return id } else { return nil } }
}
