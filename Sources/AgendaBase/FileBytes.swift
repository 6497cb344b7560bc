#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Reading a whole file straight into the byte array the parser keeps: one
/// copy of the file in memory, not a `Data` and then an array made from it.
public enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read (`errno` says why).
    public static func contents(ofFile path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return contents(ofDescriptor: descriptor)
    }

    /// Everything left to read from an open descriptor (a file, or a pipe such
    /// as standard input), or nil when reading fails (`errno` says why).
    public static func contents(ofDescriptor descriptor: Int32) -> [UInt8]? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let expected = max(0, Int(status.st_size))
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < expected {
                let got = read(descriptor, base + count, expected - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { return }
                count += got
            }
        }
        guard !failed else { return nil }
        // the size was a hint: a file that grew meanwhile is read to its end
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = read(descriptor, &chunk, chunk.count)
            if got < 0, errno == EINTR { continue }
            if got < 0 { return nil }
            if got == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<got])
        }
    }
}
