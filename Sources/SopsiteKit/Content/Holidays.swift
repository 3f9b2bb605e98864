import BusinessTime

/// `content/holidays.yaml`: the public holidays, by year, that working days skip.
public struct Holidays: Sendable {
    public var days: [Day]
    /// Names by day, for the portal to say why a day did not count.
    public var names: [Day: String]
    /// The last year the file covers; later dates count no holidays, and the build says so.
    public var lastYear: Int?
    /// The file's path, for messages about what it does not cover.
    public var path: String

    static func empty(_ path: String) -> Holidays { Holidays(days: [], names: [:], lastYear: nil, path: path) }

    /// Reads `2025: [{date: 2025-01-01, name: วันขึ้นปีใหม่}, ...]`. A missing file means no holidays.
    static func load(_ path: String, _ diagnostics: inout Diagnostics) -> Holidays {
        // Without the file there are no holidays; `Following` warns when cases need them.
        guard ContentFiles.exists(path) else { return .empty(path) }
        guard let text = ContentFiles.read(path, &diagnostics) else { return .empty(path) }
        do throws(Diagnostic) {
            guard let map = try YAMLValue.parse(text, path: path, firstLine: 1)?.map("holidays.yaml", &diagnostics) else {
                return .empty(path)
            }
            var result = Holidays.empty(path)
            for entry in map.entries {
                guard let year = Int(entry.key), (1900...2399).contains(year) else {
                    diagnostics.append(entry.keyLocation.error("'\(entry.key)' must be a Gregorian year such as 2025"))
                    continue
                }
                result.lastYear = max(result.lastYear ?? year, year)
                for value in entry.value.list("the holidays of \(year)", &diagnostics) ?? [] {
                    guard let item = value.map("a holiday", &diagnostics) else { continue }
                    item.reportUnknownKeys(known: ["date", "name"], &diagnostics)
                    guard let dateValue = item.required("date", &diagnostics),
                          let day = dateValue.day("'date'", &diagnostics),
                          let name = item.text("name", &diagnostics) else { continue }
                    if day.year != year {
                        diagnostics.append(dateValue.location.error("\(day) is listed under \(year)"))
                    } else if let other = result.names[day] {
                        diagnostics.append(dateValue.location.error("\(day) is listed twice (also as \(other)); give one entry both names"))
                    } else {
                        result.days.append(day)
                        result.names[day] = name
                    }
                }
            }
            return result
        } catch {
            diagnostics.append(error)
            return .empty(path)
        }
    }
}
