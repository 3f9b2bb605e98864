import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// serve's HTTP server: Hummingbird's core on SwiftNIO. SwiftNIO's parser reads a request in
/// one pass and stops at its limits, so a long or endless request costs a bounded amount of
/// memory and time, whoever sends it (a phone on the office network, a web page open in the
/// same browser). Routes: the live-reload script and events, and the site's files.
enum Listener {
    enum Limits {
        /// One header line, the request line included (nginx's default buffer is 8 KB).
        static let line = 8 * 1024
        /// The request line and every header together.
        static let headers = 32 * 1024
        static let headerCount = 100
        /// A connection that has not sent a whole request head this long after opening, or
        /// after its last answer, is closed.
        static let headerTimeout: TimeAmount = .seconds(5)
        /// Connections open at once; more wait in the kernel's queue until one closes.
        static let connections = 64
    }

    static func server(bind: String, port: UInt16, files: SiteFiles, hub: LiveReload,
                       running: @escaping @Sendable () -> Void) -> Server<HTTP1Channel> {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: Limits.line, maxHeaderListSize: Limits.headers, maxHeaderFieldCount: Limits.headerCount)
        let channel = HTTP1Channel(
            responder: { request, writer, _ in
                let target = request.head.path ?? "/"
                let path = target.prefix { $0 != "?" }
                let method = request.method.rawValue
                if path == LiveClient.eventsPath, method == "GET" {
                    try await events(from: hub, to: writer)
                } else if path == LiveClient.scriptPath, method == "GET" || method == "HEAD" {
                    let script = SiteFiles.Reply(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8")],
                                                 body: Data(LiveClient.script.utf8))
                    try await write(script.sent(for: method), to: writer)
                } else {
                    try await write(await files.answer(method: method, target: target), to: writer)
                }
            },
            configuration: .init(additionalChannelHandlers: [RequestTooLarge()], idleTimeout: .init(Limits.headerTimeout),
                                 httpDecoderConfiguration: decoder))
        let configuration = ServerConfiguration(
            address: .hostname(bind, port: Int(port)), availableConnectionsDelegate: MaximumAvailableConnections(Limits.connections))
        return Server(childChannelSetup: channel, configuration: configuration, onServerRunning: { _ in running() },
                      eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
                      logger: Logger(label: "sopsite-serve", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    static func write(_ reply: SiteFiles.Reply, to writer: consuming ResponseWriter) async throws {
        var fields = HTTPFields()
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        let body: ResponseBody = reply.body.isEmpty ? .init() : .init(byteBuffer: ByteBuffer(bytes: reply.body))
        try await writer.write(response: HTTPResponse(status: .init(code: reply.status), headerFields: fields), body: body)
    }

    /// Server-sent events for one page, until the page goes away (a write fails) or serve stops.
    static func events(from hub: LiveReload, to writer: consuming ResponseWriter) async throws {
        var fields = HTTPFields()
        fields[.contentType] = "text/event-stream; charset=utf-8"
        fields[.cacheControl] = "no-store"
        var body = try await writer.writeHead(HTTPResponse(status: .ok, headerFields: fields))
        let (id, events) = await hub.connect()
        do {
            for await event in events {
                try await body.write(ByteBuffer(string: event))
            }
            await hub.disconnect(id)
            try await body.finish(nil)
        } catch {
            await hub.disconnect(id)
            throw error
        }
    }
}
