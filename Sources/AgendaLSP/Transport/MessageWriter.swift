import AgendaBase
import Foundation

/// Writes framed messages to a file descriptor; safe to call from any thread.
///
/// Each message is written whole under a lock, so frames from different
/// threads never interleave. Once the other side has gone away, writes are
/// dropped quietly: the server then ends at end of input like any other.
public final class MessageWriter: Sendable {
    private let fileDescriptor: Int32
    private let state = Locked(WriterState())

    private struct WriterState {
        var closed = false
    }

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    public func send(_ body: [UInt8]) {
        let frame = FrameEncoder.frame(body)
        state.withLock { state in
            guard !state.closed else { return }
            if !writeAll(frame) { state.closed = true }
        }
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

    private func writeAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var written = 0
            while written < buffer.count {
                let result = write(fileDescriptor, base + written, buffer.count - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                written += result
            }
            return true
        }
    }
}
