import AgendaBase

/// A progress bar in the editor (`window/workDoneProgress/create` + `$/progress`).
///
/// Only made when the client supports it. The token may be used only once the
/// client has acknowledged it, so until then reports are held back, and `begin`
/// (and `end`, if the work finished meanwhile) go out on the acknowledgement.
/// The work itself never waits for the client.
final class WorkDoneProgress: Sendable {
    private struct State {
        var acknowledged = false
        var refused = false
        var percentage = 0
        var message: String?
        var ended = false
        var endMessage: String?
    }

    private let connection: Connection
    private let token: String
    private let title: String
    private let state = Locked(State())

    init(connection: Connection, token: String, title: String) {
        self.connection = connection
        self.token = token
        self.title = title
    }

    /// Asks the client for the token; reporting starts when it agrees.
    func create() {
        connection.request("window/workDoneProgress/create", .object([("token", .string(token))])) { [self] reply in
            switch reply {
            case .success: acknowledge()
            case .failure: state.withLock { $0.refused = true }
            }
        }
    }

    // Notifications are sent while holding the state lock, so `begin` always
    // precedes `report` and `end` however the threads interleave.

    func report(done: Int, of total: Int, message: String? = nil) {
        let percentage = total > 0 ? min(100, max(0, done * 100 / total)) : 0
        state.withLock { state in
            guard !state.ended, percentage != state.percentage || message != state.message else { return }
            state.percentage = percentage
            state.message = message
            if state.acknowledged { progress(kind: "report", message: message, percentage: percentage) }
        }
    }

    func end(message: String? = nil) {
        state.withLock { state in
            guard !state.ended else { return }
            state.ended = true
            state.endMessage = message
            if state.acknowledged { progress(kind: "end", message: message, percentage: nil) }
        }
    }

    private func acknowledge() {
        state.withLock { state in
            guard !state.acknowledged else { return }
            state.acknowledged = true
            progress(kind: "begin", message: state.message, percentage: state.percentage, title: title)
            if state.ended { progress(kind: "end", message: state.endMessage, percentage: nil) }
        }
    }

    private func progress(kind: String, message: String?, percentage: Int?, title: String? = nil) {
        var value = JSONObjectBuilder()
        value.set("kind", kind)
        value.set("title", title)
        if kind == "begin" { value.set("cancellable", false) }
        value.set("message", message)
        value.set("percentage", percentage)
        connection.notify("$/progress", .object([("token", .string(token)), ("value", value.json)]))
    }
}
