import Foundation
import Mustache
import Templates

/// A theme folder: `templates/*.mustache`, `i18n/<lang>.yaml` (interface strings) and `static/`
/// (CSS, fonts), copied to the site as is.
public struct Theme: Sendable {
    public var path: String
    /// The templates, compiled to be run over each page's values.
    let templates: PageTemplates
    /// Interface strings per language: key → text.
    var strings: [Language: [String: String]]
    /// The same strings as one shared object per language, for templates (`{{t.key}}`).
    var templateStrings: [Language: TemplateStrings]

    /// The pages every theme must provide.
    static let requiredTemplates = ["home", "sop", "cases", "case", "manual", "search", "reports"]
    /// The interface strings sopsite itself writes (into the flowchart), beyond the templates' own.
    static let requiredStrings = [
        "flowchart", "flowchart_start", "flowchart_end", "flowchart_ongoing", "step_number", "step",
        "manual_qr_survey", "manual_qr_case", "manual_page",
    ]

    static func load(path: String, _ diagnostics: inout Diagnostics) -> Theme? {
        guard FileManager.default.fileExists(atPath: path) else {
            diagnostics.append(Diagnostic(.error, path, line: 1, column: 1, "theme folder not found"))
            return nil
        }
        let before = diagnostics.errors.count
        _ = PortalHTML.registered
        var library = MustacheLibrary()
        var names: [String] = []
        let folder = path + "/templates"
        for file in ContentFiles.list(folder, extension: "mustache") {
            let name = String(file.dropLast(".mustache".count))
            let filePath = folder + "/" + file
            guard let text = ContentFiles.read(filePath, &diagnostics) else { continue }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.append(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(.error, filePath, line: error.context.lineNumber,
                                              column: error.context.columnNumber, "template error: \(error.error)"))
            } catch {
                diagnostics.append(Diagnostic(.error, filePath, line: 1, column: 1, "template error: \(error)"))
            }
        }
        CopyFiles.checkStatic(path + "/static", &diagnostics)
        for name in requiredTemplates where !names.contains(name) {
            diagnostics.append(Diagnostic(.error, folder + "/" + name + ".mustache", line: 1, column: 1,
                                          "the theme has no template '\(name)'"))
        }
        let strings = loadStrings(path + "/i18n", &diagnostics)
        guard diagnostics.errors.count == before else { return nil }
        return Theme(path: path, templates: PageTemplates(library: library, names: names), strings: strings,
                     templateStrings: strings.mapValues(TemplateStrings.init))
    }

    /// Every language must define the same keys as Thai, the default: a missing string would
    /// show as a blank on the page.
    static func loadStrings(_ folder: String, _ diagnostics: inout Diagnostics) -> [Language: [String: String]] {
        var result: [Language: [String: String]] = [:]
        var locations: [Language: SourceLocation] = [:]
        for language in Language.allCases {
            let path = "\(folder)/\(language.rawValue).yaml"
            guard let text = ContentFiles.read(path, &diagnostics) else { continue }
            do throws(Diagnostic) {
                guard let map = try YAMLValue.parse(text, path: path, firstLine: 1)?
                    .map("the interface strings", &diagnostics) else { continue }
                var table: [String: String] = [:]
                for entry in map.entries {
                    table[entry.key] = entry.value.text("string '\(entry.key)'", &diagnostics)
                }
                result[language] = table
                locations[language] = map.location
            } catch {
                diagnostics.append(error)
            }
        }
        for (language, table) in result.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for key in requiredStrings where table[key] == nil {
                diagnostics.append(locations[language]!.error("interface string '\(key)' is missing"))
            }
        }
        if let thai = result[.th] {
            for language in Language.allCases where language != .th {
                guard let table = result[language], let location = locations[language] else { continue }
                for key in thai.keys.sorted() where table[key] == nil {
                    diagnostics.append(location.error("interface string '\(key)' is missing (th.yaml has it)"))
                }
            }
        }
        return result
    }

    /// The page at `path`, made from template `template` and `values`.
    func page(_ path: String, _ template: String, _ values: TemplateMap, capacity: Int = 16 * 1024) -> Page {
        Page(path: path, body: .bytes(templates.render(template, values, capacity: capacity)))
    }
}
