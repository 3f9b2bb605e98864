@testable import Flowchart
@testable import SVG
import ThaiWords
import XCTest

/// Real labels of SOPs, marked between words by libthai's dictionary as SopsiteKit marks them,
/// wrapped at every width: a line breaks inside a word only when that word is wider than the
/// line. Before, labels broke as "ข้อผิดพลาดขอ|งระบบ", "แก้|ไข", "หรื|อไม่" and
/// "หัวหน้างานพัฒนาระ|บบสารสนเทศ".
final class ThaiLabelWrapTests: XCTestCase {
    let labels = [
        "แจ้งข้อผิดพลาดของระบบ", "แก้ไขข้อผิดพลาด", "เห็นควรหรือไม่", "หัวหน้างานพัฒนาระบบสารสนเทศ",
        "หน่วยงานที่ต้องการสร้าง/พัฒนาระบบ", "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ", "1. ยื่นบันทึกข้อความแจ้งความจำนง",
        "2. รับเรื่องและเสนอ ผอ. พิจารณา", "7. ทดสอบและตรวจสอบระบบ", "8. ส่งมอบงานและอบรมการใช้งาน",
        "แจ้งกลับหน่วยงานที่แจ้งความจำนง/ร้องขอ", "ตรวจรับพัสดุและลงทะเบียนครุภัณฑ์",
    ]

    func testLinesBreakBetweenWordsWheneverTheWordsFit() {
        for label in labels {
            let words = ThaiWords.words(in: label)
            let widest = words.map { TextWrap.units($0[...]) }.max() ?? 0
            // Word ends, as offsets into the label without spaces.
            var ends = Set<Int>(), at = 0
            for word in words { at += word.count; ends.insert(at) }
            for units in widest...(TextWrap.units(label[...]) + 1) {
                let lines = TextWrap.wrap(ThaiWords.marked(label), maxWidth: Double(units) * 5.5, fontSize: 10)
                XCTAssertEqual(lines.joined().filter { !$0.isWhitespace }, label.filter { !$0.isWhitespace }, label)
                var offset = 0
                for line in lines.dropLast() {
                    offset += line.filter { !$0.isWhitespace }.count
                    XCTAssertTrue(ends.contains(offset), "\(label) at \(units) units: \(lines)")
                }
            }
        }
    }

    /// The breaks a Thai reader expects, in boxes the width SW01's flowchart gives them.
    func testTheBreaksAThaiReaderExpects() {
        func wrap(_ label: String, _ units: Int) -> String {
            TextWrap.wrap(ThaiWords.marked(label), maxWidth: Double(units) * 5.5, fontSize: 10).joined(separator: " | ")
        }
        XCTAssertEqual(wrap("แจ้งข้อผิดพลาดของระบบ", 12), "แจ้งข้อผิดพลาด | ของระบบ")
        XCTAssertEqual(wrap("แก้ไขระบบ", 4), "แก้ไข | ระบบ")
        XCTAssertEqual(wrap("เห็นควรหรือไม่", 8), "เห็นควร | หรือไม่")
        XCTAssertEqual(wrap("หัวหน้างานพัฒนาระบบสารสนเทศ", 16), "หัวหน้างานพัฒนา | ระบบสารสนเทศ")
        // Before "และ", not after it.
        XCTAssertEqual(wrap("8. ส่งมอบงานและอบรมการใช้งาน", 16), "8. ส่งมอบงาน | และอบรมการใช้งาน")
        XCTAssertEqual(wrap("7. ทดสอบและตรวจสอบระบบ", 14), "7. ทดสอบ | และตรวจสอบระบบ")
        // A space between phrases still comes first.
        XCTAssertEqual(wrap("2. รับเรื่องและเสนอ ผอ. พิจารณา", 18), "2. รับเรื่องและเสนอ | ผอ. พิจารณา")
    }
}
