import ThaiWords
import XCTest

/// The words libthai's dictionary finds in real labels of SOPs, as a Thai reader splits them:
/// the places the flowchart broke them inside words before ("ข้อผิดพลาดขอ|งระบบ", "แก้|ไข",
/// "หรื|อไม่", "หัวหน้างานพัฒนาระ|บบสารสนเทศ") are not breaks.
final class ThaiWordsTests: XCTestCase {
    func testTheWordsOfRealLabels() {
        let expected = [
            "ข้อผิดพลาดของระบบ": "ข้อ|ผิดพลาด|ของ|ระบบ",
            "แก้ไข": "แก้ไข",
            "เห็นควรหรือไม่": "เห็น|ควร|หรือ|ไม่",
            "หัวหน้างานพัฒนาระบบสารสนเทศ": "หัวหน้า|งาน|พัฒนา|ระบบ|สารสนเทศ",
            "ยื่นบันทึกข้อความแจ้งความจำนง": "ยื่น|บันทึก|ข้อความ|แจ้ง|ความ|จำนง",
            "เชิญประชุมหารือแนวทางการพัฒนาระบบ": "เชิญ|ประชุม|หารือ|แนวทาง|การ|พัฒนา|ระบบ",
            "ทดสอบและตรวจสอบระบบ": "ทดสอบ|และ|ตรวจสอบ|ระบบ",
            "ส่งมอบงานและอบรมการใช้งาน": "ส่ง|มอบ|งาน|และ|อบรม|การ|ใช้งาน",
            "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ": "สำนัก|วิทย|บริการ|และ|เทคโนโลยี|สารสนเทศ",  // a compound, at its seam
            "ผลงานวิจัย": "ผล|งาน|วิจัย",
        ]
        for (label, words) in expected {
            XCTAssertEqual(ThaiWords.words(in: label).joined(separator: "|"), words, label)
        }
    }

    func testSpacesAndOtherScriptsStaySplitWhereTheyWere() {
        XCTAssertEqual(ThaiWords.words(in: "รับเรื่องและเสนอ ผอ. พิจารณา"), ["รับ", "เรื่อง", "และ", "เสนอ", "ผอ.", "พิจารณา"])
        XCTAssertEqual(ThaiWords.words(in: "ระบบ Booking ของคณะ"), ["ระบบ", "Booking", "ของ", "คณะ"])
        XCTAssertEqual(ThaiWords.words(in: "Room booking system"), ["Room", "booking", "system"])
        XCTAssertEqual(ThaiWords.breaks(in: "Room booking system"), [])
        XCTAssertEqual(ThaiWords.breaks(in: ""), [])
    }

    /// Breaks are Character offsets, never inside a cluster (a consonant with its vowel and
    /// tone marks), never at the start or the end.
    func testBreaksAreBetweenCharacters() {
        for label in ["ผู้อำนวยการสำนักวิทยบริการฯ", "น้ำท่วมขังที่ลานจอดรถ", "กำกับดูแล/สำรองฐานข้อมูล", "e\u{301}ระบบ👩‍💻ใหม่"] {
            let count = label.count
            let breaks = ThaiWords.breaks(in: label)
            XCTAssertEqual(breaks, breaks.sorted(), label)
            XCTAssertTrue(breaks.allSatisfy { $0 > 0 && $0 < count }, "\(label): \(breaks)")
            XCTAssertEqual(ThaiWords.words(in: label).joined(), label.filter { !$0.isWhitespace }, label)
        }
    }

    func testMarkedPutsAZeroWidthSpaceBetweenWordsWithoutSpaces() {
        XCTAssertEqual(ThaiWords.marked("ทดสอบและตรวจสอบระบบ"), "ทดสอบ\u{200B}และ\u{200B}ตรวจสอบ\u{200B}ระบบ")
        XCTAssertEqual(ThaiWords.marked("ระบบ Booking ของคณะ"), "ระบบ Booking ของ\u{200B}คณะ")
        XCTAssertEqual(ThaiWords.marked("แก้ไข"), "แก้ไข")
        XCTAssertEqual(ThaiWords.marked("Room booking"), "Room booking")
        // An author's own zero-width space is kept, not doubled.
        XCTAssertEqual(ThaiWords.marked("ทดสอบ\u{200B}และ"), "ทดสอบ\u{200B}และ")
    }

    /// Breakers are kept and used from many threads at once.
    func testManyThreadsAtOnce() {
        let label = "หัวหน้างานพัฒนาระบบสารสนเทศ"
        let expected = ThaiWords.breaks(in: label)
        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            XCTAssertEqual(ThaiWords.breaks(in: label), expected)
        }
    }
}
