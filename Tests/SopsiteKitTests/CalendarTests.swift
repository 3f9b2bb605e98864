import BusinessTime
import Foundation
@testable import SopsiteKit
import XCTest

/// The due-date calendars (Fixtures/gantt-site as of 27 March 2026): GT-01 overdue at step 6,
/// GT-02 handed over, GT-03 at step 4 with a date agreed for step 5.
final class CalendarTests: XCTestCase {
    /// The feed's lines unfolded (RFC 5545 3.1), CRLF checked on the way.
    func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: CaseGanttTests.out + "/" + path, encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        return text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast()
    }

    /// The host that makes each event's UID unique to this portal, from its base URL.
    func testTheUIDsHostIsTheBaseURLsHost() {
        let hosts = ["https://arit.example.ac.th/sop/": "arit.example.ac.th", "http://localhost:8080/": "localhost",
                     "https://พอร์ทัล.ไทย/": "พอร์ทัล.ไทย", "intranet/sop/": "intranet", "/portal/": "sopsite",
                     "": "sopsite", "https://": "sopsite", "a:/b": "a", "://x": "x"]
        for (url, host) in hosts { XCTAssertEqual(ICalendar.host(url), host, url) }
    }

    func testTheFeedHasEveryOpenCasesDueDateAndTheDatesAgreedAhead() throws {
        let all = try lines("calendar.ics")
        XCTAssertEqual(all.first, "BEGIN:VCALENDAR")
        XCTAssertEqual(all.last, "END:VCALENDAR")
        XCTAssertEqual(all.filter { $0.hasPrefix("UID:") }, [
            "UID:GT-01-step-6-pass-1@sop.example", "UID:GT-03-step-4-pass-1@sop.example", "UID:GT-03-step-5-agreed@sop.example",
        ], "oldest due first; nothing of GT-02, handed over")
        XCTAssertEqual(all.filter { $0.hasPrefix("DTSTART") }, [
            "DTSTART;VALUE=DATE:20260325", "DTSTART;VALUE=DATE:20260326", "DTSTART;VALUE=DATE:20260417",
        ])
        XCTAssertTrue(all.contains("DTEND;VALUE=DATE:20260326"), "an all-day event ends the next day")
        XCTAssertTrue(all.contains("SUMMARY:ครบกำหนด GT-01 ขั้นตอนที่ 6 ทดสอบการใช้งาน"))
        XCTAssertTrue(all.contains("SUMMARY:กำหนดที่ตกลง GT-03 ขั้นตอนที่ 5 พัฒนาระบบ"))
        XCTAssertTrue(all.contains("DESCRIPTION:ระบบจองห้องประชุม · คณะวิศวกรรมศาสตร์ · เกินกำหนด 2 วันทำการ"))
        // A title's semicolon, comma and quotes, escaped as TEXT.
        XCTAssertTrue(all.contains { $0.hasPrefix("DESCRIPTION:ระบบยืมคืนครุภัณฑ์\\; รุ่น 2\\, \"ทดลอง\" · คณะวิศวกรรมศาสตร์") }, "\(all)")
        XCTAssertTrue(all.contains("URL:https://sop.example/cases/GT-01/"))
        XCTAssertTrue(all.contains("DTSTAMP:20260327T000000Z"), "the as-of day: the same content gives the same bytes")
    }

    func testEachUnitHasItsOwnFeedLinkedFromTheCaseList() throws {
        let engineering = try lines("units/คณะวิศวกรรมศาสตร์/calendar.ics")
        XCTAssertEqual(engineering.filter { $0.hasPrefix("UID:") }.count, 3)
        XCTAssertTrue(engineering.contains("X-WR-CALNAME:กำหนดส่ง · พอร์ทัลทดสอบแผนภูมิเวลา · คณะวิศวกรรมศาสตร์"))
        // A unit whose only case was handed over keeps a feed, empty.
        let business = try lines("units/คณะบริหารธุรกิจ/calendar.ics")
        XCTAssertFalse(business.contains("BEGIN:VEVENT"))
        let list = try String(contentsOfFile: CaseGanttTests.out + "/cases/index.html", encoding: .utf8)
        XCTAssertTrue(list.contains("<li><a href=\"../calendar.ics\">ทุกหน่วยงาน</a></li>"))
        XCTAssertTrue(list.contains("<li><a href=\"../units/คณะวิศวกรรมศาสตร์/calendar.ics\">คณะวิศวกรรมศาสตร์</a></li>"))
    }

    func testLongLinesFoldAt75OctetsBetweenCharactersAndUnfoldToTheText() {
        let text = String(repeating: "ทดสอบการใช้งานระบบ, ", count: 8)
        let line = "SUMMARY:" + ICalendar.escape(text)
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        XCTAssertGreaterThan(parts.count, 3)
        XCTAssertTrue(parts.allSatisfy { $0.utf8.count <= 75 }, "\(parts.map(\.utf8.count))")
        XCTAssertTrue(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        XCTAssertTrue(parts.dropFirst().allSatisfy { !($0.dropFirst().first?.unicodeScalars.first?.properties.isGraphemeExtend ?? false) },
                      "no line starts with a vowel or tone mark cut from its letter")
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), line)
        XCTAssertEqual(ICalendar.escape("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne")
        // Texts with nothing to escape come back as they are; each special alone is escaped or
        // dropped wherever it stands (the quick look must see every one of them).
        XCTAssertEqual(ICalendar.escape("ครบกำหนด SW01-2564-00025 ขั้นตอน 6 · é"), "ครบกำหนด SW01-2564-00025 ขั้นตอน 6 · é")
        for (special, written) in [("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n"), ("\r", ""), ("\u{7}", ""), ("\u{7F}", "")] {
            XCTAssertEqual(ICalendar.escape("ก" + special), "ก" + written, special.debugDescription)
            XCTAssertEqual(ICalendar.escape(special + "ข"), written + "ข", special.debugDescription)
        }
    }

    func testUnitFoldersKeepThaiAndTellCollidingNamesApart() {
        let folders = CalendarFeed.unitFolders(["กองกลาง สำนักงานอธิการบดี", "กองกลาง/สำนักงานอธิการบดี", "a?b#c", "..."])
        XCTAssertEqual(folders["กองกลาง สำนักงานอธิการบดี"], "กองกลาง-สำนักงานอธิการบดี")
        XCTAssertEqual(folders["กองกลาง/สำนักงานอธิการบดี"], "กองกลาง-สำนักงานอธิการบดี-2")
        XCTAssertEqual(folders["a?b#c"], "a-b-c")
        XCTAssertEqual(folders["..."], "unit", "never a folder named by dots")
    }
}
