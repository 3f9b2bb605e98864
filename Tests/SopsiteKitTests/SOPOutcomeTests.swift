@testable import SopsiteKit
import XCTest

/// What an SOP may say of a loop and of how a case ends: a no-branch's `outcome`, and a
/// shared step whose lanes are not side by side.
final class SOPOutcomeTests: XCTestCase {
    func load(_ old: String, _ new: String) -> (SOP?, [String]) {
        precondition(SOPLoaderTests.valid.contains(old), old)
        var diagnostics = Diagnostics()
        let sop = SOPLoader.load(SOPLoaderTests.valid.replacingOccurrences(of: old, with: new), path: "sops/T1.md",
                                 &diagnostics)
        return (sop, diagnostics.sorted.map(\.description))
    }

    func testANoThatEndsTheCaseMayNameItsOutcome() throws {
        let (sop, messages) = load("role: unit, next: end}", "role: unit, outcome: ปิดงานโดยศูนย์บริการ, next: end}")
        XCTAssertEqual(messages, [])
        let decision = try XCTUnwrap(sop?.steps[1].decision)
        XCTAssertEqual(decision.no.outcome, "ปิดงานโดยศูนย์บริการ")
        XCTAssertEqual(decision.said(false), "ไม่อนุมัติ · ปิดงานโดยศูนย์บริการ")
        XCTAssertEqual(decision.said(true), "อนุมัติ")
        XCTAssertNil(try XCTUnwrap(load("{label: อนุมัติ}", "{label: อนุมัติ}").0?.steps[1].decision).no.outcome)
    }

    func testAnOutcomeOnANoThatLeadsOnIsAnError() {
        let (sop, messages) = load("role: unit, next: end}", "role: unit, outcome: ปิดงาน, next: 1}")
        XCTAssertNil(sop)
        XCTAssertEqual(messages, ["sops/T1.md:28:70: error: an outcome names how a case ends, but the no-branch of step 2 leads on to a step; write 'next: end' or remove 'outcome'"])
    }

    func testAnOutcomeOnAYesIsAnUnknownField() {
        let (_, messages) = load("{label: อนุมัติ}", "{label: อนุมัติ, outcome: ส่งต่อ}")
        XCTAssertEqual(messages, ["sops/T1.md:27:29: warning: unknown field 'outcome' in the yes-branch of step 2 (known: action, label, next, role)"])
    }

    /// Three lanes, and a step shared by the first and the third: the flowchart cannot draw one
    /// box across them, and the build says how to make it.
    func testASharedStepInLanesNotSideBySideIsAWarningWithTheFix() {
        let (sop, messages) = load("  dev: งานพัฒนา\n", "  dev: งานพัฒนา\n  boss: ผู้อำนวยการ\n")
        XCTAssertNotNil(sop)
        XCTAssertEqual(messages, [], "dev and unit are side by side")
        let (apart, warned) = load("  unit: หน่วยงาน\n  dev: งานพัฒนา\n", "  unit: หน่วยงาน\n  boss: ผู้อำนวยการ\n  dev: งานพัฒนา\n")
        XCTAssertNotNil(apart, "a warning, not an error")
        XCTAssertEqual(warned, ["sops/T1.md:32:12: warning: step 3 is shared by unit, dev, whose lanes are not side by side (boss between): the flowchart draws a box in each lane, joined by a dashed line; to draw one box across them, put unit and dev side by side in roles:"])
    }
}
