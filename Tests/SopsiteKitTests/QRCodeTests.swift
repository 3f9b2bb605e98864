import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SopsiteKit
import XCTest

final class QRCodeTests: XCTestCase {
    static let caseURL = "https://sop.arit.rmutl.ac.th/cases/SW01-2568-001/"
    static let queryURL = "https://arit.rmutl.ac.th/?case=SW01-2568-001"
    static let thaiURL = "https://sop.arit.rmutl.ac.th/ค้นหา?q=ระบบสารสนเทศ&ปี=2568"

    func testSizeGrowsWithTheText() throws {
        XCTAssertEqual(QRCode("https://a.th")?.size, 21, "a short text fits version 1")
        let sizes = [10, 50, 100, 300, 1000].map { QRCode(String(repeating: "x", count: $0))!.size }
        XCTAssertEqual(sizes, sizes.sorted())
        XCTAssertGreaterThan(sizes.last!, sizes.first!)
        for size in sizes { XCTAssertEqual(size % 4, 1, "17 + 4 × version") }
        XCTAssertNil(QRCode(""))
        XCTAssertNil(QRCode(String(repeating: "x", count: 3000)), "beyond version 40 at level M")
    }

    func testFinderPatternsAtThreeCorners() throws {
        for text in [Self.caseURL, String(repeating: "y", count: 400)] {
            let code = try XCTUnwrap(QRCode(text))
            let last = code.size - 7
            func isFinder(_ ox: Int, _ oy: Int) -> Bool {
                // Dark 7×7 frame, light ring, dark 3×3 centre: only the ring at distance 2 is light.
                (0..<7).allSatisfy { dy in (0..<7).allSatisfy { dx in
                    code.isDark(x: ox + dx, y: oy + dy) == (max(abs(dx - 3), abs(dy - 3)) != 2)
                } }
            }
            XCTAssertTrue(isFinder(0, 0), "top left")
            XCTAssertTrue(isFinder(last, 0), "top right")
            XCTAssertTrue(isFinder(0, last), "bottom left")
            XCTAssertFalse(isFinder(last, last), "no finder at bottom right")
            XCTAssertFalse(code.isDark(x: -1, y: 0) || code.isDark(x: 0, y: code.size), "outside is light")
        }
    }

    func testSVGIsWellFormedWithViewBoxWidthAndPath() throws {
        let code = try XCTUnwrap(QRCode(Self.queryURL))
        let label = "QR <case> \"SW01\" & more"
        let svg = code.svg(width: "30mm", label: label)
        let parsed = try XCTUnwrap(ParsedSVG(svg), "not well-formed XML:\n\(svg)")
        XCTAssertEqual(parsed.elements, ["svg", "rect", "path"])
        let root = parsed.attributes[0], side = code.size + 8
        XCTAssertEqual(root["viewBox"], "0 0 \(side) \(side)")
        XCTAssertEqual(root["width"], "30mm")
        XCTAssertEqual(root["height"], "30mm")
        XCTAssertEqual(root["role"], "img")
        XCTAssertEqual(root["aria-label"], label, "escaped in the text, the same once parsed")
        XCTAssertEqual(root["shape-rendering"], "crispEdges")
        XCTAssertEqual(parsed.attributes[1]["fill"], "#fff")
        XCTAssertEqual(parsed.attributes[2]["fill"], "#000")
        XCTAssertFalse(parsed.attributes.contains { $0["style"] != nil }, "the CSP forbids inline styles")
        // Drawing the path's runs back onto a grid gives exactly the dark modules, shifted by the quiet zone.
        var drawn = Set<[Int]>()
        let run = try NSRegularExpression(pattern: #"M(\d+) (\d+)h(\d+)v1h-(\d+)z"#)
        let d = try XCTUnwrap(parsed.attributes[2]["d"])
        let matches = run.matches(in: d, range: NSRange(d.startIndex..., in: d))
        XCTAssertEqual(matches.map(\.range.length).reduce(0, +), d.utf16.count, "only runs in the path")
        for m in matches {
            let n = (1...4).map { Int(d[Range(m.range(at: $0), in: d)!])! }
            XCTAssertEqual(n[2], n[3])
            for x in n[0]..<(n[0] + n[2]) { XCTAssertTrue(drawn.insert([x - 4, n[1] - 4]).inserted) }
        }
        let dark = (0..<code.size).flatMap { y in (0..<code.size).map { [$0, y] } }
            .filter { code.isDark(x: $0[0], y: $0[1]) }
        XCTAssertEqual(drawn, Set(dark))
    }

    func testThaiAndLongURLsEncodeDeterministically() throws {
        let long = Self.caseURL + "?" + (1...60).map { "k\($0)=v\($0)" }.joined(separator: "&")
        for text in [Self.thaiURL, long, Self.caseURL] {
            let a = try XCTUnwrap(QRCode(text), text), b = try XCTUnwrap(QRCode(text))
            XCTAssertEqual(a, b)
            XCTAssertEqual(a.svg(width: "25mm", label: text), b.svg(width: "25mm", label: text))
        }
        XCTAssertGreaterThan(QRCode(long)!.size, QRCode(Self.caseURL)!.size)
    }

    /// Scans the drawn code with a real reader: the text must come back exactly.
    func testRenderedSVGDecodesToTheText() throws {
        let zbar = tool("zbarimg"), rsvg = tool("rsvg-convert"), magick = tool("magick") ?? tool("convert")
        guard let zbar, let renderer = rsvg ?? magick else {
            return XCTFail("needs zbarimg (Debian zbar-tools) and rsvg-convert (Debian librsvg2-bin) "
                + "or ImageMagick; install them: apt-get install zbar-tools librsvg2-bin")
        }
        let folder = try temporaryFolder(self)
        for text in [Self.queryURL, Self.caseURL, Self.thaiURL] {
            let code = try XCTUnwrap(QRCode(text))
            let svgPath = folder + "/qr.svg", pngPath = folder + "/qr.png"
            // 8 px a module: plenty for the reader, and whole pixels, so edges stay sharp.
            try Data(code.svg(width: "\((code.size + 8) * 8)px", label: text).utf8)
                .write(to: URL(fileURLWithPath: svgPath))
            let render = renderer == rsvg ? ["-b", "white", "-o", pngPath, svgPath] : [svgPath, pngPath]
            XCTAssertEqual(try run(renderer, render).status, 0, "rendering \(text)")
            let scan = try run(zbar, ["--quiet", "--raw", pngPath])
            XCTAssertEqual(scan.status, 0, "zbarimg found no code for \(text)")
            XCTAssertEqual(scan.output, text + "\n")
        }
    }

    private func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool; its stderr (zbarimg's D-Bus chatter in containers) is kept for failure messages only.
    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process(), out = Pipe(), err = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0 { print("\(executable) failed:\n\(errors)") }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The elements of an SVG in document order with their attributes; nil if the XML is not well-formed.
private final class ParsedSVG: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [[String: String]] = []

    init?(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String]) {
        elements.append(name)
        self.attributes.append(attributes)
    }
}
