import AgendaBase
import Dispatch

/// Routes each incoming message through the lifecycle to its handler.
///
/// `receive` runs on the reader thread and only does what must not wait:
/// answering unreadable messages, registering requests and honouring
/// `$/cancelRequest`. Everything else is queued on the work queue and handled
/// there in arrival order.
final class Dispatcher: Sendable {
    private let state: ServerState
    private let pending = PendingRequests()
    private let onExit: @Sendable (Int32) -> Void

    init(state: ServerState, onExit: @escaping @Sendable (Int32) -> Void) {
        self.state = state
        self.onExit = onExit
    }

    private var connection: Connection { state.connection }

    // MARK: - Reader thread

    func receive(_ event: FrameEvent) {
        switch event {
        case .malformed(let reason):
            connection.respond(nil, .failure(ResponseError(.parseError, "unreadable input skipped: \(reason)")))
        case .message(let body):
            switch IncomingMessage.decode(body) {
            case .failure(let rejected):
                connection.respond(rejected.id, .failure(rejected.error))
            case .success(.notification(method: "$/cancelRequest", let params)):
                if let id = params?["id"].flatMap(RequestID.init) { pending.cancel(id) }
            case .success(let message):
                let token = if case .request(let id, _, _) = message { pending.register(id) } else { CancellationToken() }
                state.queue.async { [self] in handle(message, token: token) }
            }
        }
    }

    func endOfInput() {
        state.queue.async { [self] in
            switch state.lifecycle {
            case .exited: return
            case .shutDown: exit(code: 0)
            default:
                state.log("the input ended without shutdown and exit")
                exit(code: 1)
            }
        }
    }

    // MARK: - Work queue

    private func handle(_ message: IncomingMessage, token: CancellationToken) {
        switch message {
        case .request(let id, let method, let params):
            handleRequest(id: id, method: method, params: params, token: token)
        case .notification(let method, let params):
            handleNotification(method: method, params: params)
        case .response(let id, let result):
            connection.receive(replyTo: id, result)
        }
    }

    private func handleRequest(id: RequestID, method: String, params: JSON?, token: CancellationToken) {
        let context = HandlerContext(params: params, token: token, state: state)
        switch (state.lifecycle, method) {
        case (.exited, _):
            pending.finish(id)
        case (.uninitialized, "initialize"):
            // a malformed initialize leaves the server uninitialized, so the client can try again
            if let problem = Initialization.invalidParams(params) {
                answer(id, .failure(.invalidParams(problem)))
                return
            }
            let result = Initialization.initialize(context)
            state.lifecycle = .running
            answer(id, .success(result))
        case (.uninitialized, _):
            answer(id, .failure(ResponseError(.serverNotInitialized, "the server is not initialized; send initialize first")))
        case (.shutDown, _):
            answer(id, .failure(ResponseError(.invalidRequest, "the server is shut down; only exit is accepted")))
        case (.running, "initialize"):
            answer(id, .failure(ResponseError(.invalidRequest, "initialize may be sent only once")))
        case (.running, "shutdown"):
            // later requests are refused from now on; earlier ones still working
            // off the queue (hover waiting for the index) are answered first, since
            // an editor sends `exit` the moment this answer arrives
            state.lifecycle = .shutDown
            state.shutdownReceived.withLock { $0 = true }
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                pending.waitForRequests(before: id)
                answer(id, .success(.null))
            }
        case (.running, _):
            guard let route = ServerFeatures.request(method) else {
                answer(id, .failure(ResponseError(.methodNotFound, "\(method) is not supported")))
                return
            }
            // every LSP request this server answers takes a params object
            guard params?.objectValue != nil else {
                answer(id, .failure(.invalidParams("\(method) needs params, a JSON object")))
                return
            }
            run(route, id: id, context: context)
        }
    }

    /// Runs a handler; a cancelled request answers RequestCancelled, a failing one an error, never a crash.
    private func run(_ route: RequestRoute, id: RequestID, context: HandlerContext) {
        let token = context.token
        guard !token.isCancelled else {
            answer(id, .failure(.cancelled))
            return
        }
        do throws(ResponseError) {
            switch try route.handle(context) {
            case .result(let result):
                answer(id, token.isCancelled ? .failure(.cancelled) : .success(result))
            case .deferred(let work):
                DispatchQueue.global(qos: .userInitiated).async { [self] in
                    do throws(ResponseError) {
                        let result = try work(token)
                        answer(id, token.isCancelled ? .failure(.cancelled) : .success(result))
                    } catch {
                        answer(id, .failure(error))
                    }
                }
            }
        } catch {
            if error.code == .internalError || error.code == .requestFailed { state.log("\(route.method): \(error.message)") }
            answer(id, .failure(error))
        }
    }

    /// Every request ends here: exactly one response, and the id is forgotten.
    /// The id is forgotten only once the response is written, so `shutdown`,
    /// waiting for earlier requests, is answered after them on the wire too.
    private func answer(_ id: RequestID, _ result: Result<JSON, ResponseError>) {
        connection.respond(id, result)
        pending.finish(id)
    }

    private func handleNotification(method: String, params: JSON?) {
        switch (state.lifecycle, method) {
        case (.exited, _):
            return
        case (.shutDown, "exit"):
            exit(code: 0)
        case (_, "exit"):
            exit(code: 1)
        case (.running, "initialized"):
            Initialization.initialized(state)
        case (.running, _):
            // unknown notifications (and `$/` ones we do not act on) are ignored, as the spec asks
            ServerFeatures.notification(method)?.handle(HandlerContext(params: params, token: CancellationToken(), state: state))
        default:
            // before initialize and after shutdown, notifications other than exit are dropped
            return
        }
    }

    private func exit(code: Int32) {
        state.lifecycle = .exited(code: code)
        onExit(code)
    }
}
