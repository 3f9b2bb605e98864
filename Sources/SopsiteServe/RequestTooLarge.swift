import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers 431 to a request whose request line or headers pass the parser's limits
/// (`Listener.Limits`), where Hummingbird would answer 400. SwiftNIO's parser counts the request
/// line with the headers and reports both as one error, so both get 431.
///
/// The rest of what the client sends is read and dropped for a moment before the connection
/// closes: closing with bytes unread resets the connection, and the client would lose the answer.
final class RequestTooLarge: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private var answered = false
    let linger: TimeAmount

    init(linger: TimeAmount = .seconds(2)) {
        self.linger = linger
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Once answered, the parser reports every further read as an error: those are dropped.
        if answered { return }
        guard let parsing = error as? HTTPParserError, parsing == .headerOverflow else {
            context.fireErrorCaught(error)
            return
        }
        answered = true
        let text = "431 request line or headers too long: at most \(Listener.Limits.line / 1024) KB a line, "
            + "\(Listener.Limits.headers / 1024) KB in all\n"
        var fields = HTTPFields()
        fields[.contentType] = "text/plain; charset=utf-8"
        fields[.contentLength] = String(text.utf8.count)
        fields[.connection] = "close"
        let head = HTTPResponse(status: .init(code: 431, reasonPhrase: "Request Header Fields Too Large"), headerFields: fields)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(string: text))), promise: nil)
        let sent = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let linger = self.linger
        sent.whenComplete { _ in
            bound.value.close(mode: .output, promise: nil)
            bound.value.eventLoop.assumeIsolated().scheduleTask(in: linger) { bound.value.close(promise: nil) }
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        context.fireChannelRead(data)
    }
}
