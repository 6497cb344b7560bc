#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file open for reading by its descriptor, closed when released: its size
/// and the bytes at an offset, read with `pread` straight into an array
/// (full Foundation's `FileHandle` would bring ICU into every start).
public final class ReadOnlyFile {
    public let descriptor: Int32

    /// Opens `path`, or nil when it cannot be opened (`errno` says why).
    public init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The file's size in bytes, or nil when it cannot be told.
    public var size: UInt64? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return UInt64(max(0, status.st_size))
    }

    /// Up to `count` bytes from `offset`, fewer only where the file ends; nil
    /// when reading fails or the range is out of bounds.
    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= UInt64(Int64.max) - UInt64(count) else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count, let base = buffer.baseAddress {
                let got = pread(descriptor, base + initialized, count - initialized, off_t(offset) + off_t(initialized))
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { return }
                initialized += got
            }
        }
        return failed ? nil : bytes
    }

    /// Why the last call failed, as `strerror` words it.
    public static var lastError: String { String(cString: strerror(errno)) }
}
