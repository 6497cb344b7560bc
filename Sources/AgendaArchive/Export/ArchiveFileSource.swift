import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Where an export reads the bytes of a kept public file (to copy it and to
/// give its checksums). Only public files are ever asked for.
public protocol ArchiveFileSource: Sendable {
    func bytes(of file: ArchivedFile) throws(ArchiveExportError) -> [UInt8]
}

/// The files of an archive folder, named by their path relative to its root.
/// A path that could leave the folder is refused unread, and a file whose
/// bytes no longer have the SHA-256 the archive recorded is an error: an
/// export never publishes a file changed outside the tool.
public struct ArchiveFolderFiles: ArchiveFileSource {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func bytes(of file: ArchivedFile) throws(ArchiveExportError) -> [UInt8] {
        guard file.isPublic else {
            throw ArchiveExportError("\(file.path) is an internal file; exports read only public files", isArchiveProblem: true)
        }
        guard ArchivePath.isSafe(file.path) else {
            throw ArchiveExportError("the archive names a file `\(file.path)` outside its folder; run `agendac archive verify`", isArchiveProblem: true)
        }
        let url = root.appendingPathComponent(file.path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ArchiveExportError("cannot read \(url.path); run `agendac archive verify` to see what is missing", isArchiveProblem: true)
        }
        let bytes = [UInt8](data)
        guard SHA256.hexDigest(bytes) == file.sha256 else {
            throw ArchiveExportError("\(file.path) is not the file the archive recorded (its SHA-256 differs); run `agendac archive verify`", isArchiveProblem: true)
        }
        return bytes
    }
}

/// Relative paths inside an archive or an export: `/`-separated, no empty,
/// `.` or `..` part, not absolute, no NUL or backslash.
public enum ArchivePath {
    public static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "" && $0 != "." && $0 != ".." }
    }
}
