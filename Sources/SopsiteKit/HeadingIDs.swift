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
    /// tags in document order, the order the ids were made in. Scans bytes: this runs on every
    /// page body, and `<h1>`...`<h6>` are ASCII.
    static func insert(_ ids: [String], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ids.count * 32)
        var next = 0
        var i = 0
        while i < bytes.count {
            if next < ids.count, bytes[i] == UInt8(ascii: "<"), i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2]), bytes[i + 3] == UInt8(ascii: ">") {
                out += bytes[i..<(i + 3)]
                out += Array(" id=\"\(ids[next].xmlEscaped)\">".utf8)
                next += 1
                i += 4
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
