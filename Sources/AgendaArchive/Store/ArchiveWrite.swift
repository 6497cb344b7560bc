import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One write to the archive, all or nothing. The meeting's new folder is built
/// in `.staging/` inside the archive and renamed into place; the catalog is
/// replaced atomically; the ledger record is appended last. Each step leaves
/// an undo, so a failure at any point puts back what was there.
struct ArchiveWrite {
    let root: URL
    let staging: URL
    private var undo: [() -> Void] = []

    init(root: URL) throws(ArchiveError) {
        self.root = root
        let stagingRoot = root.appendingPathComponent(ArchiveLayout.stagingFolder)
        ArchiveWrite.removeStale(in: stagingRoot)
        staging = stagingRoot.appendingPathComponent("\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError("\(ArchiveLayout.stagingFolder): cannot be made (\(ErrorText.describing(error))); nothing was changed")
        }
    }

    /// Puts the built folder `built` (inside the staging folder) where the meeting's folder is.
    mutating func moveIntoPlace(_ built: URL, as relative: String) throws(ArchiveError) {
        let target = root.appendingPathComponent(relative)
        let manager = FileManager.default
        var created: [URL] = []
        var parent = target.deletingLastPathComponent()
        while !manager.fileExists(atPath: parent.path), parent.path.count > root.path.count {
            created.append(parent)
            parent = parent.deletingLastPathComponent()
        }
        do {
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw ArchiveError("\(relative): its folder cannot be made (\(ErrorText.describing(error)))")
        }
        undo.append {
            for folder in created where ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? ["?"]).isEmpty {
                try? manager.removeItem(at: folder)
            }
        }
        if manager.fileExists(atPath: target.path) {
            let old = staging.appendingPathComponent("old")
            guard rename(target.path, old.path) == 0 else {
                throw ArchiveError("\(relative): cannot be moved aside (\(String(cString: strerror(errno))))")
            }
            undo.append { _ = systemRename(old.path, target.path) }
        }
        guard rename(built.path, target.path) == 0 else {
            throw ArchiveError("\(relative): cannot be put in place (\(String(cString: strerror(errno))))")
        }
        undo.append { _ = systemRename(target.path, built.path) }
    }

    /// Replaces a file at the root (the catalog) atomically; undone by writing the old bytes back.
    mutating func replace(_ relative: String, with bytes: [UInt8]) throws(ArchiveError) {
        let url = root.appendingPathComponent(relative)
        let old = FileManager.default.contents(atPath: url.path).map(Array.init)
        do {
            try AtomicFile.write(bytes, to: url)
        } catch {
            throw ArchiveError(error.description)
        }
        undo.append {
            if let old { try? AtomicFile.write(old, to: url) } else { try? FileManager.default.removeItem(at: url) }
        }
    }

    /// Appends the ledger line; undone by cutting the ledger back to its old length.
    mutating func append(_ line: [UInt8]) throws(ArchiveError) {
        let url = root.appendingPathComponent(ArchiveLayout.ledgerName)
        var status = stat()
        let before = stat(url.path, &status) == 0 ? status.st_size : 0
        try LedgerFile.append(line, to: url)
        undo.append { _ = truncate(url.path, before) }
    }

    /// Puts everything back, newest step first.
    func rollBack() {
        for step in undo.reversed() { step() }
        try? FileManager.default.removeItem(at: staging)
    }

    func finish() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Staging folders of processes that no longer run (a write killed half-way).
    static func removeStale(in stagingRoot: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: stagingRoot.path)) ?? [] {
            guard let pid = Int32(name.split(separator: "-").first ?? ""), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: stagingRoot.appendingPathComponent(name))
            }
        }
    }
}

/// One writer at a time: an exclusive lock on the marker file for the length of a write.
final class ArchiveLock {
    private let descriptor: Int32

    init(root: URL) throws(ArchiveError) {
        descriptor = open(root.appendingPathComponent(ArchiveLayout.manifestName).path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ArchiveError("\(ArchiveLayout.manifestName): cannot be opened (\(String(cString: strerror(errno))))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw ArchiveError("another agendac is writing to this archive; try again when it is done")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// `rename(2)`, named apart from the archive's own `rename` methods.
private func systemRename(_ old: String, _ new: String) -> Int32 {
    rename(old, new)
}
