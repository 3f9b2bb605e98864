import Foundation
import SopsiteKit

/// Tells every open page what the last rebuild did. Pages listen with an `EventSource`
/// (server-sent events: plain HTTP, so the server's limits on requests hold for it too); each
/// event's data is JSON: `hello` (on connecting: the current build and errors), `reload`,
/// `styles` (only stylesheets changed) or `errors`.
actor LiveReload {
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
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

    /// A page's stream of events, in the text of `text/event-stream`: first `hello`, then one
    /// event per rebuild, and a comment every `beat` so that a page gone away is noticed.
    /// The server calls `disconnect` once it can no longer write to the page.
    func connect(beat: Duration = .seconds(15)) -> (id: UUID, events: AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream()
        let id = UUID()
        clients[id] = continuation
        // A browser waits this long before connecting again after serve restarts.
        continuation.yield("retry: 500\n\n")
        send(["type": "hello", "build": build, "errors": errors], to: continuation)
        let beating = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: beat)
                continuation.yield(": still here\n\n")
            }
        }
        continuation.onTermination = { _ in beating.cancel() }
        return (id, stream)
    }

    func disconnect(_ id: UUID) {
        clients.removeValue(forKey: id)?.finish()
    }

    var connected: Int { clients.count }

    private func broadcast(_ message: [String: any Sendable]) {
        for continuation in clients.values { send(message, to: continuation) }
    }

    private func send(_ message: [String: any Sendable], to continuation: AsyncStream<String>.Continuation) {
        guard let data = try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]) else { return }
        continuation.yield("data: " + String(decoding: data, as: UTF8.self) + "\n\n")
    }
}
