import BusinessTime
@testable import SopsiteKit
import XCTest

final class NewCaseTests: XCTestCase {
    func testNextIDFollowsTheYearsNumbering() {
        let day = Day(iso: "2026-11-27")!
        XCTAssertEqual(NewCase.nextID(sop: "SW01", opened: day, existing: []), "SW01-2569-001")
        XCTAssertEqual(NewCase.nextID(sop: "SW01", opened: day, existing: ["SW01-2569-004", "SW01-2569-009", "SW01-2568-120"]),
                       "SW01-2569-010")
        XCTAssertEqual(NewCase.nextID(sop: "SW01", opened: Day(iso: "2027-01-02")!, existing: ["SW01-2569-009"]),
                       "SW01-2570-001", "a new year starts again at 001")
        XCTAssertEqual(NewCase.nextID(sop: "SW01", opened: day, existing: ["SW01-2569-999"]), "SW01-2569-1000")
        XCTAssertEqual(NewCase.nextID(sop: "It01", opened: day, existing: ["it01-2569-004", "IT01-2569-002"]), "It01-2569-005",
                       "taken ids compared ignoring case, as case folders are")
    }

    func testTheScaffoldBuildsAndKeepsWhatWasTyped() throws {
        let folder = try temporaryFolder(self)
        try write(["content/site.yaml": try String(contentsOfFile: Repo.root + "/content/site.yaml", encoding: .utf8),
                   "content/sops/SW01.md": try String(contentsOfFile: Repo.root + "/content/sops/SW01.md", encoding: .utf8)],
                  in: folder)
        let opened = Moment(text: "2026-11-27 10:15")!
        let path = try NewCase.create(content: folder + "/content", sop: "SW01", title: "ระบบ \"ใหม่\": ทดสอบ",
                                      unit: "คณะศิลปกรรม # สถาปัตย์", contact: nil, opened: opened)
        XCTAssertEqual(path, folder + "/content/cases/SW01-2569-001/index.md")
        let second = try NewCase.create(content: folder + "/content", sop: "SW01", title: "x", unit: "y",
                                        contact: "คุณเอ", opened: opened)
        XCTAssertTrue(second.hasSuffix("/SW01-2569-002/index.md"))

        try Build.run(BuildOptions(contentFolder: folder + "/content", outputFolder: folder + "/public",
                                   themeFolder: Repo.root + "/themes/default", asOf: Day(iso: "2026-11-27")!))
        let page = try String(contentsOfFile: folder + "/public/cases/SW01-2569-001/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("ระบบ &quot;ใหม่&quot;: ทดสอบ"))
        XCTAssertTrue(page.contains("คณะศิลปกรรม # สถาปัตย์"))
        XCTAssertTrue(page.contains("status-in-progress"), "a new case is at step 1")
    }

    func testAnUnknownSOPIsRefused() throws {
        let folder = try temporaryFolder(self)
        XCTAssertThrowsError(try NewCase.create(content: folder, sop: "SW09", title: "t", unit: "u", contact: nil,
                                                opened: Moment(text: "2026-11-27")!)) { error in
            XCTAssertEqual("\(error)", "\(folder)/sops/SW09.md: error: no SOP 'SW09' to follow")
        }
    }

    /// Without --sop, a case follows the portal's only SOP, whatever its code.
    func testWithoutASOPTheOnlyOneIsUsed() throws {
        let folder = try temporaryFolder(self)
        let fixture = Repo.fixture("rounds-site")
        try write(["content/site.yaml": try String(contentsOfFile: fixture + "/site.yaml", encoding: .utf8),
                   "content/sops/RV01.md": try String(contentsOfFile: fixture + "/sops/RV01.md", encoding: .utf8)],
                  in: folder)
        let path = try NewCase.create(content: folder + "/content", sop: nil, title: "ระบบใหม่", unit: "กองคลัง",
                                      contact: nil, opened: Moment(text: "2026-11-27 10:15")!)
        XCTAssertEqual(path, folder + "/content/cases/RV01-2569-001/index.md")
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("\nsop: RV01\n"))
        try Build.run(BuildOptions(contentFolder: folder + "/content", outputFolder: folder + "/public",
                                   themeFolder: Repo.root + "/themes/default", asOf: Day(iso: "2026-11-27")!))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/public/cases/RV01-2569-001/index.html"))
    }

    /// With several SOPs, picking one would be a guess: the error lists them and writes nothing.
    func testWithoutASOPSeveralAreAnErrorThatListsThem() throws {
        let folder = try temporaryFolder(self)
        try write(["content/sops/RV01.md": "x", "content/sops/SW01.md": "x"], in: folder)
        XCTAssertThrowsError(try NewCase.create(content: folder + "/content", sop: nil, title: "t", unit: "u",
                                                contact: nil, opened: Moment(text: "2026-11-27")!)) { error in
            XCTAssertEqual("\(error)", "\(folder)/content/sops: error: the portal has 2 SOPs (RV01, SW01); choose one with --sop")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/content/cases"))
    }
}
