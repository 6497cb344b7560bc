import AgendaArchive
import AgendaBase
import AgendaIDE
import AgendaSemantics
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The archives the workspace settings name (`archive` in `agendac.json`),
/// each loaded once on a background queue (opening it compiles every archived
/// meeting) and loaded again when its catalog changes: each use compares the
/// catalog file's identity, size and modification time, one `stat`, with the
/// ones the last load read. Until the first load ends, features see no archive.
///
/// Only the archive folder a settings file names is read, never another.
/// Safe to use from any thread.
public final class ArchiveCache: Sendable {
    /// What a use of an archive gets: its context as last loaded, or why it cannot be read.
    public struct Use: Sendable {
        public var context: ArchiveContext?
        /// A finding for the document whose settings name an unusable archive.
        public var problem: Diagnostic?
    }

    /// The catalog file as `stat` saw it; the store replaces it on every change.
    struct Stamp: Equatable, Sendable {
        var inode: UInt64
        var size: Int64
        var modified: TimeInterval

        static let missing = Stamp(inode: 0, size: -1, modified: 0)

        init(inode: UInt64, size: Int64, modified: TimeInterval) {
            self.inode = inode
            self.size = size
            self.modified = modified
        }

        init(of url: URL) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
                self = .missing
                return
            }
            inode = (attributes[.systemFileNumber] as? UInt64) ?? (attributes[.systemFileNumber] as? UInt).map(UInt64.init) ?? 0
            size = (attributes[.size] as? UInt).map(Int64.init) ?? (attributes[.size] as? Int64) ?? (attributes[.size] as? Int).map(Int64.init) ?? -1
            modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        }
    }

    private struct Entry {
        var context: ArchiveContext?
        var problem: String?
        /// The catalog as the latest load (finished or running) found it.
        var stamp: Stamp
        var loading: Bool
    }

    private let entries = Locked<[String: Entry]>([:])
    private let loads = Locked(0)
    private let queue = DispatchQueue(label: "agendac.lsp.archive", qos: .utility)
    private let identify: @Sendable (URL) -> String
    private let loaded: Locked<(@Sendable () -> Void)?>

    /// `identify` names an archived source as the editor does (its `file:` URI).
    public init(identify: @escaping @Sendable (URL) -> String) {
        self.identify = identify
        loaded = Locked(nil)
    }

    /// `action` runs (on the loading queue) after each load, so the server can
    /// check its documents again.
    public func onLoad(_ action: @escaping @Sendable () -> Void) {
        loaded.withLock { $0 = action }
    }

    /// How many loads have ended: the server compares it with the count its documents were checked at.
    public var generation: Int { loads.current }

    /// Whether a load is running, so a feature answering now might miss the archive.
    public var isLoading: Bool { entries.withLock { $0.values.contains { $0.loading } } }

    /// The archive named by `settings`, as last loaded; starts a load when it was
    /// never loaded or its catalog changed since. Nil without `archive` in the settings.
    public func use(for settings: WorkspaceSettings?) -> Use? {
        guard let settings, let root = settings.archiveURL?.standardizedFileURL else { return nil }
        let stamp = Stamp(of: root.appendingPathComponent(ArchiveLayout.catalogName))
        let (entry, start) = entries.withLock { entries -> (Entry, Bool) in
            var entry = entries[root.path] ?? Entry(stamp: .missing, loading: false)
            let start = !entry.loading && (entries[root.path] == nil || entry.stamp != stamp)
            if start {
                entry.stamp = stamp
                entry.loading = true
                entries[root.path] = entry
            }
            return (entry, start)
        }
        if start { load(root, stamp: stamp) }
        let problem = entry.problem.map { reason in
            Diagnostic(.settingsUnreadable, 0..<0,
                "the archive named in \(settings.url.path) cannot be read (\(reason)), so `sagens gang:` lines are not checked against it; fix `archive` there")
        }
        return Use(context: entry.context, problem: problem)
    }

    private func load(_ root: URL, stamp: Stamp) {
        queue.async { [self] in
            var context: ArchiveContext?
            var problem: String?
            do throws(ArchiveError) {
                context = ArchiveContext(snapshot: try ArchiveStore.open(at: root).snapshot(), root: root, identify: identify)
            } catch {
                problem = error.description
            }
            entries.withLock { entries in
                entries[root.path]?.context = context
                entries[root.path]?.problem = problem
                loads.withLock { $0 += 1 }
                entries[root.path]?.loading = false
            }
            loaded.current?()
        }
    }

    /// Waits (bounded) until no load runs, giving up early when cancelled.
    public func waitUntilLoaded(token: CancellationToken, timeout: TimeInterval = 30) throws(ResponseError) {
        let deadline = Date().addingTimeInterval(timeout)
        while isLoading, Date() < deadline {
            try token.check()
            DetachedThread.sleep(seconds: 0.01)
        }
    }
}
