import Foundation
@testable import SopsiteKit
import XCTest

/// Pagefind is given only what it indexes of a page (`SearchText.given`), to read fewer bytes.
/// Its index must be what the whole page gives: the same fragments (each page's words in order,
/// its title, image and anchors) and the same number of words.
extension FaultTests {
    func testPagefindGivenWhatItIndexesMakesTheIndexOfTheWholePages() throws {
        try requireSopsiteAndPagefind()
        let folder = try temporaryFolder(self)
        let content = try sampleContent(in: folder, copying: "SW01-2569-008", copies: 2, paragraphs: 2)
        let out = folder + "/public"
        _ = try timedBuild(content, into: out, search: false)
        var given = 0
        let fm = FileManager.default
        for case let page as String in fm.enumerator(atPath: out)! where page.hasSuffix(".html") {
            let bytes = try XCTUnwrap(ContentFiles.bytes(out + "/" + page))
            guard String(decoding: bytes, as: UTF8.self).contains("data-pagefind-body") else { continue }
            let split = SearchText.split(bytes) ?? bytes, part = SearchText.given(split)
            if part != split { given += 1 }
            // The build splits only what it gives: the same bytes.
            XCTAssertEqual(SearchText.copyToIndex(bytes, indexed: SearchText.indexed(bytes)), part, page)
            for (tree, copy) in [("whole", split), ("given", part)] {
                let path = folder + "/\(tree)/" + page
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                XCTAssertTrue(fm.createFile(atPath: path, contents: Data(copy)))
            }
        }
        XCTAssertGreaterThan(given, 5, "the SOP, the cases and the manuals are given in part")
        let whole = try pagefind(folder + "/whole"), part = try pagefind(folder + "/given")
        XCTAssertEqual(part.words, whole.words, "Pagefind indexed as many words")
        XCTAssertEqual(part.fragments.count, whole.fragments.count)
        for (url, fragment) in whole.fragments {
            XCTAssertEqual(part.fragments[url], fragment, "the fragment of \(url)")
        }
    }

    /// Pagefind over `site` as a build runs it: the words it says it indexed, and its fragments
    /// (gzipped JSON) by page.
    private func pagefind(_ site: String) throws -> (words: String, fragments: [String: NSDictionary]) {
        let index = site + "-index"
        let said = try run(Search.findPagefind()!, ["--site", site, "--output-path", index, "--verbose", "--force-language", Search.language])
        let words = said.split(separator: "\n").first { $0.contains("Indexed") && $0.contains("words") }.map(String.init) ?? ""
        var fragments: [String: NSDictionary] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: index + "/fragment") {
            let text = try run("/bin/gzip", ["-dc", index + "/fragment/" + name])
            let json = try XCTUnwrap(text.firstIndex(of: "{").map { text[$0...] })
            let fragment = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
            fragments[try XCTUnwrap(fragment["url"] as? String)] = fragment
        }
        return (words, fragments)
    }

    private func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(program) \(arguments)")
        return String(decoding: out, as: UTF8.self)
    }
}
