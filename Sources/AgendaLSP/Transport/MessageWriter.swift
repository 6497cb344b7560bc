import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Writes framed messages to a file descriptor; safe to call from any thread.
///
/// Each message is written whole under a lock, so frames from different
/// threads never interleave. The first write that fails (the other side has
/// gone away, the disk is full) closes the writer and is reported once to
/// `onFailure`, so the server can stop instead of talking into the void.
public final class MessageWriter: Sendable {
    private let fileDescriptor: Int32
    private let state = Locked(WriterState())
    private let onFailure: @Sendable (String) -> Void

    private struct WriterState {
        var closed = false
    }

    public init(fileDescriptor: Int32, onFailure: @escaping @Sendable (String) -> Void = { _ in }) {
        self.fileDescriptor = fileDescriptor
        self.onFailure = onFailure
    }

    public func send(_ body: [UInt8]) {
        let frame = FrameEncoder.frame(body)
        let failure = state.withLock { state -> String? in
            guard !state.closed else { return nil }
            guard let reason = StandardStream.write(frame, to: fileDescriptor) else { return nil }
            state.closed = true
            return reason
        }
        if let failure { onFailure(failure) }
    }

    public func send(_ message: JSON) {
        send(message.serializedBytes())
    }

    /// Stops writing for good (the descriptor is left to its owner), so work
    /// still finishing in the background cannot write to a descriptor that was
    /// closed and perhaps reused after the server ended.
    public func close() {
        state.withLock { $0.closed = true }
    }
}
