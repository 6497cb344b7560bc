import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

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

/// The requests that arrived and are not answered yet, by id, in arrival order.
///
/// Requests are registered the moment the reader sees them, before they wait
/// in the work queue, so a cancellation that arrives while they wait is not lost,
/// and `shutdown` knows which requests came before it.
final class PendingRequests: @unchecked Sendable {
    private let condition = Condition()
    private var tokens: [RequestID: (token: CancellationToken, arrival: Int)] = [:]
    private var arrivals = 0

    func register(_ id: RequestID) -> CancellationToken {
        let token = CancellationToken()
        condition.withLock {
            arrivals += 1
            tokens[id] = (token, arrivals)
        }
        return token
    }

    func cancel(_ id: RequestID) {
        condition.withLock { tokens[id]?.token }?.cancel()
    }

    func finish(_ id: RequestID) {
        condition.withLock {
            tokens[id] = nil
            condition.broadcast()
        }
    }

    /// Blocks until every request that arrived before `id` is answered (each
    /// work item is bounded, so this is too), so that `shutdown`'s answer comes last.
    func waitForRequests(before id: RequestID) {
        condition.withLock {
            guard let arrival = tokens[id]?.arrival else { return }
            while tokens.values.contains(where: { $0.arrival < arrival }) { condition.wait() }
        }
    }
}
