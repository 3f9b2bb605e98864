import BusinessTime
import XCTest

final class DurationTests: XCTestCase {
    func parse(_ text: String) throws -> StepDuration { try StepDuration.parse(text) }

    func testEveryFormTheSOPWrites() throws {
        XCTAssertEqual(try parse("1 วัน"), StepDuration(text: "1 วัน", target: .days(1)))
        XCTAssertEqual(try parse("2 วัน"), StepDuration(text: "2 วัน", target: .days(2)))
        XCTAssertEqual(try parse("1-2 วัน"), StepDuration(text: "1-2 วัน", target: .days(2), minimum: 1))
        XCTAssertEqual(try parse("ภายใน 3 วัน"), StepDuration(text: "ภายใน 3 วัน", target: .days(3)))
        XCTAssertEqual(try parse("1 ชั่วโมง"), StepDuration(text: "1 ชั่วโมง", target: .hours(1)))
        XCTAssertEqual(try parse("ตามขอบเขต"), StepDuration(text: "ตามขอบเขต", target: .perScope))
    }

    func testEnglishForms() throws {
        XCTAssertEqual(try parse("1 day").target, .days(1))
        XCTAssertEqual(try parse("2 days").target, .days(2))
        XCTAssertEqual(try parse("1-2 days"), StepDuration(text: "1-2 days", target: .days(2), minimum: 1))
        XCTAssertEqual(try parse("within 3 days").target, .days(3))
        XCTAssertEqual(try parse("Within 3 Days").target, .days(3))
        XCTAssertEqual(try parse("1 hour").target, .hours(1))
        XCTAssertEqual(try parse("4 hours").target, .hours(4))
        XCTAssertEqual(try parse("per scope").target, .perScope)
    }

    func testSpacingDigitsAndDashesVary() throws {
        XCTAssertEqual(try parse("3วัน").target, .days(3))
        XCTAssertEqual(try parse("ภายใน3วัน").target, .days(3))
        XCTAssertEqual(try parse(" 1 - 2  วัน ").target, .days(2))
        XCTAssertEqual(try parse("1–2 days").minimum, 1)
        XCTAssertEqual(try parse("๒ วัน").target, .days(2))
        XCTAssertEqual(try parse("1 ชม.").target, .hours(1))
    }

    func testTheTextIsKeptAsWritten() throws {
        XCTAssertEqual(try parse("ภายใน3วัน").text, "ภายใน3วัน")
    }

    func testUnknownFormsAreErrorsNotGuesses() {
        for text in ["", "วัน", "สองวัน", "2", "2 weeks", "1-2-3 วัน", "3 วันทำการบางส่วน", "about 2 days",
                     "ภายใน ตามขอบเขต", "1.5 วัน", "-1 วัน", "2-", "within days"] {
            XCTAssertThrowsError(try parse(text), "\"\(text)\" should not parse") { error in
                let message = (error as? DurationError)?.message ?? ""
                XCTAssertTrue(message.hasPrefix("unknown duration \"\(text)\""), message)
                XCTAssertTrue(message.contains("\"1-2 วัน\""), "the message shows the forms that work")
            }
        }
    }

    func testRangesAndAmountsMustMakeSense() {
        XCTAssertThrowsError(try parse("0 วัน")) { error in
            XCTAssertEqual((error as? DurationError)?.message, "duration \"0 วัน\" must be at least 1")
        }
        XCTAssertThrowsError(try parse("3-2 วัน")) { error in
            XCTAssertEqual((error as? DurationError)?.message,
                           "duration range \"3-2 วัน\" must go from the smaller to the larger number")
        }
        XCTAssertThrowsError(try parse("2-2 days"))
    }
}
