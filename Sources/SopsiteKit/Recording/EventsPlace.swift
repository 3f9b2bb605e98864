import CYaml
import Escaping

/// Where a case's `events:` list sits in its front matter and how it is written, found from
/// libyaml's events: where values end and in which style, which the reading tree (`YAMLValue`)
/// does not keep. `sopsite record` adds an event there and leaves every other byte as it was.
struct EventsPlace: Equatable {
    /// A line and column from 0 in the front matter's YAML (columns in Unicode scalars, as
    /// libyaml counts them).
    struct Mark: Equatable, Comparable {
        var line: Int
        var column: Int
        static func < (a: Mark, b: Mark) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    enum Shape: Equatable {
        /// `events:` with nothing after it, `events: ~` or `events: []`: the value's span
        /// (from == to when nothing is written).
        case empty(from: Mark, to: Mark)
        /// A list of `- ` items: the dashes' column, the last item's keys' column, whether it
        /// is written `{step: 1, ...}`, and where its last value ends.
        case block(dashColumn: Int, keyColumn: Int, flowItem: Bool, lastEnd: Mark)
        /// A list written `[{...}, {...}]`: where its last item ends.
        case flow(lastEnd: Mark)
    }

    /// The `events` key.
    var key: Mark
    var shape: Shape

    /// Nil when the front matter has no `events` list at its top (the build says why).
    static func find(_ yaml: Substring) -> EventsPlace? {
        yaml.withBytes { bytes -> EventsPlace? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var walk = Walk()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if walk.step(event) { return walk.found }
            }
        }
    }

    /// The walk through libyaml's events to the end of the top mapping's `events` value.
    private struct Walk {
        /// Open lists and mappings, innermost last: whether each is written in flow style.
        var open: [Bool] = []
        /// Values finished in the top mapping (keys and values: even before a key).
        var topValues = 0
        var key: Mark?
        var inEvents = false
        var dashColumn = 0
        var itemKeyColumn: Int?
        var itemIsFlow = false
        var lastEnd: Mark?
        var listIsFlow = false
        var listStart = Mark(line: 0, column: 0)
        /// Once the walk ends: the place, or nil when `events` is not a list.
        var found: EventsPlace?

        /// True once `events`' value has ended (or turned out not to be a list).
        mutating func step(_ event: yaml_event_t) -> Bool {
            let start = Mark(event.start_mark), end = Mark(event.end_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                if open.count == 1 {
                    defer { topValues += 1 }
                    if topValues % 2 == 0 {
                        if let key = scalarText(event), key == "events" { self.key = start }
                        return false
                    }
                    guard let key = self.key else { return false }
                    // A value other than nothing, ~ or null is not a list: the build says so.
                    let text = scalarText(event) ?? ""
                    let isNull = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && YAMLValue.isNull(text)
                    found = isNull ? EventsPlace(key: key, shape: .empty(from: start, to: end)) : nil
                    return true
                }
                if inEvents && open.count == 2 { beginItem(start, keyColumn: nil, flow: false) }
                // An empty value (`note:`) is marked where the next token starts.
                if inEvents && start != end { lastEnd = end }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let flow = event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                    : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                if open.count == 1, key != nil, topValues % 2 == 1 {
                    guard event.type == YAML_SEQUENCE_START_EVENT else { return true }
                    (inEvents, listIsFlow, listStart, dashColumn) = (true, flow, start, start.column)
                } else if inEvents && open.count == 2 {
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    beginItem(start, keyColumn: isMapping ? start.column : nil, flow: flow)
                }
                open.append(flow)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let flow = open.removeLast()
                // A block collection's end is marked where the next token starts: not its end.
                if inEvents && flow && open.count >= 2 { lastEnd = end }
                if open.count == 1 {
                    defer { topValues += 1 }
                    if inEvents, let key {
                        found = finish(key: key, listEnd: end)
                        return true
                    }
                }
            default:
                break
            }
            return false
        }

        mutating func beginItem(_ start: Mark, keyColumn: Int?, flow: Bool) {
            (itemKeyColumn, itemIsFlow, lastEnd) = (keyColumn, flow, start)
        }

        func finish(key: Mark, listEnd: Mark) -> EventsPlace {
            guard let lastEnd else { return EventsPlace(key: key, shape: .empty(from: listStart, to: listEnd)) }
            if listIsFlow { return EventsPlace(key: key, shape: .flow(lastEnd: lastEnd)) }
            return EventsPlace(key: key, shape: .block(dashColumn: dashColumn, keyColumn: itemKeyColumn ?? dashColumn + 2,
                                                       flowItem: itemIsFlow, lastEnd: lastEnd))
        }

        func scalarText(_ event: yaml_event_t) -> String? {
            let scalar = event.data.scalar
            return scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) }
        }
    }
}

extension EventsPlace.Mark {
    init(_ mark: yaml_mark_t) { self.init(line: Int(mark.line), column: Int(mark.column)) }
}
