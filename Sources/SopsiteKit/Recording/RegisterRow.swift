import Foundation
import BusinessTime

/// One row of a register made into a case file's text: its fields, and its events along the
/// SOP from step 1 (a step's date, a decision's answer choosing the next step), with the
/// due dates agreed at the event before each per-scope step. The text is then read as the build
/// reads it; each line remembers the cell it came from, so the build's messages point there.
struct RegisterRow {
    typealias Cell = RegisterFile.Cell
    let row: [Cell]
    let columns: RegisterColumns
    let one: OneCase
    let path: String
    /// The portal's cases by `key`, to find a row imported before.
    let existing: [String: String]
    /// The file's lines and, for each, the cell it came from.
    private var lines: [String] = []
    private var cells: [Cell?] = []

    init(row: [Cell], columns: RegisterColumns, one: OneCase, path: String, existing: [String: String]) {
        (self.row, self.columns, self.one, self.path, self.existing) = (row, columns, one, path, existing)
    }

    static func key(_ title: String, _ unit: String, _ opened: Moment) -> String { "\(title)\n\(unit)\n\(opened)" }

    mutating func plan(asOf: Day, ids: inout Set<String>, _ diagnostics: inout Diagnostics) -> Import.Planned? {
        let before = diagnostics.errors.count
        func problem(_ cell: Cell?, _ message: String) {
            diagnostics.append(columns.diagnostic(.error, cell ?? row[0], path: path, message))
        }
        let title = columns.cell(.title, in: row)?.oneLine, unit = columns.cell(.unit, in: row)?.oneLine
        let openedCell = columns.cell(.opened, in: row)
        let opened = openedCell.flatMap { RegisterDate.moment($0.text) }
        if title == nil { problem(columns.place(.title, in: row), "the case has no title") }
        if unit == nil { problem(columns.place(.unit, in: row), "the case has no unit") }
        if let openedCell, opened == nil { problem(openedCell, "not a date: \"\(openedCell.text)\" (YYYY-MM-DD, or D/M/YYYY)") }
        if openedCell == nil { problem(columns.place(.opened, in: row), "the case has no 'opened' date") }
        let sop = chooseSOP(problem)
        let events = sop.map { self.events(along: $0, problem) } ?? []
        guard diagnostics.errors.count == before, let sop, let title, let unit, let opened else { return nil }
        guard let id = chooseID(sop: sop.code, opened: opened.day, ids: &ids, problem) else { return nil }
        if let twin = existing[Self.key(title.text, unit.text, opened)] {
            problem(title, "the portal has this case already: \(twin) has the same title, unit and opening (imported before?)")
            return nil
        }
        write(sop: sop.code, title: title, unit: unit, opened: opened, openedCell: openedCell!, events: events)
        let text = lines.map { $0 + "\n" }.joined()
        var read = Diagnostics()
        let folder = one.casesFolder + "/" + id
        let result = one.read(text, id: id, folder: folder, attachments: [], asOf: asOf, &read)
        for d in read.all {
            let cell = d.line >= 1 && d.line <= cells.count ? cells[d.line - 1] : nil
            diagnostics.append(columns.diagnostic(d.severity, cell ?? row[0], path: path, d.message))
        }
        guard let (c, progress) = result else { return nil }
        return Import.Planned(id: id, path: folder + "/index.md", title: title.text, events: events.count, text: text,
                              status: CaseStatus(c, progress, sop: sop))
    }

    /// The row's SOP: its `sop` cell, or the portal's only SOP.
    private func chooseSOP(_ problem: (Cell?, String) -> Void) -> SOP? {
        guard let cell = columns.cell(.sop, in: row) else {
            if one.sops.count == 1 { return one.sops.values.first }
            problem(nil, "the portal has \(one.sops.count) SOPs (\(one.sopCodes.joined(separator: ", "))); say which in a column 'sop'")
            return nil
        }
        guard let sop = one.sops[cell.text] else {
            problem(cell, "unknown SOP '\(cell.text)' (the SOPs: \(one.sopCodes.joined(separator: ", ")))")
            return nil
        }
        return sop
    }

    /// The row's id, or the next free one; never one a case has already.
    private func chooseID(sop: String, opened: Day, ids: inout Set<String>, _ problem: (Cell?, String) -> Void) -> String? {
        if let cell = columns.cell(.id, in: row) {
            guard SOPLoader.isSafeName(cell.text) else {
                problem(cell, "case id \"\(cell.text)\" may use only letters, digits, '-', '_' and '.'")
                return nil
            }
            guard !ids.contains(cell.text.lowercased()) else {
                problem(cell, "case \(cell.text) exists already (import never overwrites a case)")
                return nil
            }
            ids.insert(cell.text.lowercased())
            return cell.text
        }
        let id = NewCase.nextID(sop: sop, opened: opened, existing: Array(ids))
        ids.insert(id.lowercased())
        return id
    }

    private mutating func write(sop: String, title: Cell, unit: Cell, opened: Moment, openedCell: Cell, events: [Planned]) {
        add("---", nil)
        add("# Imported from \((path as NSString).lastPathComponent), row \(row[0].row).", nil)
        add("sop: " + YAMLText.scalar(sop, flow: false), columns.cell(.sop, in: row))
        add("title: " + YAMLText.scalar(title.text, flow: false), title)
        add("unit: " + YAMLText.scalar(unit.text, flow: false), unit)
        if let contact = columns.cell(.contact, in: row)?.oneLine { add("contact: " + YAMLText.scalar(contact.text, flow: false), contact) }
        add("opened: \(opened)", openedCell)
        add(events.isEmpty ? "events: []" : "events:", nil)
        for planned in events {
            let eventLines = planned.event.blockLines(dash: 2, keys: 4)
            // step and date, the answer, then `due:` and its dates: the order `blockLines` writes.
            var from: [Cell?] = [planned.date, planned.date] + (planned.answer.map { [$0] } ?? [])
            if !planned.due.isEmpty { from += [planned.due[0]] + planned.due }
            for (i, line) in eventLines.enumerated() { add(line, i < from.count ? from[i] : planned.date) }
        }
        add("---", nil)
        add("", nil)
        add("## รายละเอียดคำขอ", nil)
    }

    private mutating func add(_ line: String, _ cell: Cell?) {
        lines.append(line)
        cells.append(cell)
    }
}

extension RegisterFile.Cell {
    /// A title, unit or contact on one line: the line breaks a spreadsheet cell may hold become spaces.
    var oneLine: RegisterFile.Cell {
        var cell = self
        cell.text = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return cell
    }
}
