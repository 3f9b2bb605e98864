import SVG
import CQRencode

/// A QR code for a URL, drawn as inline SVG at build time (never fetched from a web service).
///
/// The only file that talks to libqrencode: the C symbol is copied into a plain Swift
/// grid at once and freed, so the rest of the site never handles C memory.
struct QRCode: Equatable, Sendable {
    /// The number of modules on a side (21 for version 1, 4 more per version).
    let size: Int
    /// Row by row, true = dark.
    private let modules: [Bool]

    /// Light modules around the symbol, as the QR standard asks, so scanners find its edges.
    static let quietZone = 4

    /// Encodes `text` (UTF-8, 8-bit mode, error correction level M); nil if it cannot be encoded.
    ///
    /// Nil for empty text and for text too long for version 40 (about 2,300 bytes at level M).
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        // encodeData rather than encodeString8bit: it takes a length, so no C string is made.
        // Version 0 lets libqrencode pick the smallest version that holds the data.
        guard let code = bytes.withUnsafeBufferPointer({
            QRcode_encodeData(Int32($0.count), $0.baseAddress, 0, QR_ECLEVEL_M)
        }) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { return nil }
        // Each byte carries flags about the module in its upper bits; bit 0 is dark/light.
        size = width
        modules = (0..<width * width).map { data[$0] & 1 == 1 }
    }

    /// Whether the module at column `x`, row `y` is dark; false outside the symbol
    /// (the quiet zone is light).
    func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// An `<svg>` element of the code, `width` and `height` both `width` (CSS units, e.g. "30mm").
    ///
    /// One `<path>` of all dark modules, each horizontal run drawn as `M x y h w v 1 h -w z`, on a
    /// white `<rect>` that includes a 4-module quiet zone; the viewBox is in modules.
    /// `label` becomes the `aria-label` (e.g. the URL). Presentation attributes only: no `style`
    /// attribute and no `<style>` element, because the site's Content-Security-Policy forbids
    /// inline styles. The same code always gives the same text.
    func svg(width: String, label: String) -> String {
        let side = size + 2 * Self.quietZone
        var svg = SVGWriter(compact: true)
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(side) \(side)", "width": width,
                         "height": width, "role": "img", "aria-label": label, "shape-rendering": "crispEdges"])
        svg.element("rect", ["width": "\(side)", "height": "\(side)", "fill": "#fff"])
        svg.element("path", ["fill": "#000", "d": pathData])
        svg.close("svg")
        return svg.output
    }

    /// Dark modules merged into one rectangle per horizontal run: a fraction of the
    /// size of one square per module, and no hairline seams between neighbours.
    private var pathData: String {
        var d = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                let run = x - start
                d += "M\(start + Self.quietZone) \(y + Self.quietZone)h\(run)v1h-\(run)z"
            }
        }
        return d
    }
}
