import Foundation
import XCTest

/// serve's HTTP layer against requests no browser sends: it reads a bounded amount, answers at
/// once, and closes what never ends. Raw sockets, since an HTTP client would not send these.
extension FaultTests {
    func testServeBoundsWhatItReads() throws {
        let folder = try temporaryFolder(self)
        let port = try freePort(), log = folder + "/serve.log"
        let serve = try start(["serve", "--no-search", "--content", Repo.root + "/content", "--output", folder + "/public",
                               "--port", "\(port)"], log: log)
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        let said = { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        try wait(60, "serve never said where it serves: \(said())") { said().contains("serving http://127.0.0.1:\(port)/ ") }

        let megabyte = String(repeating: "a", count: 1 << 20)
        for (what, request) in [("a 1 MB request line", "GET /\(megabyte) HTTP/1.1\r\nHost: x\r\n\r\n"),
                                ("a 1 MB header", "GET / HTTP/1.1\r\nHost: x\r\nX-Long: \(megabyte)\r\n\r\n")] {
            let (answer, seconds) = try RawHTTP.exchange(Data(request.utf8), port: port, wait: 5)
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 431 ") || answer.hasPrefix("HTTP/1.1 414 "), "\(what): \(answer.prefix(80))")
            XCTAssertLessThan(seconds, 1, "\(what) is answered at once")
            let (home, after) = try RawHTTP.exchange(Data("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), port: port, wait: 5)
            XCTAssertTrue(home.hasPrefix("HTTP/1.1 200 ") && home.contains("</html>"), "GET / after \(what): \(home.prefix(80))")
            XCTAssertLessThan(after, 1, "and at once")
        }

        let (unended, seconds) = try RawHTTP.exchange(Data("GET / HTTP/1.1\r\nHost: x\r\nX-Never: ends".utf8), port: port, wait: 15)
        XCTAssertEqual(unended, "", "closed without an answer")
        XCTAssertGreaterThan(seconds, 4, "after the header timeout")
        XCTAssertLessThan(seconds, 8, "closed within the header timeout, not left open")

        // 70 connections that send nothing fill serve's 64 slots: the next request waits for a slot,
        // which the header timeout frees.
        let idle = try (0..<70).map { _ in try RawHTTP.connect(port: port) }
        defer { idle.forEach { close($0) } }
        let (waited, after) = try RawHTTP.exchange(Data("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), port: port, wait: 15)
        XCTAssertTrue(waited.hasPrefix("HTTP/1.1 200 "), waited.prefix(80) + "")
        XCTAssertGreaterThan(after, 3, "a request past the cap waited: the cap holds")
        XCTAssertLessThan(after, 9, "until the idle ones were closed")

        for (asked, location) in [("//example.org", nil), ("//cases", "/cases/"), ("//cases//", nil)] {
            let (answer, _) = try RawHTTP.exchange(Data("GET \(asked) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), port: port, wait: 5)
            let found = answer.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }
            XCTAssertEqual(found.map { $0.dropFirst("location:".count).trimmingCharacters(in: .whitespaces) }, location, asked)
        }
    }
}

/// One request written on a new connection, and everything read back until the server closes
/// it or `wait` seconds pass.
enum RawHTTP {
    static func exchange(_ request: Data, port: UInt16, wait: Double) throws -> (answer: String, seconds: Double) {
        let socket = try connect(port: port)
        defer { close(socket) }
        var timeout = timeval(tv_sec: Int(wait), tv_usec: Int((wait - wait.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        request.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let n = send(socket, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { break }  // the server may close once it has answered
                sent += n
            }
        }
        var answer = Data(), buffer = [UInt8](repeating: 0, count: 65536)
        while Date().timeIntervalSince(started) < wait {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer.append(contentsOf: buffer[0..<n])
        }
        return (String(decoding: answer, as: UTF8.self), Date().timeIntervalSince(started))
    }

    /// A connection to 127.0.0.1:`port`, its socket.
    static func connect(port: UInt16) throws -> Int32 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw FaultTestFailure(description: "no socket") }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw FaultTestFailure(description: "could not connect to port \(port)")
        }
        return socket
    }
}
