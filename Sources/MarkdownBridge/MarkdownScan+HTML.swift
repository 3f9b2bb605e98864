import Glibc

extension MarkdownScan {
    /// Raw HTML openers that nothing after them in the paragraph closes: `<?` without `?>`, a
    /// declaration `<!X` without `>`, `<![CDATA[` without `]]>`. cmark-gfm 0.29.0.gfm.6 scans
    /// from each one to the paragraph's end before it gives up, so a paragraph of them takes time
    /// that grows with their number times its length. Read from the end back, so that "closed"
    /// means a closer comes later.
    mutating func checkHTML(_ paragraph: [Line], _ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = paragraph.first, let last = paragraph.last, let base = bytes.baseAddress,
              memchr(base + first.start, 0x3C, last.end - first.start) != nil else { return }
        var seenPIClose = false, seenGT = false, seenCDATAClose = false
        var unclosed = 0, earliest = -1
        var i = last.end - 1
        while i >= first.start {
            let b = bytes[i]
            if b == 0x3E {  // >
                seenGT = true
                if i > first.start, bytes[i - 1] == 0x3F { seenPIClose = true }
                if i - 2 >= first.start, bytes[i - 1] == 0x5D, bytes[i - 2] == 0x5D { seenCDATAClose = true }
            } else if b == 0x3C, i + 1 < last.end {  // <
                let next = bytes[i + 1]
                var open = false
                if next == 0x3F { open = !seenPIClose }
                else if next == 0x21, i + 2 < last.end {
                    let third = bytes[i + 2]
                    if third | 0x20 >= 0x61, third | 0x20 <= 0x7A { open = !seenGT }
                    else if third == 0x5B, matches(bytes, at: i, "<![CDATA[", end: last.end) { open = !seenCDATAClose }
                }
                if open {
                    unclosed += 1
                    earliest = i
                }
            }
            i -= 1
        }
        guard unclosed > limits.unclosedHTML,
              let line = paragraph.last(where: { $0.start <= earliest }) else { return }
        add(line, earliest - line.start, bytes, "a paragraph has \(unclosed) raw HTML openers ('<?', '<!', '<![CDATA[') that nothing "
            + "closes, over the limit of \(limits.unclosedHTML) (\(MarkdownLimits.keys.unclosedHTML) under markdown: in site.yaml); "
            + "write '&lt;' for a '<' meant as text")
    }

    private func matches(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, _ word: StaticString, end: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= end else { return false }
        return (0..<count).allSatisfy { bytes[i + $0] == word.utf8Start[$0] }
    }
}
