/// What of a page Pagefind is given: the parts it indexes (`indexed`) and nothing else. Pagefind
/// reads the whole page to find them, and its time follows the bytes it reads; a case page's
/// navigation, Gantt chart and footer are half of its bytes. Its index comes out the same: the
/// same words at the same places on the same pages (checked with Pagefind against whole pages,
/// in FaultTests+SearchGiven).
extension SearchText {
    /// The head to the title, the marked element with its ignored elements emptied (their tags
    /// kept, so that Pagefind still sees a block end where one was), and the page closed. The whole
    /// page when a part left out could matter to Pagefind: an `<h1>` or `<img>` (its result's
    /// title and image are the first on the page, ignored or not) or a `data-pagefind-`
    /// attribute (filters and meta count wherever they are).
    static func given(_ html: [UInt8]) -> [UInt8] { part(of: html) ?? html }

    /// The copy of a page Pagefind reads: `given(split(html))`, without splitting the Thai of
    /// what it leaves out (a case page's navigation, Gantt chart and footer).
    static func copyToIndex(_ html: [UInt8], indexed pieces: [ArraySlice<UInt8>]) -> [UInt8] {
        let leftOut = zip(pieces, pieces.dropFirst()).map { $0.endIndex..<$1.startIndex } + [(pieces.last?.endIndex ?? 0)..<html.count]
        guard let split = split(html, skipping: pieces.count >= 2 ? leftOut : []) else { return given(html) }
        // When Pagefind must read the whole page, all of it is split.
        return part(of: split) ?? (pieces.count >= 2 ? SearchText.split(html) ?? html : split)
    }

    /// What `given` gives, or nil when it is the whole page.
    private static func part(of html: [UInt8]) -> [UInt8]? {
        let pieces = indexed(html)
        guard pieces.count >= 2, let head = pieces.first else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(html.count / 2)
        out += head
        out += Array("</head><body>".utf8)
        var at = pieces[1].startIndex
        if matters(html[head.endIndex..<at]) { return nil }
        for piece in pieces.dropFirst() {
            // Between two pieces, an ignored element: its start and end tags are kept.
            if piece.startIndex > at {
                let ignored = html[at..<piece.startIndex]
                let startTag = ignored.firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? ignored.endIndex
                let endTag = ignored.lastIndex(of: UInt8(ascii: "<")).flatMap { i in
                    i >= startTag && byte(html, i + 1) == UInt8(ascii: "/") ? i : nil
                } ?? ignored.endIndex
                if matters(html[startTag..<endTag]) || matters(html[ignored.startIndex..<startTag], ownTag: true) { return nil }
                out += html[ignored.startIndex..<startTag]
                out += html[endTag..<ignored.endIndex]
            }
            out += piece
            at = piece.endIndex
        }
        if matters(html[at...]) { return nil }
        out += Array("</body></html>\n".utf8)
        return out
    }

    /// Whether bytes left out hold what Pagefind reads outside what it indexes: an `<h1` or
    /// `<img` tag, or a `data-pagefind-` attribute (`ownTag`: an ignored element's own start
    /// tag, kept, where `data-pagefind-ignore` is what it should say).
    private static func matters(_ bytes: ArraySlice<UInt8>, ownTag: Bool = false) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                for name in ["h1", "img"] where startsLower(bytes, at: i + 1, with: name) {
                    let after = i + 1 + name.utf8.count
                    if after >= bytes.endIndex || !isNameByte(bytes[after]) { return true }
                }
            }
            if b | 0x20 == UInt8(ascii: "d"), startsLower(bytes, at: i, with: "data-pagefind-"),
               !(ownTag && startsLower(bytes, at: i, with: "data-pagefind-ignore")) {
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether `bytes` at `at` spell `word` (lowercase ASCII), in either case.
    private static func startsLower(_ bytes: ArraySlice<UInt8>, at: Int, with word: String) -> Bool {
        var i = at
        for w in word.utf8 {
            guard i < bytes.endIndex, bytes[i] | (w >= UInt8(ascii: "a") ? 0x20 : 0) == w else { return false }
            i += 1
        }
        return true
    }
}
