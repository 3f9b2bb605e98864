import ThaiWords
import XCTest

/// Where the copies of pages that search indexes split Thai: ICU's boundaries, the browser's.
/// libthai reads "จัดการสหกิจศึกษา" as "จัด|กา|รส|หกิจศึกษา", so that "สหกิจ" could not be
/// found; ICU finds the words a Thai reader does, in titles of real requests.
final class SearchWordsTests: XCTestCase {
    private func words(_ text: String) -> String {
        let characters = Array(text)
        var pieces: [String] = [], start = 0
        for end in ThaiWords.searchBreaks(in: text) + [characters.count] {
            pieces.append(String(characters[start..<end]))
            start = end
        }
        return pieces.joined(separator: "|")
    }

    func testTheWordsOfRealTitles() {
        XCTAssertEqual(words("ระบบบริหารจัดการสหกิจศึกษา"), "ระบบ|บริหาร|จัดการ|สห|กิจ|ศึกษา")
        XCTAssertEqual(words("ระบบคลังข้อมูลผลงานวิจัยและนวัตกรรม"), "ระบบ|คลัง|ข้อมูล|ผล|งาน|วิจัย|และ|นวัตกรรม")
        XCTAssertEqual(words("หัวหน้างานพัฒนาระบบสารสนเทศ"), "หัวหน้า|งาน|พัฒนา|ระบบ|สารสนเทศ")
    }

    func testSpacesAndOtherScriptsAreBoundariesToo() {
        XCTAssertEqual(words("ระบบยืม-คืนวัสดุ"), "ระบบ|ยืม|-|คืน|วัสดุ")
        XCTAssertEqual(words("ระบบ Booking"), "ระบบ| |Booking")
    }

    func testTextWithoutThaiHasNoBoundariesToMark() {
        XCTAssertEqual(ThaiWords.searchBreaks(in: "Room booking system"), [])
        XCTAssertEqual(ThaiWords.searchBreaks(in: ""), [])
    }

    func testBoundariesAreBetweenCharactersNeverInsideOne() {
        // Every boundary, counted in Characters, cuts the text into pieces that rejoin into it.
        let text = "กำหนดส่งมอบ 15 วันทำการ 🇹🇭 ผู้ใช้งาน"
        let breaks = ThaiWords.searchBreaks(in: text)
        XCTAssertEqual(breaks, breaks.sorted())
        XCTAssertTrue(breaks.allSatisfy { $0 > 0 && $0 < text.count })
        XCTAssertEqual(words(text).replacingOccurrences(of: "|", with: ""), text)
    }
}
