import ThaiWords
import XCTest

/// Where the copies of pages that search indexes split Thai: ICU's boundaries, the browser's.
/// libthai reads "จัดการสหกิจศึกษา" as "จัด|กา|รส|หกิจศึกษา", so that "สหกิจ" could not be
/// found; ICU finds the words a Thai reader does, in titles of real requests.
final class SearchWordsTests: XCTestCase {
    private func words(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var pieces: [String] = [], start = 0
        for end in ThaiWords.searchBoundaries(utf8: bytes) + [bytes.count] {
            pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
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
        XCTAssertEqual(ThaiWords.searchBoundaries(utf8: Array("Room booking system".utf8)), [])
        XCTAssertEqual(ThaiWords.searchBoundaries(utf8: []), [])
    }

    func testBoundariesAreBetweenCharactersNeverInsideOne() {
        // Every boundary falls where a Character starts, and cuts the text into pieces that
        // rejoin into it.
        let text = "กำหนดส่งมอบ 15 วันทำการ 🇹🇭 ผู้ใช้งาน"
        let bytes = Array(text.utf8)
        let boundaries = ThaiWords.searchBoundaries(utf8: bytes)
        var characterStarts = Set<Int>(), at = 0
        for character in text { characterStarts.insert(at); at += character.utf8.count }
        XCTAssertFalse(boundaries.isEmpty)
        XCTAssertEqual(boundaries, boundaries.sorted())
        XCTAssertTrue(boundaries.allSatisfy { $0 > 0 && $0 < bytes.count && characterStarts.contains($0) }, "\(boundaries)")
        XCTAssertEqual(words(text).replacingOccurrences(of: "|", with: ""), text)
    }
}
