import Foundation
import FoundationNetworking
import XCTest

/// `serve` as a phone on the network meets it: `--bind`, and what it answers besides GET.
extension FaultTests {
    func testServeListensWhereItIsBound() throws {
        let folder = try temporaryFolder(self)
        let port = try freePort(), log = folder + "/serve.log"
        let serve = try start(["serve", "--no-search", "--content", Repo.root + "/content", "--output", folder + "/public",
                               "--port", "\(port)", "--bind", "127.0.0.2"], log: log)
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        let said = { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        try wait(60, "serve never said where it serves: \(said())") { said().contains("serving http://127.0.0.2:\(port)/ ") }
        XCTAssertTrue(said().hasPrefix("built in "), "the first build is 'built', not 'rebuilt': \(said())")

        let page = try Data(contentsOf: URL(string: "http://127.0.0.2:\(port)/")!)
        XCTAssertTrue(String(decoding: page, as: UTF8.self).contains("<html"), "reached at the bound address")
        XCTAssertNil(try? Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/")!), "and only there")

        let head = try answer(URL(string: "http://127.0.0.2:\(port)/")!, method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["Content-Length"], String(page.count), "HEAD has GET's length")
        XCTAssertEqual(head.body, Data(), "and no body")
        let post = try answer(URL(string: "http://127.0.0.2:\(port)/")!, method: "POST")
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.headers["Allow"], "GET, HEAD")
    }

    func answer(_ url: URL, method: String) throws -> (status: Int, headers: [String: String], body: Data) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, [String: String], Data)?
        URLSession.shared.dataTask(with: request) { data, response, _ in
            let http = response as? HTTPURLResponse
            let headers = (http?.allHeaderFields ?? [:]).reduce(into: [String: String]()) { $0["\($1.key)"] = "\($1.value)" }
            result = (http?.statusCode ?? 0, headers, data ?? Data())
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 10) == .success, let result else {
            throw FaultTestFailure(description: "\(method) \(url) got no answer")
        }
        return result
    }
}

extension FaultTests {
    /// A port taken, an address not of this machine: said in words, exit 1, nothing built.
    func testServeSaysWhyItCannotListen() throws {
        let folder = try temporaryFolder(self)
        let (port, taken) = try heldPort()
        defer { close(taken) }
        for (bind, said) in [("127.0.0.1", "error: port \(port) is taken by another program; choose another with --port N"),
                             ("192.0.2.77", "error: 192.0.2.77 is not an address of this machine; use 127.0.0.1, 0.0.0.0")] {
            let log = folder + "/serve.log"
            let serve = try start(["serve", "--no-search", "--content", Repo.root + "/content", "--output", folder + "/public",
                                   "--port", "\(port)", "--bind", bind], log: log)
            serve.waitUntilExit()
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            XCTAssertEqual(serve.terminationStatus, 1, text)
            XCTAssertTrue(text.hasPrefix(said), text)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/public"), "nothing built")
        }
    }
}
