import BusinessTime
import Templates

/// What every page's template sees: the site, the interface strings, the footer links and the
/// relative path back to the site's root (pages open from any folder, even from disk). A class:
/// every page's values hold it, and copying a struct of the site's settings and the interface
/// strings counted a reference for each of its texts, tens of times per case page.
final class PageContext: Sendable {
    let site: Site
    let language: Language
    let strings: [String: String]
    /// `strings` as the theme's shared object: one per theme and language.
    let templateStrings: TemplateStrings
    let asOf: Day
    /// Made once: it writes the amounts of days ahead.
    let words: Words
    /// The as-of day in words, for every page's footer.
    let asOfText: String
    /// The as-of day as ISO 8601 (`datetime`), said on every page.
    let asOfISO: String

    init(site: Site, language: Language, strings: [String: String], templateStrings: TemplateStrings, asOf: Day) {
        self.site = site
        self.language = language
        self.strings = strings
        self.templateStrings = templateStrings
        self.asOf = asOf
        words = Words(strings: strings, dayStyle: PageContext.dayStyle(language))
        asOfText = asOf.formatted(PageContext.dayStyle(language))
        asOfISO = asOf.description
    }

    /// The way from the page at `url` back to the portal's root: "../" for each folder of the
    /// path (empty ones, as in "a//b", not counted). Counted in the path's bytes, not split.
    static func root(_ url: String) -> String {
        var folders = 0, inName = false
        for byte in url.utf8 {
            if byte == UInt8(ascii: "/") { inName = false } else if !inName { inName = true; folders += 1 }
        }
        return folders < roots.count ? roots[folders] : String(repeating: "../", count: folders)
    }

    private static let roots = (0..<8).map { String(repeating: "../", count: $0) }

    /// `url` is the page's folder URL without a leading slash ("", "sops/SW01/").
    func common(url: String, title: String) -> TemplateMap {
        var values = TemplateMap()
        writeCommon(url: url, title: title, into: &values)
        return values
    }

    /// The values every page has, written into a page's own.
    func writeCommon(url: String, title: String, into values: inout TemplateMap) {
        values.text("as_of", asOfText)
        values.text("as_of_iso", asOfISO)
        values.text("canonical", site.baseURL + url)
        values.text("lang", language.rawValue)
        values.text("page_title", title)
        values.text("root", PageContext.root(url))
        values.map("site") { values in
            values.text("help_desk_url", site.helpDeskURL)
            values.text("organisation", site.organisation)
            values.text("phone", site.phone)
            values.text("survey_url", site.surveyURL)
            values.text("title", site.title)
            values.text("unit", site.unit)
        }
        values.strings("t", templateStrings)
    }

    var dayStyle: DayStyle { PageContext.dayStyle(language) }
    static func dayStyle(_ language: Language) -> DayStyle { language == .th ? .thai : .english }

    func format(_ day: Day) -> String { day.formatted(dayStyle) }
}
