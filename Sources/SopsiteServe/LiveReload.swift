import FlyingFox
import Foundation
import SopsiteKit

/// Tells every open page what the last rebuild did. Pages connect over a WebSocket; each
/// message is JSON: `hello` (on connecting: the current build and errors), `reload`,
/// `styles` (only stylesheets changed) or `errors`.
actor LiveReload {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    /// Counts successful rebuilds; pages carry the number they were served with.
    private(set) var build = 0
    private(set) var errors: [String] = []

    /// Sends what `outcome` means to every page.
    func publish(_ outcome: LiveSite.Outcome) {
        switch outcome {
        case let .rebuilt(changed, stylesOnly):
            guard !changed.isEmpty || !errors.isEmpty else { return }
            build += 1
            errors = []
            broadcast(["type": stylesOnly ? "styles" : "reload", "build": build, "errors": [String]()])
        case let .failed(diagnostics):
            errors = diagnostics.map(\.description)
            broadcast(["type": "errors", "build": build, "errors": errors])
        }
    }

    func connect(_ continuation: AsyncStream<WSMessage>.Continuation) -> UUID {
        let id = UUID()
        clients[id] = continuation
        send(["type": "hello", "build": build, "errors": errors], to: continuation)
        return id
    }

    func disconnect(_ id: UUID) {
        clients[id] = nil
    }

    private func broadcast(_ message: [String: any Sendable]) {
        for continuation in clients.values { send(message, to: continuation) }
    }

    private func send(_ message: [String: any Sendable], to continuation: AsyncStream<WSMessage>.Continuation) {
        guard let data = try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]) else { return }
        continuation.yield(.text(String(decoding: data, as: UTF8.self)))
    }
}

/// One page's WebSocket: what the page says is ignored; what the hub says is sent.
struct LiveSocket: WSMessageHandler {
    let hub: LiveReload

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        let id = await hub.connect(continuation)
        let hub = self.hub
        Task {
            for await _ in client {}
            await hub.disconnect(id)
            continuation.finish()
        }
        return stream
    }
}
