import BusinessTime
import Foundation
@testable import SopsiteKit
// Temporary folders and files for every test file of this target.
@_exported import TestFolders
import XCTest

/// Paths of the repository.
enum Repo {
    static let root = repositoryRoot
    static let tests = root + "/Tests/SopsiteKitTests"
    static func fixture(_ name: String) -> String { tests + "/Fixtures/" + name }
    /// The date the sample content is built as of in the tests: its cases show every state then.
    static let asOf = Day(iso: "2026-11-27")!
}

/// Content as a build loads it, each case followed at `asOf`, with the progress by case id.
func loadFollowed(_ folder: String, asOf: Day, _ diagnostics: inout Diagnostics) throws -> (Content, [String: CaseProgress]) {
    let loaded = try XCTUnwrap(Content.load(from: folder, following: asOf, &diagnostics))
    let pairs = zip(loaded.content.cases.map(\.id), loaded.progress).compactMap { id, p in p.map { (id, $0) } }
    return (loaded.content, Dictionary(uniqueKeysWithValues: pairs))
}
