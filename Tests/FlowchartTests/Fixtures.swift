import Flowchart

/// Charts the tests lay out and draw. SW01 is the real SOP; the others exercise what SW01 lacks.
enum Fixtures {
    static let thaiWords = Flowchart.Words(start: "เริ่มต้น", end: "สิ้นสุด", ongoing: "ดำเนินการต่อเนื่อง")
    static let englishWords = Flowchart.Words(start: "Start", end: "End", ongoing: "Ongoing")

    /// SW01: request to build or develop an information system.
    static let sw01 = Flowchart(
        title: "แผนภูมิสายงาน SW01",
        description: "หน่วยงานยื่นบันทึกแจ้งความจำนง สำนักวิทยบริการฯ รับเรื่องเสนอ ผอ. พิจารณา "
            + "หากไม่เห็นควรแจ้งกลับหน่วยงาน หากเห็นควรงานพัฒนาระบบสารสนเทศเชิญประชุม ประเมิน "
            + "พัฒนา ทดสอบ ส่งมอบและอบรม แล้วกำกับดูแลและสำรองฐานข้อมูลต่อเนื่อง",
        lanes: [
            .init(id: "requester", name: "หน่วยงานที่ต้องการสร้าง/พัฒนาระบบ"),
            .init(id: "isd", name: "งานพัฒนาระบบสารสนเทศ"),
            .init(id: "arit", name: "สำนักวิทยบริการและเทคโนโลยีสารสนเทศ"),
            .init(id: "director", name: "ผอ.สำนักวิทยบริการและเทคโนโลยีสารสนเทศ"),
        ],
        steps: [
            .init(id: "1", label: "ยื่นบันทึกข้อความแจ้งความจำนง", lanes: ["requester"], next: .step("2")),
            .init(id: "2", label: "รับเรื่องและเสนอ ผอ. พิจารณา", lanes: ["arit"], next: .step("3")),
            .init(id: "3", label: "พิจารณา", lanes: ["director"],
                  decision: .init(
                      question: "เห็นควรหรือไม่",
                      yes: .init(label: "เห็นควร", target: .step("4")),
                      no: .init(label: "ไม่เห็นควร",
                                action: .init(label: "แจ้งกลับหน่วยงานที่แจ้งความจำนง/ร้องขอ", lane: "requester"),
                                target: .end)),
                  next: .step("4")),
            .init(id: "4", label: "เชิญประชุมหารือแนวทางการพัฒนาระบบ", lanes: ["isd", "requester"], next: .step("5")),
            .init(id: "5", label: "ประชุมประเมินความเป็นไปได้", lanes: ["isd"], next: .step("6")),
            .init(id: "6", label: "สร้าง/พัฒนาระบบ", lanes: ["isd"], next: .step("7")),
            .init(id: "7", label: "ทดสอบและตรวจสอบระบบ", lanes: ["isd"], next: .step("8")),
            .init(id: "8", label: "ส่งมอบงานและอบรมการใช้งาน", lanes: ["isd"], next: .step("9")),
            .init(id: "9", label: "กำกับดูแล/สำรองฐานข้อมูล", lanes: ["isd"], next: .end, ongoing: true),
        ],
        words: thaiWords)

    /// Two decisions: one "no" with an action box that ends, one "no" looping back to an
    /// earlier step; the last step spans two adjacent lanes.
    static let loopTwoDecisions = Flowchart(
        title: "Change request",
        description: "A client requests a change; dev designs it and the client approves it (or is notified "
            + "and the request ends); dev builds it and QA tests it, sending failures back to build; "
            + "dev and QA release it.",
        lanes: [.init(id: "client", name: "Client"), .init(id: "dev", name: "Development"),
                .init(id: "qa", name: "Quality assurance")],
        steps: [
            .init(id: "request", label: "Request a change", lanes: ["client"], next: .step("design")),
            .init(id: "design", label: "Design the change", lanes: ["dev"], next: .step("approve")),
            .init(id: "approve", label: "Approve", lanes: ["client"],
                  decision: .init(question: "Approve the design?",
                                  yes: .init(label: "yes", target: .step("build")),
                                  no: .init(label: "no", action: .init(label: "Notify client", lane: "client"),
                                            target: .end)),
                  next: .step("build")),
            .init(id: "build", label: "Build", lanes: ["dev"], next: .step("test")),
            .init(id: "test", label: "Test", lanes: ["qa"],
                  decision: .init(question: "Tests pass?",
                                  yes: .init(label: "pass", target: .step("release")),
                                  no: .init(label: "fail", target: .step("build"))),
                  next: .step("release")),
            .init(id: "release", label: "Release", lanes: ["dev", "qa"], next: .end),
        ],
        words: englishWords)

    /// A step in two non-adjacent lanes (a box in each, joined by a dashed connector).
    static let nonAdjacent = Flowchart(
        title: "Joint review", description: "Author and approver review together; the editor publishes.",
        lanes: [.init(id: "a", name: "Author"), .init(id: "e", name: "Editor"), .init(id: "p", name: "Approver")],
        steps: [
            .init(id: "1", label: "Draft", lanes: ["a"], next: .step("2")),
            .init(id: "2", label: "Review together", lanes: ["a", "p"], next: .step("3")),
            .init(id: "3", label: "Publish", lanes: ["e"], next: .end),
        ],
        words: englishWords)

    /// Harder cases: nested loops, a decision whose branches both end, a branch to a later
    /// (not next) step, an ongoing decision, an action far from its decision, five lanes.
    static let stress = Flowchart(
        title: "Stress & <test>", description: "Many lanes, \"quotes\", loops within loops.",
        lanes: (1...5).map { .init(id: "l\($0)", name: "Lane \($0) & <co>") },
        steps: [
            .init(id: "a", label: "Open the ticket", lanes: ["l1"], next: .step("b")),
            .init(id: "b", label: "Triage", lanes: ["l3"],
                  decision: .init(question: "Valid?", yes: .init(label: "yes", target: .step("c")),
                                  no: .init(label: "no", action: .init(label: "Reject with reason", lane: "l5"),
                                            target: .step("h"))),
                  next: .step("c")),
            .init(id: "c", label: "Fix it", lanes: ["l2", "l4"], next: .step("d")),
            .init(id: "d", label: "Review", lanes: ["l4"],
                  decision: .init(question: "OK?", yes: .init(label: "yes", target: .step("e")),
                                  no: .init(label: "no", target: .step("c"))),
                  next: .step("e")),
            .init(id: "e", label: "Verify", lanes: ["l2"],
                  decision: .init(question: "Verified?", yes: .init(label: "yes", target: .step("f")),
                                  no: .init(label: "no", action: .init(label: "Reopen", lane: "l1"),
                                            target: .step("a"))),
                  next: .step("f")),
            .init(id: "f", label: "Decide release", lanes: ["l5"],
                  decision: .init(question: "Release now?", yes: .init(label: "yes", target: .end),
                                  no: .init(label: "no", target: .end)),
                  next: .end),
            .init(id: "g", label: "Monitor forever", lanes: ["l1", "l2", "l3"], next: .end, ongoing: true),
            .init(id: "h", label: "Archive", lanes: ["l5", "l9"], next: .end),
        ],
        words: englishWords)

    static let all: [(name: String, chart: Flowchart)] = [
        ("sw01", sw01), ("loop-two-decisions", loopTwoDecisions), ("non-adjacent", nonAdjacent), ("stress", stress),
    ]
}

extension Fixtures {
    /// Deterministic pseudo-random charts (a fixed linear congruential generator): lanes,
    /// multi-lane steps, decisions with actions, forward jumps and loops, in every mix.
    static func random(seed: UInt64) -> Flowchart {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let laneCount = 2 + next(5)
        let lanes = (0..<laneCount).map { Flowchart.Lane(id: "L\($0)", name: "Lane \($0)") }
        let count = 3 + next(12)
        func target(from i: Int) -> Flowchart.Target {
            switch next(6) {
            case 0: return .end
            case 1: return .step("s\(next(count))")
            default: return i + 1 < count ? .step("s\(i + 1)") : .end
            }
        }
        let words = ["check", "approve", "send", "record", "notify", "กำกับดูแลระบบ", "ตรวจสอบ/อนุมัติ"]
        let steps = (0..<count).map { i -> Flowchart.Step in
            var stepLanes = ["L\(next(laneCount))"]
            if next(4) == 0 { stepLanes.append("L\(next(laneCount))") }
            let label = (0...next(4)).map { _ in words[next(words.count)] }.joined(separator: " ")
            var decision: Flowchart.Decision?
            if next(3) == 0 {
                let action = next(2) == 0 ? Flowchart.Action(label: "notify the unit", lane: "L\(next(laneCount))") : nil
                decision = .init(question: "\(label)?", yes: .init(label: "yes", target: target(from: i)),
                                 no: .init(label: "no", action: action, target: target(from: i)))
            }
            return .init(id: "s\(i)", label: label, lanes: stepLanes, decision: decision,
                         next: target(from: i), ongoing: next(8) == 0)
        }
        return Flowchart(title: "random \(seed)", description: "random", lanes: lanes, steps: steps,
                         words: englishWords)
    }
}
