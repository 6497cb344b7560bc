import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// What an export writes its files into.
public protocol ExportSink {
    /// Writes `bytes` at `path` (relative, `/`-separated, checked by `ArchivePath.isSafe`).
    mutating func write(_ bytes: [UInt8], to path: String) throws(ArchiveExportError)
    /// Adds `bytes` to the end of the file at `path`, making it when missing
    /// (for files too large to hold in memory, written in chunks).
    mutating func append(_ bytes: [UInt8], to path: String) throws(ArchiveExportError)
}

/// The files of an export in memory, by path (tests, and checks before writing).
public struct MemoryExportSink: ExportSink {
    public private(set) var files: [String: [UInt8]] = [:]
    public init() {}
    public mutating func write(_ bytes: [UInt8], to path: String) throws(ArchiveExportError) {
        guard ArchivePath.isSafe(path) else { throw ArchiveExportError("an export may not write `\(path)`") }
        guard files[path] == nil else { throw ArchiveExportError("the export would write \(path) twice") }
        files[path] = bytes
    }
    public mutating func append(_ bytes: [UInt8], to path: String) throws(ArchiveExportError) {
        guard ArchivePath.isSafe(path) else { throw ArchiveExportError("an export may not write `\(path)`") }
        files[path, default: []] += bytes
    }
}

/// Writes an export as a whole: into a fresh folder beside the target, which
/// then replaces the target in two renames, so a failure half-way leaves the
/// earlier export as it was and a finished export holds no file of an older
/// one. The target must be missing, empty, or an earlier export of the same
/// kind (a marker file says so): an export never deletes anything else.
public struct ExportFolder: ExportSink {
    public let target: URL
    public let kind: String
    let staging: URL
    var madeFolders: Set<String> = []

    /// The file that marks a folder as an export: its content is the kind (`oparl`, `postgres`).
    public static let markerName = ".agendac-export"

    public init(target: URL, kind: String) throws(ArchiveExportError) {
        self.target = target.standardizedFileURL
        self.kind = kind
        let name = self.target.lastPathComponent
        staging = self.target.deletingLastPathComponent().appendingPathComponent(".\(name).agendac-tmp-\(getpid())")
        try ExportFolder.checkReplaceable(self.target, kind: kind)
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw ArchiveExportError("cannot create \(staging.path): \(ErrorText.describing(error))")
        }
        madeFolders.insert("")
        try write(Array(kind.utf8) + [0x0A], to: ExportFolder.markerName)
    }

    public mutating func write(_ bytes: [UInt8], to path: String) throws(ArchiveExportError) {
        let url = try prepare(path)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            throw ArchiveExportError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    public mutating func append(_ bytes: [UInt8], to path: String) throws(ArchiveExportError) {
        let url = try prepare(path)
        guard let file = fopen(url.path, "ab") else {
            throw ArchiveExportError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            throw ArchiveExportError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// The file's place in the unfinished export, its folder made.
    mutating func prepare(_ path: String) throws(ArchiveExportError) -> URL {
        guard ArchivePath.isSafe(path) else { throw ArchiveExportError("an export may not write `\(path)`") }
        let folder = PathText.deletingLastComponent(path)
        if !madeFolders.contains(folder) {
            do {
                try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            } catch {
                throw ArchiveExportError("cannot create \(staging.appendingPathComponent(folder).path): \(ErrorText.describing(error))")
            }
            madeFolders.insert(folder)
        }
        return staging.appendingPathComponent(path)
    }

    /// Puts the finished export in the target's place.
    public func commit() throws(ArchiveExportError) {
        let manager = FileManager.default
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).agendac-old-\(getpid())")
        try? manager.removeItem(at: old)
        let exists = manager.fileExists(atPath: target.path)
        do {
            if exists { try manager.moveItem(at: target, to: old) }
            try manager.moveItem(at: staging, to: target)
        } catch {
            if exists, !manager.fileExists(atPath: target.path) { try? manager.moveItem(at: old, to: target) }
            throw ArchiveExportError("cannot put the export in place at \(target.path): \(ErrorText.describing(error))")
        }
        try? manager.removeItem(at: old)
    }

    /// Removes the unfinished export (after a failure).
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    static func checkReplaceable(_ target: URL, kind: String) throws(ArchiveExportError) {
        let manager = FileManager.default
        guard let isFolder = FileKind.isFolder(target.path) else { return }
        guard isFolder else {
            throw ArchiveExportError("\(target.path) is a file; name a folder for the export")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        if entries.isEmpty { return }
        let marker = manager.contents(atPath: target.appendingPathComponent(markerName).path).map { String(decoding: $0, as: UTF8.self) }
        guard let marker else {
            throw ArchiveExportError("\(target.path) holds files that are not an agendac export; name an empty or new folder")
        }
        guard marker.trimmingCharacters(in: .whitespacesAndNewlines) == kind else {
            throw ArchiveExportError("\(target.path) holds an export of another kind (\(marker.trimmingCharacters(in: .whitespacesAndNewlines))); name another folder")
        }
    }
}
