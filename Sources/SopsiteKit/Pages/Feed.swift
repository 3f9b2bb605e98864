import BusinessTime
import Escaping

/// `/feed.xml`: an Atom feed of case events, newest first, for readers and other systems.
struct Feed {
    let site: Site
    let words: Words
    /// Enough for any reader to catch up; older events stay on the case pages.
    static let limit = 100

    func render(_ views: [CaseView], glances: CaseGlances? = nil, asOf: Day) -> Page {
        let items = Dashboard.latest(Feed.limit, of: views, glances: glances)
        let updated = items.first.map { Feed.timestamp($0.event.date) } ?? Feed.timestamp(Moment(day: asOf))
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(site.title.xmlEscaped)</title>
          <id>\(site.baseURL.xmlEscaped)</id>
          <link rel="alternate" href="\(site.baseURL.xmlEscaped)"/>
          <link rel="self" href="\(site.baseURL.xmlEscaped)feed.xml"/>
          <updated>\(updated)</updated>
          <author><name>\(site.unit.xmlEscaped)</name></author>

        """
        for (index, item) in items.enumerated() {
            let step = item.view.sop.steps.first { $0.id == item.event.step }
            var title = "\(item.view.c.id): \(words["step"]) \(item.event.step) \(step?.title ?? "")"
            if let answer = item.event.answer, let decision = step?.decision {
                title += " · " + decision.said(answer)
            }
            let url = site.baseURL + item.view.url
            // An event has no id of its own; its case, step and place among the case's events do.
            let n = item.view.c.events.firstIndex { $0.date == item.event.date && $0.step == item.event.step } ?? index
            var summary = "\(item.view.c.title) · \(item.view.c.unit)"
            if let by = item.event.by { summary += " · \(by)" }
            if let note = item.event.note { summary += " · \(note)" }
            xml += """
              <entry>
                <title>\(title.xmlEscaped)</title>
                <id>\(url.xmlEscaped)#event-\(n + 1)</id>
                <link rel="alternate" href="\(url.xmlEscaped)"/>
                <updated>\(Feed.timestamp(item.event.date))</updated>
                <summary>\(summary.xmlEscaped)</summary>
              </entry>

            """
        }
        xml += "</feed>\n"
        return Page(path: "feed.xml", text: xml)
    }

    /// RFC 3339 in Bangkok time; a date without a time is taken at midnight.
    static func timestamp(_ moment: Moment) -> String {
        let minute = moment.minute ?? 0
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(moment.day)T\(two(minute / 60)):\(two(minute % 60)):00+07:00"
    }
}
