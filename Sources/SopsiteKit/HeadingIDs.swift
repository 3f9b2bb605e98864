/// Ids for headings, so that a table of contents and other pages can link to a section.
/// Thai headings keep their Thai letters: HTML ids and URL fragments may hold any letter.
struct HeadingIDs {
    private var used: [String: Int] = [:]

    /// "ขั้นตอนการจองห้อง 1.2" → "ขั้นตอนการจองห้อง-12"; repeats get -2, -3.
    mutating func make(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
                || p.generalCategory == .spacingMark {
                slug.unicodeScalars.append(scalar)
            } else if (scalar == " " || scalar == "-" || scalar == "_") && !slug.hasSuffix("-") && !slug.isEmpty {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        let count = (used[slug] ?? 0) + 1
        used[slug] = count
        return count == 1 ? slug : "\(slug)-\(count)"
    }

    /// Gives the n-th `<hN>` of `html` the n-th id. cmark-gfm writes headings as bare `<h2>`
    /// tags in document order, the order the ids were made in.
    static func insert(_ ids: [String], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + ids.count * 24)
        var rest = Substring(html)
        var next = 0
        while next < ids.count, let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            if let level = after.first, ("1"..."6").contains(level), after.dropFirst().first == ">" {
                out += rest[..<open.lowerBound]
                out += "<h\(level) id=\"\(ids[next].xmlEscaped)\">"
                rest = after.dropFirst(2)
                next += 1
            } else {
                out += rest[..<open.upperBound]
                rest = after
            }
        }
        return out + rest
    }
}
