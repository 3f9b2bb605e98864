import Foundation
@testable import SopsiteKit
@testable import SopsiteServe
import XCTest

/// What a page listening to `serve` hears: hello with the current build, then one event per
/// rebuild, in the text of server-sent events.
final class LiveReloadTests: XCTestCase {
    func testAPageHearsHelloThenEachRebuild() async throws {
        let hub = LiveReload()
        let (id, events) = await hub.connect(beat: .milliseconds(50))
        var heard = events.makeAsyncIterator()
        let retry = await heard.next()
        XCTAssertEqual(retry, "retry: 500\n\n")
        let hello = await heard.next()
        XCTAssertEqual(hello, "data: {\"build\":0,\"errors\":[],\"type\":\"hello\"}\n\n")
        let beat = await heard.next()
        XCTAssertEqual(beat, ": still here\n\n", "a quiet page still hears something, so a page gone away is noticed")

        await hub.publish(.rebuilt(changed: ["index.html"], stylesOnly: false))
        var next = await heard.next()
        while next == ": still here\n\n" { next = await heard.next() }
        XCTAssertEqual(next, "data: {\"build\":1,\"errors\":[],\"type\":\"reload\"}\n\n")

        let connected = await hub.connected
        XCTAssertEqual(connected, 1)
        await hub.disconnect(id)
        let after = await hub.connected
        XCTAssertEqual(after, 0)
        while let rest = await heard.next() { XCTAssertEqual(rest, ": still here\n\n") }
    }
}
