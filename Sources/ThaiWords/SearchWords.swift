import CThaiSearchWords
import Escaping
import Synchronization

extension ThaiWords {
    /// Where ICU's word boundaries fall in `bytes` (UTF-8), as offsets in bytes, in order, never
    /// 0 nor the end; empty when the text has no Thai.
    /// These are the boundaries a browser's `Intl.Segmenter("th")` finds, which is how the
    /// search page splits a query; the copies of pages that search indexes are split here the
    /// same way, so that a query's words and the index's words agree.
    ///
    /// Not libthai's: its longest-match dictionary reads "จัดการสหกิจศึกษา" as
    /// "จัด|กา|รส|หกิจศึกษา", where ICU finds "จัดการ|สห|กิจ|ศึกษา"; and the browser has ICU,
    /// not libthai. Lines still break by libthai (`breaks(in:)`), as Thai desktops break them.
    public static func searchBoundaries(utf8 bytes: [UInt8]) -> [Int] {
        guard ThaiUTF8.contains(bytes) else { return [] }
        return WordIterators.shared.use { iterator -> [Int] in
            var found = [Int32](repeating: 0, count: bytes.count)
            let count = bytes.withUnsafeBufferPointer { text in
                found.withUnsafeMutableBufferPointer { out in
                    sopsite_thai_words_boundaries(iterator, text.baseAddress, Int32(text.count), out.baseAddress, Int32(out.count))
                }
            }
            return count > 0 ? found.prefix(Int(count)).map(Int.init) : []
        } ?? []
    }
}

/// ICU's Thai word iterators, one per thread at a time (an iterator holds the text it walks);
/// each loads the dictionary when made, so they are made once and kept.
private final class WordIterators: Sendable {
    static let shared = WordIterators()
    /// An iterator is used by one thread at a time: passing it between threads is safe.
    private struct Iterator: @unchecked Sendable { let pointer: UnsafeMutableRawPointer }
    private let idle = Mutex<[Iterator]>([])

    /// Runs `body` with an iterator; nil when ICU cannot make one (its data is missing).
    func use<T>(_ body: (UnsafeMutableRawPointer) -> T) -> T? {
        guard let iterator = idle.withLock({ $0.popLast() })?.pointer ?? sopsite_thai_words_open() else { return nil }
        defer { idle.withLock { $0.append(Iterator(pointer: iterator)) } }
        return body(iterator)
    }
}
