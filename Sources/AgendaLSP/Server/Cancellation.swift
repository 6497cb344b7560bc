/// Set by `$/cancelRequest` on the reader thread, read by the work that answers the request.
public final class CancellationToken: Sendable {
    private let cancelled = Locked(false)

    public init() {}

    public var isCancelled: Bool { cancelled.current }

    public func cancel() { cancelled.withLock { $0 = true } }

    /// For long work: stop with `RequestCancelled` as soon as the client no longer wants the answer.
    public func check() throws(ResponseError) {
        if isCancelled { throw ResponseError.cancelled }
    }
}

/// The requests that arrived and are not answered yet, by id.
///
/// Requests are registered the moment the reader sees them, before they wait
/// in the work queue, so a cancellation that arrives while they wait is not lost.
final class PendingRequests: Sendable {
    private let tokens = Locked<[RequestID: CancellationToken]>([:])

    func register(_ id: RequestID) -> CancellationToken {
        let token = CancellationToken()
        tokens.withLock { $0[id] = token }
        return token
    }

    func cancel(_ id: RequestID) {
        tokens.withLock { $0[id] }?.cancel()
    }

    func finish(_ id: RequestID) {
        tokens.withLock { $0[id] = nil }
    }
}
