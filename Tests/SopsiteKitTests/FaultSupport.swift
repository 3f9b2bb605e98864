import Foundation

/// The programs running on the machine, read from /proc: what a fault test looks for is a
/// child of sopsite still at work after sopsite was killed or stopped.
struct RunningProgram: CustomStringConvertible {
    var pid: Int32
    var parent: Int32
    /// Its arguments, joined with spaces.
    var commandLine: String

    var description: String { "\(pid) (child of \(parent)): \(commandLine)" }

    /// Every live process as /proc shows it now, or only the children of `parent`.
    static func all(childrenOf parent: Int32? = nil) -> [RunningProgram] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = Int32(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // "pid (name) state parent ...": the name may hold spaces and brackets.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, !["Z", "X"].contains(fields[0]), let ppid = Int32(fields[1]),
                  parent == nil || parent == ppid else { return nil }
            let arguments = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") ?? Data()
            let line = String(decoding: arguments.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return RunningProgram(pid: pid, parent: ppid, commandLine: line)
        }
    }

    /// The children of `parent` whose command line mentions `text`.
    static func children(of parent: Int32, mentioning text: String) -> [RunningProgram] {
        all(childrenOf: parent).filter { $0.commandLine.contains(text) }
    }

    /// Waits up to `seconds` for every process that mentions `text` to end; those still left.
    static func waitUntilNone(mentioning text: String, within seconds: Double) -> [RunningProgram] {
        let deadline = Date().addingTimeInterval(seconds)
        var left = all().filter { $0.commandLine.contains(text) }
        while !left.isEmpty && Date() < deadline {
            usleep(10_000)
            left = all().filter { $0.commandLine.contains(text) }
        }
        return left
    }
}

/// A fault test that cannot go on, said plainly.
struct FaultTestFailure: Error, CustomStringConvertible {
    var description: String
}

/// A port nobody listens on now: the kernel's pick for port 0.
func freePort() throws -> UInt16 {
    let (port, socket) = try heldPort()
    close(socket)
    return port
}

/// A port of 127.0.0.1 that this process listens on (and never answers): the kernel's pick
/// for port 0, and the socket that holds it.
func heldPort() throws -> (port: UInt16, socket: Int32) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
        }
    }
    guard fd >= 0, bound, listen(fd, 1) == 0 else {
        let reason = String(cString: strerror(errno))
        if fd >= 0 { close(fd) }
        throw FaultTestFailure(description: "no free port: " + reason)
    }
    return (UInt16(bigEndian: address.sin_port), fd)
}

/// 127.0.0.1:`port` as the socket calls take it.
func loopback(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}

/// Every file under `folder` with its bytes, to compare a portal before and after.
func filesWithBytes(in folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    let walk = FileManager.default.enumerator(atPath: folder)
    while let path = walk?.nextObject() as? String {
        if let data = FileManager.default.contents(atPath: folder + "/" + path) { files[path] = data }
    }
    return files
}

/// The sample content with `copies` more copies of one of its cases, under new names, each
/// with `paragraphs` more paragraphs of Thai: Pagefind's time grows with the text.
func sampleContent(in folder: String, copying id: String, copies: Int, paragraphs: Int) throws -> String {
    let content = folder + "/content"
    try FileManager.default.copyItem(atPath: Repo.root + "/content", toPath: content)
    let text = try String(contentsOfFile: content + "/cases/\(id)/index.md", encoding: .utf8)
    for n in 0..<copies {
        let copy = content + "/cases/\(id)-copy\(String(format: "%04d", n))"
        try FileManager.default.copyItem(atPath: content + "/cases/" + id, toPath: copy)
        let more = (0..<paragraphs).map { p in
            "\n\nบันทึกครั้งที่ \(n * paragraphs + p): อยู่ระหว่างประเมินการเชื่อมต่อระบบบริการการศึกษา "
                + "ประเด็นค้างคือการดึงผลการเรียนและการคุ้มครองข้อมูลรายได้ครอบครัว รวบรวมแบบฟอร์มและเกณฑ์ของทุน"
        }
        try (text + more.joined()).write(toFile: copy + "/index.md", atomically: false, encoding: .utf8)
    }
    return content
}
