import BusinessTime
import Escaping

/// An iCalendar object (RFC 5545) of all-day events, written as the RFC asks: CRLF line ends,
/// lines folded at 75 octets (never inside a character: Thai is three bytes a letter),
/// text values escaped. Pure: `CalendarTests` read it back with a real parser (PyPI's
/// `icalendar`, in check-site).
struct ICalendar {
    struct Event {
        var uid: String
        var day: Day
        var summary: String
        var description: String
        var url: String

        /// The event's lines as a feed writes them, but for the feed's own DTSTAMP line.
        var written: Written {
            Written(day: day, uid: uid, head: ICalendar.lines(["BEGIN:VEVENT", "UID:" + uid]), rest: ICalendar.lines([
                "DTSTART;VALUE=DATE:" + ICalendar.date(day), "DTEND;VALUE=DATE:" + ICalendar.date(day.adding(days: 1)),
                "SUMMARY:" + ICalendar.escape(summary), "DESCRIPTION:" + ICalendar.escape(description),
                "URL:" + url, "TRANSP:TRANSPARENT", "END:VEVENT",
            ]))
        }
    }

    /// An event written: its lines folded, each ended, before and after its DTSTAMP line (the
    /// feed's as-of day). `serve` keeps each open case's events written (`CaseView`): a step
    /// done remakes every feed, and folding Thai lines for 2,000 open cases took 200 ms.
    struct Written: Sendable {
        var day: Day
        var uid: String
        var head: String
        var rest: String
    }

    var name: String
    /// When the feed's facts hold (DTSTAMP): the build's as-of day, so the same content gives
    /// the same bytes.
    var stamp: Day
    var events: [Written]

    var text: String {
        var text = Self.lines([
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sopsite//SOP portal//TH", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:Asia/Bangkok",
        ])
        let stamp = "DTSTAMP:" + Self.date(stamp) + "T000000Z\r\n"
        text.reserveCapacity(text.utf8.count + events.count * 600)
        for event in events {
            text += event.head
            text += stamp
            text += event.rest
        }
        return text + "END:VCALENDAR\r\n"
    }

    /// Lines folded, each ended by CRLF.
    static func lines(_ lines: [String]) -> String {
        lines.map { fold($0) + "\r\n" }.joined()
    }

    /// YYYYMMDD.
    static func date(_ day: Day) -> String { day.description.replacingAll("-", with: "") }

    /// TEXT values: backslash, semicolon and comma escaped, line breaks as `\n` (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        // Most texts have nothing to escape or drop (the feeds' 20,000 summaries and
        // descriptions): given back as they are, not rebuilt a scalar at a time.
        if !text.withBytes({ $0.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C } }) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A line longer than 75 octets goes on over lines that start with a space (RFC 5545 3.1),
    /// broken between characters as a reader sees them: a Thai vowel or tone mark stays with its
    /// letter (a cluster is at most a few scalars, well under the limit).
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        return foldKnown(line) ?? foldByCharacters(line)
    }

    /// The host of the portal's base URL, which makes UIDs unique across portals.
    static func host(_ baseURL: String) -> String {
        // In the URL's bytes ("://", "/" and ":" are ASCII): asked for each open case's events,
        // looking for "://" among Characters cost more than the rest of the events.
        let bytes = Array(baseURL.utf8)
        var start = 0
        if let scheme = (0..<max(bytes.count - 2, 0)).first(where: { bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F }) {
            start = scheme + 3
        }
        let end = bytes[start...].firstIndex { $0 == 0x2F || $0 == 0x3A } ?? bytes.count  // "/" or ":"
        return start == end ? "sopsite" : String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
