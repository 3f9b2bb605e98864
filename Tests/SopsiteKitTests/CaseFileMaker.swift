import BusinessTime
@testable import SopsiteKit

/// Case files written every way a person writes YAML, for `RecordSpliceTests`: block lists
/// indented or not, items written `{...}`, flow lists on one line or several, empty lists,
/// comments and blank lines anywhere, quoted and block-scalar notes, Windows line ends.
enum CaseFileMaker {
    struct File {
        var text: String
        /// The closing `---` and the report after it.
        var bodyAndClose: String
    }

    static let notes = ["ประชุมร่วมกองคลัง", "'อ้างถึง หนังสือ'", "\"ด่วน: ภายในวันนี้\"", "ตกลง # ไม่ใช่ความเห็น"]
    static let newNotes = ["ประชุมร่วมกองคลัง", "*ด่วน*", "- รายการ", "[ลิงก์](https://example.org)", "ก: ข", "ก #ข",
                           "yes", "null", "~", "'ก'", "\"ก\"", "ก\nข", "{ก}", "ก, ข", "100%", "@ผอ.", "ก\\ข", " ก "]

    static func make(_ r: inout FuzzRandom) -> File {
        let nl = r.pick(["\n", "\r\n"])
        var lines = ["sop: SW01", r.pick(["title: ระบบใหม่", "title: \"ระบบ: ใหม่\"", "title: 'ระบบ'"])]
        if r.chance(40) { lines.append("# ผู้ประสานงาน" + r.pick(["", " — แก้ไขภายหลัง"])) }
        if r.chance(30) { lines.append("") }
        lines.append("opened: 2026-11-01 09:00" + (r.chance(30) ? "  # รับเรื่อง" : ""))
        lines += events(&r)
        if r.chance(40) { lines.append(r.pick(["# เพิ่มเหตุการณ์ด้านบน", "", "  # ย่อหน้า"])) }
        if r.chance(30) { lines.append("contact: คุณเอ") }
        let body = "---" + nl + nl + "## รายงาน" + nl + nl + "---" + nl + "ข้อความ: ท้าย" + (r.chance(50) ? nl : "")
        let text = (r.chance(10) ? "\u{FEFF}" : "") + "---" + nl + lines.map { $0 + nl }.joined() + body
        return File(text: text, bodyAndClose: body)
    }

    private static func events(_ r: inout FuzzRandom) -> [String] {
        let count = r.int(1...4)
        switch r.int(0...5) {
        case 0: return ["events:" + r.pick([" []", " [ ]", "", " ~", " null", " []  # ยังไม่มี"])]
        case 1, 2:
            let dash = r.pick([0, 2, 4]), gap = r.pick([1, 3])
            return ["events:" + (r.chance(20) ? "  # ลำดับ" : "")] + (1...count).flatMap { blockItem($0, dash: dash, gap: gap, &r) }
        case 3:
            let pad = String(repeating: " ", count: r.pick([0, 2]))
            return ["events:"] + (1...count).map { pad + "- " + flowItem($0, &r) + (r.chance(20) ? " # ก" : "") }
        case 4:
            return ["events: [" + (1...count).map { flowItem($0, &r) }.joined(separator: ", ") + "]" + (r.chance(30) ? "  # ก" : "")]
        default:
            return ["events: ["] + (1...count).map { "  " + flowItem($0, &r) + "," } + ["]"]
        }
    }

    private static func blockItem(_ n: Int, dash: Int, gap: Int, _ r: inout FuzzRandom) -> [String] {
        let key = String(repeating: " ", count: dash + 1 + gap)
        var lines = [String(repeating: " ", count: dash) + "-" + String(repeating: " ", count: gap) + "step: \(n)",
                     key + "date: 2026-11-0\(n)" + r.pick(["", " 10:00", "  # เช้า"])]
        if r.chance(50) { lines.append(key + "by:" + r.pick([" กองคลัง", " 'งานพัฒนา'", "", " \"ผอ.\""])) }
        switch r.int(0...4) {
        case 0: lines.append(key + "note: " + r.pick(notes))
        case 1: lines += [key + "note: " + r.pick(["|", "|-", ">", "|+"]), key + "  บรรทัดแรก", key + "  บรรทัดสอง"]
            if r.chance(50) { lines.append("") }
        case 2: lines += [key + "note: ข้อความยาว", key + "  ต่อบรรทัด"]
        default: break
        }
        if r.chance(30) { lines += [key + "due:", key + "  5: 2026-12-18" + (r.chance(30) ? " # ตกลง" : "")] }
        if r.chance(30) { lines += [key + "documents:", key + "  - title: บันทึก", key + "    link: memo.pdf"] }
        if r.chance(20) { lines.append(key + "# ต่อ") }
        if r.chance(20) { lines.append("") }
        return lines
    }

    private static func flowItem(_ n: Int, _ r: inout FuzzRandom) -> String {
        var parts = ["step: \(n)", "date: " + r.pick(["2026-11-0\(n)", "\"2026-11-0\(n) 10:00\""])]
        if r.chance(50) { parts.append("by: " + r.pick(["กองคลัง", "'งาน, พัฒนา'"])) }
        if r.chance(30) { parts.append("due: {5: 2026-12-18}") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    static func event(_ r: inout FuzzRandom) -> NewEvent {
        NewEvent(step: String(r.int(1...9)), date: Moment(text: r.pick(["2026-12-01", "2026-12-01 13:45"]))!,
                 by: r.chance(60) ? r.pick(["กองคลัง", "ผอ. สำนัก", "yes", "- x"]) : nil,
                 note: r.chance(60) ? r.pick(newNotes) : nil, answer: r.chance(30) ? r.pick(["yes", "no", "เห็นควร"]) : nil,
                 due: r.chance(30) ? [("5", Day(iso: "2026-12-20")!), ("6", Day(iso: "2027-01-15")!)] : [],
                 document: r.chance(30) ? Document(title: r.pick(["บันทึก: ฉบับแก้", "แบบ"]), link: "memo v2.pdf") : nil)
    }

    /// The event as `RecordSpliceTests.canonical` writes what the build reads.
    static func canonical(_ e: NewEvent) -> String {
        var pairs = ["'step':'\(e.step)'", "'date':'\(e.date)'"]
        if let by = e.by { pairs.append("'by':'\(by)'") }
        if let answer = e.answer { pairs.append("'answer':'\(answer)'") }
        if let note = e.note { pairs.append("'note':'\(note)'") }
        if !e.due.isEmpty { pairs.append("'due':{" + e.due.map { "'\($0.step)':'\($0.day)'" }.joined(separator: ",") + "}") }
        if let d = e.document { pairs.append("'documents':[{'title':'\(d.title)','link':'\(d.link!)'}]") }
        return "{" + pairs.joined(separator: ",") + "}"
    }
}
