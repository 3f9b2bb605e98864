import BusinessTime
import Foundation
@testable import SopsiteKit
import XCTest

/// Recording events and then building gives the same portal as the same events written by
/// hand: every case of the shipped portal emptied to `events: []` and its events recorded
/// again, one `record` each, builds into the same files, byte for byte.
final class RecordRoundTripTests: XCTestCase {
    func testRecordingTheShippedEventsAgainBuildsTheSamePortal() throws {
        let folder = try temporaryFolder(self)
        let byHand = folder + "/by-hand", recorded = folder + "/recorded"
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: byHand)
        try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: recorded)
        var found = Diagnostics()
        let content = try XCTUnwrap(Content.load(from: byHand, &found), "\(found.all)")
        let now = Moment(text: "2026-11-27 23:59")!
        var events = 0
        for c in content.cases {
            let path = recorded + "/cases/\(c.id)/index.md"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            // The shipped cases list their events last: everything from `events:` to the closing line goes.
            let start = try XCTUnwrap(text.range(of: "\nevents:\n"), c.id)
            let close = try XCTUnwrap(text.range(of: "\n---\n", range: start.upperBound..<text.endIndex), c.id)
            try Data((text[..<start.lowerBound] + "\nevents: []" + text[close.lowerBound...]).utf8)
                .write(to: URL(fileURLWithPath: path))
            for event in c.events {
                XCTAssertLessThanOrEqual(event.documents.count, 1, "record takes one document per event (\(c.id))")
                let document = event.documents.first
                let link = document?.link.map { WebAddress.isHTTP($0) ? $0 : recorded + "/cases/\(c.id)/" + $0 }
                let answer = event.answer.map { $0 ? "yes" : "no" }
                _ = try Record.record(NewEvent(step: event.step, date: event.date, by: event.by, note: event.note,
                                               answer: answer, due: event.due.map { ($0.step, $0.day) }),
                                      case: c.id, contentFolder: recorded, document: link, title: document?.title, now: now)
                events += 1
            }
        }
        XCTAssertGreaterThan(events, 40, "every shipped event recorded")
        for (source, output) in [(byHand, folder + "/public-by-hand"), (recorded, folder + "/public-recorded")] {
            var options = BuildOptions(contentFolder: source, outputFolder: output,
                                       themeFolder: Repo.root + "/themes/default", asOf: now.day)
            options.search = false
            try Build.run(options)
        }
        let handFiles = try files(folder + "/public-by-hand"), recordedFiles = try files(folder + "/public-recorded")
        XCTAssertEqual(handFiles.keys.sorted(), recordedFiles.keys.sorted())
        for (name, bytes) in handFiles where recordedFiles[name] != bytes {
            XCTFail("\(name) differs")
        }
        XCTAssertGreaterThan(handFiles.count, 50)
    }

    func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                out[name] = FileManager.default.contents(atPath: folder + "/" + name)
            }
        }
        return out
    }
}
