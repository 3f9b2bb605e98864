import BusinessTime

/// What every page's template sees: the site, the interface strings, the footer links and the
/// relative path back to the site's root (pages open from any folder, even from disk).
struct PageContext {
    let site: Site
    let language: Language
    let strings: [String: String]
    /// `strings` as the theme's shared object: one per theme, so page shapes repeat.
    let templateStrings: TemplateValues
    let asOf: Day
    /// Made once: it writes the amounts of days ahead.
    let words: Words

    init(site: Site, language: Language, strings: [String: String], templateStrings: TemplateValues, asOf: Day) {
        self.site = site
        self.language = language
        self.strings = strings
        self.templateStrings = templateStrings
        self.asOf = asOf
        words = Words(strings: strings, dayStyle: PageContext.dayStyle(language))
    }

    /// `url` is the page's folder URL without a leading slash ("", "sops/SW01/").
    func common(url: String, title: String) -> [String: Any] {
        let depth = url.split(separator: "/").count
        return [
            "lang": language.rawValue,
            "t": templateStrings,
            "root": String(repeating: "../", count: depth),
            "page_title": title,
            "as_of": format(asOf),
            "as_of_iso": asOf.description,
            "canonical": site.baseURL + url,
            "site": [
                "title": site.title,
                "organisation": site.organisation,
                "unit": site.unit,
                "help_desk_url": site.helpDeskURL,
                "survey_url": site.surveyURL,
                "phone": site.phone,
            ],
        ]
    }

    var dayStyle: DayStyle { PageContext.dayStyle(language) }
    static func dayStyle(_ language: Language) -> DayStyle { language == .th ? .thai : .english }

    func format(_ day: Day) -> String { day.formatted(dayStyle) }
}
