#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Writes files so that a crash or a full disk never leaves half a file, and
/// so that a write changes the file the user meant and nothing else:
///
/// - a symbolic link is followed: its target is written, the link stays;
/// - the new text goes to a temporary file beside the target (named
///   `.NAME.agendac-tmp-PID`), gets the target's mode and owner, is synced
///   (unless the caller says it is `regenerable`), then renamed over the target;
/// - a file with several hard links is instead rewritten in place (space
///   reserved first), so that every link sees the new text; a crash in the
///   middle of that write can leave it half written, the price of keeping links;
/// - devices, FIFOs, sockets and folders are refused;
/// - temporary files of processes that no longer run (a `fmt` killed mid-write)
///   are removed the first time a folder is written to.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    static let temporaryMarker = ".agendac-tmp-"
    /// Symbolic links followed before giving up (the kernel's own limit is 40).
    static let maximumLinks = 40

    /// Whether a write waits for the disk before the file takes its place.
    public enum Durability: Sendable {
        /// Synced before the rename (`fsync`): text only the user has (a source
        /// `fmt` rewrites, an import) and the archive's records.
        case synced
        /// Renamed into place without waiting for the disk: files a command makes
        /// again from their source (`compile -o`). Readers still never see half a
        /// file; only a power failure just after can lose the new bytes (the
        /// file is then old or empty, and compiling again remakes it). The sync
        /// cost more wall time than making a small PDF.
        case regenerable
    }

    public static func write(_ text: String, to url: URL, durability: Durability = .synced) throws(WriteError) {
        try write(Array(text.utf8), to: url, durability: durability)
    }

    public static func write(_ bytes: [UInt8], to url: URL, durability: Durability = .synced) throws(WriteError) {
        try write(bytes, to: url, durability: durability, sync: { fsync($0) })
    }

    /// `sync` is `fsync`, or a test's stand-in that counts the calls.
    static func write(_ bytes: [UInt8], to url: URL, durability: Durability, sync: (Int32) -> Int32) throws(WriteError) {
        let synced: (Int32) -> Bool = { durability == .regenerable || sync($0) == 0 }
        let path = try resolveLinks(url.path)
        let folder = PathText.deletingLastComponent(path)
        var status = stat()
        let exists = lstat(path, &status) == 0
        if !exists, errno != ENOENT {
            throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        if exists {
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw WriteError(description: "will not write \(path): it is \(kind(of: status.st_mode)), not a regular file")
            }
        }
        removeStaleTemporaries(in: folder.isEmpty ? "." : folder)
        if exists, status.st_nlink > 1 {
            try rewriteInPlace(bytes, path: path, synced: synced)
            return
        }
        try replace(path, with: bytes, keeping: exists ? status : nil, synced: synced)
    }

    /// Whether two paths name the same existing file (symbolic links followed).
    public static func isSameFile(_ first: URL, _ second: URL) -> Bool {
        var a = stat(), b = stat()
        guard stat(first.path, &a) == 0, stat(second.path, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    // MARK: - Following links

    /// The path a chain of symbolic links ends at (which need not exist yet).
    static func resolveLinks(_ start: String) throws(WriteError) -> String {
        var path = start
        for _ in 0..<maximumLinks {
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return path }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &buffer, buffer.count - 1)
            guard length > 0 else {
                throw WriteError(description: "cannot follow the link \(path): \(String(cString: strerror(errno)))")
            }
            let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path = target.hasPrefix("/") ? target : PathText.appending(PathText.deletingLastComponent(path), target)
        }
        throw WriteError(description: "cannot write \(start): too many levels of symbolic links")
    }

    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    // MARK: - Replacing by rename

    private static func replace(_ path: String, with bytes: [UInt8], keeping original: stat?, synced: (Int32) -> Bool) throws(WriteError) {
        let folder = PathText.deletingLastComponent(path)
        let name = PathText.lastComponent(path)
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name)\(temporaryMarker)\(getpid())"
        unlink(temporary)  // our own leftover from an earlier write that failed
        // 0666 less the umask for a new file, as any editor would create it
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot write \(temporary): \(String(cString: strerror(errno))) (does the folder exist, and may it be written?)")
        }
        var failure: String?
        if let reason = writeAll(bytes, to: descriptor) {
            failure = "cannot write \(temporary): \(reason)"
        } else if let original {
            if fchmod(descriptor, original.st_mode & 0o7777) != 0 {
                failure = "cannot keep the mode of \(path): \(String(cString: strerror(errno)))"
            } else if (original.st_uid != geteuid() || original.st_gid != getegid()),
                      fchown(descriptor, original.st_uid, original.st_gid) != 0 {
                // not allowed to give the file back to its owner: write in place, which keeps it
                close(descriptor)
                unlink(temporary)
                try rewriteInPlace(bytes, path: path, synced: synced)
                return
            }
        }
        if failure == nil, !synced(descriptor) { failure = "cannot write \(temporary): \(String(cString: strerror(errno)))" }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = "cannot replace \(path): \(String(cString: strerror(errno)))" }
        if let failure {
            unlink(temporary)
            throw WriteError(description: failure)
        }
    }

    // MARK: - Rewriting in place

    /// Rewrites a file's bytes without replacing the file, keeping its links,
    /// owner and mode. Space is reserved before the first byte changes, so a
    /// full disk fails with the file as it was.
    private static func rewriteInPlace(_ bytes: [UInt8], path: String, synced: (Int32) -> Bool) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw WriteError(description: "will not write \(path): not a regular file")
        }
        if off_t(bytes.count) > status.st_size {
            let reserved = posix_fallocate(descriptor, 0, off_t(bytes.count))
            // EOPNOTSUPP/EINVAL: the file system cannot reserve; go on and let the write tell
            if reserved != 0, reserved != EOPNOTSUPP, reserved != EINVAL {
                _ = ftruncate(descriptor, status.st_size)
                throw WriteError(description: "cannot write \(path): \(String(cString: strerror(reserved)))")
            }
        }
        if let reason = writeAll(bytes, to: descriptor) { throw WriteError(description: "cannot write \(path): \(reason)") }
        guard ftruncate(descriptor, off_t(bytes.count)) == 0, synced(descriptor) else {
            throw WriteError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            var written = 0
            while written < buffer.count {
                let result = pwrite(descriptor, base + written, buffer.count - written, off_t(written))
                if result < 0, errno == EINTR { continue }
                if result < 0 { return String(cString: strerror(errno)) }
                if result == 0 { return "nothing could be written" }
                written += result
            }
            return nil
        }
    }

    // MARK: - Stale temporary files

    private static let sweptFolders = SweptFolders()

    /// Removes `.NAME.agendac-tmp-PID` files whose process no longer runs; each
    /// folder once per process, so writing many files stays linear.
    static func removeStaleTemporaries(in folder: String) {
        guard sweptFolders.firstVisit(folder) else { return }
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix("."), let marker = name.rangeOfLast(temporaryMarker),
                  let processID = pid_t(name[marker.upperBound...]), processID > 0 else { continue }
            // our own id is left alone (another thread may be writing); `replace` clears its own leftover
            let running = processID == getpid() || kill(processID, 0) == 0 || errno == EPERM
            if !running { unlink(folder + "/" + name) }
        }
    }
}

/// The folders already cleaned of stale temporary files in this process.
private final class SweptFolders: @unchecked Sendable {
    private let lock = Lock()
    private var folders: Set<String> = []

    func firstVisit(_ folder: String) -> Bool {
        lock.withLock { folders.insert(folder).inserted }
    }
}
