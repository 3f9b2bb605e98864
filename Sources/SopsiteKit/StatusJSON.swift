import BusinessTime
import Foundation

/// `/status.json`: every case's state for other systems (the help desk). Its shape is documented
/// in docs/status-json.md and docs/status.schema.json and kept stable: add fields, never rename.
struct StatusJSON {
    struct File: Encodable {
        /// Raised only if a field changes meaning; new fields keep the version.
        var version = 1
        var asOf: String
        var cases: [Entry]

        enum CodingKeys: String, CodingKey {
            case version
            case asOf = "as_of"
            case cases
        }
    }

    struct Entry: Encodable {
        var id: String
        var title: String
        var unit: String
        var sop: String
        var state: String
        var currentStep: CurrentStep?
        var due: String?
        var url: String
        var badge: String

        enum CodingKeys: String, CodingKey {
            case id, title, unit, sop, state, due, url, badge
            case currentStep = "current_step"
        }

        // Absent values are written as null, so every entry has every key.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(title, forKey: .title)
            try c.encode(unit, forKey: .unit)
            try c.encode(sop, forKey: .sop)
            try c.encode(state, forKey: .state)
            try c.encode(currentStep, forKey: .currentStep)
            try c.encode(due, forKey: .due)
            try c.encode(url, forKey: .url)
            try c.encode(badge, forKey: .badge)
        }
    }

    struct CurrentStep: Encodable {
        var id: String
        var title: String
    }

    static func render(_ views: [CaseView], baseURL: String, asOf: Day) throws -> Page {
        let entries = views.map { view in
            Entry(id: view.c.id, title: view.c.title, unit: view.c.unit, sop: view.sop.code,
                  state: view.progress.state.rawValue,
                  currentStep: view.progress.current.map { CurrentStep(id: $0.id, title: $0.title) },
                  due: view.due?.description, url: baseURL + view.url, badge: baseURL + view.url + "badge.svg")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(File(asOf: asOf.description, cases: entries))
        return Page(path: "status.json", text: String(decoding: data, as: UTF8.self) + "\n")
    }
}
