// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "sopsite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sopsite", targets: ["sopsite"]),
        .library(name: "SopsiteKit", targets: ["SopsiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // serve's HTTP server: SwiftNIO's parser, which bounds what it reads. Hummingbird's
        // traits are off: serve needs neither its configuration reader nor full Foundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // cmark-gfm from the system (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libqrencode from the system (Debian: libqrencode-dev), for QR codes drawn at build time.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libthai from the system (Debian: libthai-dev): Thai word breaking by dictionary.
        .systemLibrary(
            name: "CThai",
            pkgConfig: "libthai",
            providers: [.apt(["libthai-dev"])]
        ),
        // ICU from the system (Debian: libicu-dev): word boundaries as a browser finds them, for
        // search. A C target whose header shows no ICU type: Foundation has an ICU of its own.
        .target(name: "CThaiSearchWords", linkerSettings: [.linkedLibrary("icuuc")]),
        // Linux's atomic exchange of two folders, for swapping a finished build into place.
        .target(name: "CAtomicSwap"),
        // cmark-gfm's inline characters set once and kept, so that parsers on every core need
        // not take turns (inline_chars.c says why). The symbol is exported from every program
        // linked with it, so that the library's calls reach it.
        .target(
            name: "CCmarkInlineChars",
            linkerSettings: [
                .linkedLibrary("dl"),
                .unsafeFlags(["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"]),
            ]
        ),
        // A pointer per thread, read in one load: the Markdown arena cmark-gfm's allocator finds.
        .target(name: "CThreadArena"),
        // Scans of every byte of content files and page values (characters pages cannot carry,
        // bytes to escape), in C so that they become vector instructions.
        .target(name: "CTextScan"),
        // Pure logic: durations and business time. No I/O.
        .target(name: "BusinessTime"),
        // Watching folders with inotify, changes batched, editors' temporary files left out (serve, publish).
        .target(name: "FileWatcher"),
        // Writing SVG text, the same bytes on every machine: the flowchart, charts, badges, QR codes.
        .target(name: "SVG", dependencies: ["CTextScan", "Escaping"]),
        // Text by its bytes: HTML and XML escaping as swift-mustache escapes (pages, heading ids,
        // feeds), and where Thai letters are in UTF-8.
        .target(name: "Escaping", dependencies: ["CTextScan"]),
        // The one door to cmark-gfm: Markdown to HTML, headings, images, limits on costly input.
        .target(name: "MarkdownBridge", dependencies: ["CCmarkGFM", "CCmarkInlineChars", "CThreadArena", "CTextScan", "Escaping"]),
        // The theme's Mustache templates compiled into operations and run over typed values into
        // bytes; swift-mustache parses them, and renders themes whose templates compute.
        .target(name: "Templates", dependencies: ["Escaping", .product(name: "Mustache", package: "swift-mustache")]),
        // Where Thai text may break between words: by libthai's dictionary (labels), and by ICU's
        // as a browser splits a search query (the copies of pages that search indexes).
        .target(name: "ThaiWords", dependencies: ["CThai", "CThaiSearchWords", "Escaping"]),
        // Pure logic: swimlane flowchart layout and SVG drawing. No I/O.
        .target(name: "Flowchart", dependencies: ["SVG"]),
        .target(
            name: "SopsiteKit",
            dependencies: [
                "CQRencode", "CAtomicSwap", "CTextScan", "BusinessTime", "Flowchart", "SVG", "Escaping", "MarkdownBridge", "Templates", "ThaiWords",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // `sopsite serve`: the HTTP server (Hummingbird's core on SwiftNIO), live reload and the
        // error overlay.
        .target(
            name: "SopsiteServe",
            dependencies: [
                "SopsiteKit", "FileWatcher",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "sopsite",
            dependencies: [
                "SopsiteKit", "SopsiteServe", "BusinessTime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // tcmalloc's thread caches in place of glibc's malloc: a build makes and frees
            // millions of small objects on every core (0.92x the CPU of a 10,000-case build).
            linkerSettings: [.linkedLibrary("tcmalloc_minimal")]
        ),
        // Golden-file comparison with a record switch, shared by the test targets.
        .target(name: "GoldenFile", path: "Tests/GoldenFile"),
        // Temporary folders and files, shared by the test targets.
        .target(name: "TestFolders", path: "Tests/TestFolders"),
        .testTarget(name: "BusinessTimeTests", dependencies: ["BusinessTime"]),
        .testTarget(name: "FlowchartTests", dependencies: ["Flowchart", "SVG", "ThaiWords", "GoldenFile"], exclude: ["Golden"]),
        // Fixtures and golden files are read beside the test sources (#filePath), so that
        // SOPSITE_RECORD=1 can write them back into the tree,
        // so they are not the target's resources.
        .testTarget(name: "SopsiteKitTests", dependencies: ["SopsiteKit", "MarkdownBridge", "Templates", "Escaping", "SVG", "ThaiWords", "GoldenFile", "TestFolders"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "MarkdownBridgeTests", dependencies: ["MarkdownBridge", "TestFolders"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "TestFolders", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "ThaiWordsTests", dependencies: ["ThaiWords", "Escaping"]),
        .testTarget(name: "FileWatcherTests", dependencies: ["FileWatcher", "TestFolders"]),
        .testTarget(name: "SopsiteServeTests", dependencies: ["SopsiteServe", "SopsiteKit"]),
    ]
)
