import Escaping

/// One file of the built site, by its path inside the output folder.
struct Page {
    var path: String
    var body: Body

    /// Text made by swift-mustache or by hand, or the bytes a skeleton was filled into. Those
    /// are UTF-8 already (a skeleton's text and its values are Strings' bytes): making a String
    /// of them checked them again, a tenth of `serve`'s work when a step is done (the case list
    /// and status.json are 6 MB each).
    enum Body {
        case text(String)
        case bytes([UInt8])
    }

    init(path: String, text: String) {
        self.init(path: path, body: .text(text))
    }

    init(path: String, body: Body) {
        self.path = path
        self.body = body
    }

    /// The file as text (tests read pages so).
    var text: String {
        switch body {
        case .text(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Calls `body` with the file's bytes, without copying them.
    func withBytes<R>(_ read: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch body {
        case .text(let text): return try text.withBytes { try read(UnsafeRawBufferPointer($0)) }
        case .bytes(let bytes): return try bytes.withUnsafeBytes(read)
        }
    }
}
