import BusinessTime
import CYaml

/// A case's front matter: what `CaseLoader` reads from it. `quick` reads it straight from
/// libyaml's events for the file nearly every case is (valid, nothing to warn of, no documents):
/// building the general tree and reading it back took about a tenth of a build's CPU time at
/// 10,000 cases. For any other file `quick` gives nil, and the general reading
/// (`CaseLoader.readFields`) reads it and says what it finds. Tests hold the two readings equal.
struct CaseFrontMatter {
    var sop: String
    var title: String
    var unit: String
    var contact: String?
    var opened: Moment
    /// Where `opened`'s value is: a case opened after the as-of date is refused there.
    var openedLocation: SourceLocation
    var events: [Event]
    var location: SourceLocation

    static func quick(_ yaml: Substring, path: String, firstLine: Int, sops: [String: SOP]) -> CaseFrontMatter? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            guard let events = YAMLEvents(bytes, path: path, firstLine: firstLine),
                  events.next(is: YAML_STREAM_START_EVENT), events.next(is: YAML_DOCUMENT_START_EVENT),
                  events.next(is: YAML_MAPPING_START_EVENT) else { return nil }
            return read(events, sops: sops)
        }
    }

    /// The root mapping, its start just read.
    private static func read(_ events: YAMLEvents, sops: [String: SOP]) -> CaseFrontMatter? {
        let location = events.location
        var sop: SOP?, code: String?, title: String?, unit: String?, contact: String?, opened: (Moment, SourceLocation)?
        var list: [Event]?
        while events.next(), events.type != YAML_MAPPING_END_EVENT {
            if events.isScalar("sop"), code == nil {
                guard let text = events.nextText(), let found = sops[text] else { return nil }
                (code, sop) = (text, found)
            } else if events.isScalar("title") {
                guard events.nextText(into: &title) else { return nil }
            } else if events.isScalar("unit") {
                guard events.nextText(into: &unit) else { return nil }
            } else if events.isScalar("contact") {
                guard events.nextText(into: &contact) else { return nil }
            } else if events.isScalar("opened"), opened == nil {
                guard let moment = nextMoment(events) else { return nil }
                opened = (moment, events.location)
            } else if events.isScalar("events"), list == nil, let sop {
                guard let read = readEvents(events, sop: sop) else { return nil }
                list = read
            } else {
                return nil  // a key twice, one the case does not know, or events before its SOP
            }
        }
        guard events.type == YAML_MAPPING_END_EVENT, events.finish(),
              let code, let title, let unit, let opened, let list else { return nil }
        return CaseFrontMatter(sop: code, title: title, unit: unit, contact: contact, opened: opened.0,
                               openedLocation: opened.1, events: list, location: location)
    }

    /// `events:`: a list of events, or nothing at all (a case just opened).
    private static func readEvents(_ events: YAMLEvents, sop: SOP) -> [Event]? {
        guard events.next() else { return nil }
        if events.type == YAML_SCALAR_EVENT {
            guard events.isNull else { return nil }
            return []
        }
        guard events.type == YAML_SEQUENCE_START_EVENT else { return nil }
        var list: [Event] = []
        while events.next(), events.type != YAML_SEQUENCE_END_EVENT {
            guard events.type == YAML_MAPPING_START_EVENT, let event = readEvent(events, sop: sop) else { return nil }
            list.append(event)
        }
        return events.type == YAML_SEQUENCE_END_EVENT ? list : nil
    }

    /// A date, or a date and time, with a Gregorian year (a Buddhist-Era one is warned of).
    static func nextMoment(_ events: YAMLEvents) -> Moment? {
        guard let text = events.nextText(), let moment = Moment(text: text),
              moment.day.year < YAMLValue.buddhistEraFrom else { return nil }
        return moment
    }
}
