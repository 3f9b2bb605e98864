import BusinessTime
import Foundation
import MarkdownBridge

/// The portal's settings, from `content/site.yaml`.
public struct Site: Sendable, Equatable {
    public var title: String
    /// The organisation that publishes the SOPs (มทร.ล้านนา).
    public var organisation: String
    /// The unit that runs the portal; the footer's contact line names it.
    public var unit: String
    /// Where the portal is published, ending in "/"; used for canonical links.
    public var baseURL: String
    /// The default interface language.
    public var language: Language
    public var helpDeskURL: String
    public var surveyURL: String
    /// The survey's address for one case, `{case}` standing for its id; defaults to `surveyURL`.
    public var surveyCaseURL: String?
    public var phone: String
    public var officeHours: OfficeHours
    /// Raw HTML in Markdown is dropped unless the site allows it.
    public var allowRawHTML: Bool
    /// What one Markdown text may cost to parse (`markdown: max_...`).
    public var markdownLimits: MarkdownLimits = .standard
}

/// The interface languages a theme provides strings for.
public enum Language: String, Sendable, CaseIterable {
    case th, en
}

extension Site {
    static let fields: [String] = [
        "title", "organisation", "unit", "base_url", "language", "links", "phone", "office_hours", "markdown",
    ]

    /// Reads site.yaml's top-level mapping; problems go to `diagnostics`.
    static func load(_ map: YAMLMap, _ diagnostics: inout Diagnostics) -> Site? {
        map.reportUnknownKeys(known: fields, &diagnostics)
        let title = map.text("title", &diagnostics)
        let organisation = map.text("organisation", &diagnostics)
        let unit = map.text("unit", &diagnostics)
        var baseURL = map.text("base_url", &diagnostics).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        // Pages, the feed, status.json and the manuals' QR codes link to it: never `javascript:`.
        if let url = baseURL, let value = map["base_url"],
           !WebAddress.isHTTP(url) {
            diagnostics.append(value.location.error("'base_url' must be an http(s) URL, not \"\(url)\""))
            baseURL = nil
        }
        var language = Language.th
        if let value = map["language"], let text = value.text("'language'", &diagnostics) {
            if let l = Language(rawValue: text) { language = l } else {
                diagnostics.append(value.location.error("unknown language '\(text)' (known: th, en)"))
            }
        }
        let links = map.required("links", &diagnostics)?.map("'links'", &diagnostics)
        links?.reportUnknownKeys(known: ["help_desk", "survey", "survey_case"], &diagnostics)
        let helpDesk = links.flatMap { checkedURL($0, "help_desk", &diagnostics) }
        let survey = links.flatMap { checkedURL($0, "survey", &diagnostics) }
        let surveyCase = links?["survey_case"] != nil ? links.flatMap { checkedURL($0, "survey_case", &diagnostics) } : nil
        let phone = map.text("phone", &diagnostics)
        let hours = map["office_hours"].flatMap { OfficeHours.load($0, &diagnostics) } ?? .standard
        var allowRawHTML = false
        var limits = MarkdownLimits.standard
        if let markdown = map["markdown"]?.map("'markdown'", &diagnostics) {
            let keys = MarkdownLimits.keys
            markdown.reportUnknownKeys(known: ["allow_raw_html", keys.bytes, keys.tableCells, keys.wwwPerWord, keys.unclosedHTML],
                                       &diagnostics)
            allowRawHTML = markdown["allow_raw_html"]?.bool("'allow_raw_html'", &diagnostics) ?? false
            func limit(_ key: String, _ value: inout Int) {
                guard let v = markdown[key], let text = v.text("'\(key)'", &diagnostics) else { return }
                if let n = Int(text.replacingOccurrences(of: "_", with: "")), n > 0 { value = n } else {
                    diagnostics.append(v.location.error("'\(key)' must be a whole number above 0, not \"\(text)\""))
                }
            }
            limit(keys.bytes, &limits.bytes)
            limit(keys.tableCells, &limits.tableCells)
            limit(keys.wwwPerWord, &limits.wwwPerWord)
            limit(keys.unclosedHTML, &limits.unclosedHTML)
        }
        guard let title, let organisation, let unit, let baseURL, let helpDesk, let survey, let phone else {
            return nil
        }
        return Site(title: title, organisation: organisation, unit: unit, baseURL: baseURL, language: language,
                    helpDeskURL: helpDesk, surveyURL: survey, surveyCaseURL: surveyCase, phone: phone, officeHours: hours,
                    allowRawHTML: allowRawHTML, markdownLimits: limits)
    }

    /// The satisfaction survey for one case (ids are URL-safe by construction).
    public func surveyURL(for caseID: String) -> String {
        surveyCaseURL?.replacingAll("{case}", with: caseID) ?? surveyURL
    }

    /// Links leave the portal, so only http(s) and mailto are accepted: never `javascript:`.
    static func checkedURL(_ map: YAMLMap, _ key: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let value = map.required(key, &diagnostics), let url = value.text("'\(key)'", &diagnostics) else {
            return nil
        }
        let lower = url.lowercased()
        guard WebAddress.isHTTP(url) || lower.hasPrefix("mailto:") else {
            diagnostics.append(value.location.error("'\(key)' must be an http(s) or mailto: URL, not \"\(url)\""))
            return nil
        }
        return url
    }
}

extension OfficeHours {
    static func load(_ value: YAMLValue, _ diagnostics: inout Diagnostics) -> OfficeHours? {
        guard let map = value.map("'office_hours'", &diagnostics) else { return nil }
        map.reportUnknownKeys(known: ["start", "end", "lunch"], &diagnostics)
        func time(_ key: String) -> Int? {
            guard let v = map.required(key, &diagnostics), let text = v.text("'\(key)'", &diagnostics) else { return nil }
            guard let minutes = minutes(text) else {
                diagnostics.append(v.location.error("'\(key)' must be a time such as 08:30, not \"\(text)\""))
                return nil
            }
            return minutes
        }
        guard let start = time("start"), let end = time("end") else { return nil }
        guard start < end else {
            diagnostics.append(map.location.error("office hours must end after they start"))
            return nil
        }
        var lunch: ClosedRange<Int>?
        if let v = map["lunch"], let text = v.text("'lunch'", &diagnostics) {
            let parts = text.split(separator: "-").map { minutes(String($0)) }
            // A lunch as long as the day leaves no working time, which the calendar cannot count with (it traps).
            if parts.count == 2, let a = parts[0], let b = parts[1], start <= a, a < b, b <= end, b - a < end - start {
                lunch = a...b
            } else {
                diagnostics.append(v.location.error("'lunch' must be a span inside office hours such as 12:00-13:00, not \"\(text)\""))
            }
        }
        return OfficeHours(start: start, end: end, lunch: lunch)
    }

    /// "08:30" → 510.
    static func minutes(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }
}
