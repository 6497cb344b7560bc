import AgendaBase

/// The sending half of the server: responses, notifications and the server's
/// own requests to the client, whose replies come back through `receive`.
public final class Connection: Sendable {
    public typealias ReplyHandler = @Sendable (Result<JSON, IncomingMessage.ResponseFailure>) -> Void

    private let writer: MessageWriter
    private let awaitingReplies = Locked<(next: Int, handlers: [RequestID: ReplyHandler])>((1, [:]))

    public init(writer: MessageWriter) {
        self.writer = writer
    }

    public func respond(_ id: RequestID?, _ result: Result<JSON, ResponseError>) {
        switch result {
        case .success(let value): writer.send(OutgoingMessage.response(id: id, result: value))
        case .failure(let error): writer.send(OutgoingMessage.response(id: id, error: error))
        }
    }

    public func notify(_ method: String, _ params: JSON) {
        writer.send(OutgoingMessage.notification(method, params))
    }

    /// Sends a request to the client; `onReply` runs when (and if) the reply comes.
    public func request(_ method: String, _ params: JSON?, onReply: @escaping ReplyHandler = { _ in }) {
        // string ids, so they can never be mistaken for the client's own numbering
        let id = awaitingReplies.withLock { state -> RequestID in
            let id = RequestID.string("agendac-\(state.next)")
            state.next += 1
            state.handlers[id] = onReply
            return id
        }
        writer.send(OutgoingMessage.request(id: id, method, params))
    }

    /// Hands a reply to whoever sent the request; replies nobody waits for are dropped.
    public func receive(replyTo id: RequestID?, _ result: Result<JSON, IncomingMessage.ResponseFailure>) {
        guard let id, let handler = awaitingReplies.withLock({ $0.handlers.removeValue(forKey: id) }) else { return }
        handler(result)
    }
}
