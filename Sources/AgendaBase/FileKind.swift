#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a path names a folder, read with `stat(2)` (following symlinks, as
/// `FileManager.fileExists(atPath:isDirectory:)` does, whose `ObjCBool` full
/// Foundation alone has).
public enum FileKind {
    /// nil when nothing is there; true for a folder.
    public static func isFolder(_ path: String) -> Bool? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (status.st_mode & S_IFMT) == S_IFDIR
    }
}
