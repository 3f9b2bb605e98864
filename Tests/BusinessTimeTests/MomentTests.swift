import BusinessTime
import XCTest

final class MomentTests: XCTestCase {
    func testReadsDatesAndTimes() {
        XCTAssertEqual(Moment(text: "2025-01-06"), Moment(day: day("2025-01-06")))
        XCTAssertNil(Moment(text: "2025-01-06")?.minute)
        XCTAssertEqual(Moment(text: "2025-01-06 10:30"), Moment(day: day("2025-01-06"), minute: 630))
        XCTAssertEqual(Moment(text: "2025-01-06T10:30"), Moment(day: day("2025-01-06"), minute: 630))
        XCTAssertEqual(Moment(text: "2025-01-06 00:00")?.minute, 0)
        XCTAssertEqual(Moment(text: "2025-01-06 23:59")?.minute, 1439)
        XCTAssertEqual(Moment(text: "2024-02-29 08:30")?.day, day("2024-02-29"))
    }

    func testRejectsTimesThatDoNotExistZonesAndOtherForms() {
        for text in ["2025-01-06 24:00", "2025-01-06 10:61", "2025-01-06 10:60", "2025-01-06 25:00",
                     "2025-01-06Z", "2025-01-06T10:30Z", "2025-01-06T10:30+07:00", "2025-01-06 10:30 +0700",
                     "2025-01-06 10:30:00", "2025-01-06 9:30", "2025-01-06  10:30", "2025-01-06t10:30",
                     "2025-01-06x10:30", "2025-01-06 10-30", "2025-01-06 ๑๐:๓๐", "2025-02-30 10:00",
                     "2025-02-30", "06/01/2025", "", " 2025-01-06", "2025-01-06 "] {
            XCTAssertNil(Moment(text: text), "\"\(text)\" should not parse")
        }
    }

    func testDescriptionWritesTheTimeWithASpace() {
        XCTAssertEqual(moment("2025-01-06").description, "2025-01-06")
        XCTAssertEqual(moment("2025-01-06 10:30").description, "2025-01-06 10:30")
        XCTAssertEqual(moment("2025-01-06T08:05").description, "2025-01-06 08:05")
        XCTAssertEqual(moment("2025-01-06 00:00").description, "2025-01-06 00:00")
        for text in ["2025-01-06", "2025-01-06 10:30", "2025-12-31 23:59"] {
            XCTAssertEqual(Moment(text: moment(text).description), moment(text), "round trip \(text)")
        }
    }

    func testOrderIsByDayThenTimeWithTheDateAloneFirst() {
        XCTAssertLessThan(moment("2025-01-06"), moment("2025-01-06 00:00"))
        XCTAssertLessThan(moment("2025-01-06 09:00"), moment("2025-01-06 10:00"))
        XCTAssertLessThan(moment("2025-01-06 23:59"), moment("2025-01-07"))
        XCTAssertLessThan(moment("2024-12-31 23:59"), moment("2025-01-01"))
        XCTAssertFalse(moment("2025-01-06") < moment("2025-01-06"))
        XCTAssertFalse(moment("2025-01-06 10:00") < moment("2025-01-06"))
        let shuffled = ["2025-01-07", "2025-01-06 16:30", "2025-01-06", "2025-01-06 08:30", "2025-01-05 23:00"]
        XCTAssertEqual(shuffled.map(moment).sorted().map(\.description),
                       ["2025-01-05 23:00", "2025-01-06", "2025-01-06 08:30", "2025-01-06 16:30", "2025-01-07"])
    }

    func testEqualityIncludesTheTime() {
        XCTAssertNotEqual(moment("2025-01-06"), moment("2025-01-06 00:00"))
        XCTAssertEqual(Set([moment("2025-01-06 10:30"), moment("2025-01-06T10:30")]).count, 1)
    }
}
