#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a file descriptor with `write(2)`, reporting failure instead of
/// trapping as `FileHandle.write(_:)` does on a full disk or a closed pipe.
public enum StandardStream {
    /// Writes every byte; returns nil on success, else the reason (`strerror`).
    public static func write(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> String? {
        let array = Array(bytes)
        return array.withUnsafeBytes { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var written = 0
            while written < buffer.count {
                let result = systemWrite(descriptor, base + written, buffer.count - written)
                if result < 0, errno == EINTR { continue }
                if result < 0 { return String(cString: strerror(errno)) }
                if result == 0 { return "nothing could be written" }
                written += result
            }
            return nil
        }
    }
}

/// `write(2)`, named apart from `StandardStream.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
