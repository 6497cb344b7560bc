#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Reads framed messages from a file descriptor on the calling thread.
///
/// `run` blocks in `read(2)` and hands every event to `deliver` as soon as it
/// is complete, so a slow consumer never delays reading (and with it the
/// arrival of `$/cancelRequest`). It returns at end of input or on a read error.
public struct MessageReader: Sendable {
    private let fileDescriptor: Int32
    private let chunkSize: Int

    public init(fileDescriptor: Int32, chunkSize: Int = 64 * 1024) {
        self.fileDescriptor = fileDescriptor
        self.chunkSize = max(1, chunkSize)
    }

    public func run(_ deliver: (FrameEvent) -> Void) {
        var decoder = FrameDecoder()
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            decoder.append(chunk[0..<count])
            while let event = decoder.next() { deliver(event) }
        }
        while let event = decoder.next(atEndOfInput: true) { deliver(event) }
    }
}
