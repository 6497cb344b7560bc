import AgendaBase
import AgendaIDE
import Foundation

/// The workspace folders and the agenda files on disk below them, for the
/// features that look past the open documents (workspace symbols, references
/// across meetings, case numbers used elsewhere).
///
/// Indexing reads and analyzes every `*.agenda` file below the roots on a
/// background queue once the client is initialized, so `initialize` never
/// waits for it. Open documents override their files on disk: see
/// `FeatureIndex`. Safe to use from any thread.
public final class Workspace: Sendable {
    public struct IndexedFile: Sendable {
        public var uri: String
        public var analysis: AnalysisCell
    }

    /// Files above this size are not agendas anyone wrote; they are left out.
    static let maxFileBytes = 8 * 1024 * 1024
    static let maxFiles = 20_000
    static let fileExtension = "agenda"

    private struct State {
        var roots: [URL] = []
        var files: [String: IndexedFile] = [:]
        /// The files' analyses, keyed by canonical URI, for the IDE features.
        var index = WorkspaceIndex()
        /// Bumped on every change of `index`, so caches built on it know they are stale.
        var indexRevision = 0
        /// Bumped whenever the roots change, so an indexing run for old roots stops.
        var generation = 0
        var indexing = false
        var indexed = false
        /// File events and settings changes queued behind the indexing run.
        var pendingUpdates = 0
    }

    private let state = Locked(State())
    private let settings: SettingsCache
    private let queue = DispatchQueue(label: "agendac.lsp.workspace-index", qos: .utility)

    public init(settings: SettingsCache) {
        self.settings = settings
    }

    public var roots: [URL] { state.current.roots }

    public var isIndexed: Bool { state.current.indexed }

    /// The indexed files, by canonical URI.
    public var files: [String: IndexedFile] { state.current.files }

    /// The analyses of the files on disk, and the revision they have.
    public var index: (WorkspaceIndex, revision: Int) { state.withLock { ($0.index, $0.indexRevision) } }

    public func setRoots(_ roots: [URL]) {
        state.withLock { state in
            state.roots = roots.map(\.standardizedFileURL)
            state.files = [:]
            state.index = WorkspaceIndex()
            state.indexRevision += 1
            state.generation += 1
            state.indexing = false
            state.indexed = false
        }
    }

    /// Reads every agenda file below the roots in the background, reporting to `progress`.
    func startIndexing(progress: WorkDoneProgress?) {
        let (generation, roots) = state.withLock { state in
            state.indexing = true
            return (state.generation, state.roots)
        }
        progress?.create()
        queue.async { [self] in
            let found = Self.agendaFiles(below: roots)
            var files: [String: IndexedFile] = [:]
            var index = WorkspaceIndex()
            for (position, url) in found.enumerated() {
                guard state.current.generation == generation else { return }
                if let file = read(url) {
                    let key = DocumentURI.canonical(file.uri)
                    files[key] = file
                    index.update(file.analysis.analysis, id: key)
                }
                progress?.report(done: position + 1, of: found.count)
            }
            state.withLock { state in
                guard state.generation == generation else { return }
                state.files = files
                state.index = index
                state.indexRevision += 1
                state.indexed = true
            }
            progress?.end(message: "\(files.count) agenda files")
        }
    }

    /// Whether a feature would have to wait to see the whole workspace as it is now.
    public var isIndexing: Bool { state.withLock { ($0.indexing && !$0.indexed) || $0.pendingUpdates > 0 } }

    /// Waits (bounded) until indexing has finished, giving up early when cancelled.
    public func waitUntilIndexed(token: CancellationToken, timeout: TimeInterval = 30) throws(ResponseError) {
        let deadline = Date().addingTimeInterval(timeout)
        while isIndexing, Date() < deadline {
            try token.check()
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// A file was created, changed or deleted on disk (`workspace/didChangeWatchedFiles`).
    /// Read and analyzed on the index queue, after any indexing run, so a burst of
    /// events (a `git checkout`) never holds up the editor's requests.
    public func fileChanged(uri: String, deleted: Bool) {
        guard let url = DocumentURI.fileURL(of: uri), mayRead(url) else { return }
        let key = DocumentURI.canonical(uri)
        update { [self] in
            let file = deleted ? nil : read(url)
            let analysis = file?.analysis.analysis
            state.withLock { state in
                state.files[key] = file
                if let analysis { state.index.update(analysis, id: key) } else { state.index.remove(id: key) }
                state.indexRevision += 1
            }
        }
    }

    /// The settings changed: every file gets a fresh (lazy) analysis under the new
    /// settings. The index itself stays: it holds no checker findings.
    public func settingsChanged() {
        update { [self] in
            for (key, file) in files {
                let (context, problems) = settings.context(forURI: file.uri)
                let refreshed = IndexedFile(uri: file.uri, analysis: AnalysisCell(source: file.analysis.source, context: context, settingsProblems: problems))
                state.withLock { $0.files[key] = $0.files[key] == nil ? nil : refreshed }
            }
        }
    }

    /// Runs a change on the index queue, counted so `isIndexing` covers it.
    private func update(_ change: @escaping @Sendable () -> Void) {
        state.withLock { $0.pendingUpdates += 1 }
        queue.async { [self] in
            change()
            state.withLock { $0.pendingUpdates -= 1 }
        }
    }

    /// Whether the server may read a file it was not given: an agenda file below
    /// a workspace folder, as named and with its symbolic links resolved (a link
    /// inside the workspace to a file outside it does not count), and a regular file.
    func mayRead(_ url: URL) -> Bool {
        guard url.pathExtension == Self.fileExtension, contains(url) else { return false }
        let resolved = url.resolvingSymlinksInPath()
        guard contains(resolved) || resolvedRootsContain(resolved) else { return false }
        var status = stat()
        // a FIFO would block the read; a folder is not a document
        return stat(url.path, &status) != 0 || (status.st_mode & S_IFMT) == S_IFREG
    }

    private func resolvedRootsContain(_ resolved: URL) -> Bool {
        let path = resolved.path
        return roots.contains { root in
            let rootPath = root.resolvingSymlinksInPath().path
            return path.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
        }
    }

    /// Whether a file lies below one of the roots.
    func contains(_ url: URL) -> Bool {
        let path = url.standardizedFileURL.path
        return roots.contains { root in
            let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
            return path.hasPrefix(rootPath)
        }
    }

    private func read(_ url: URL) -> IndexedFile? {
        guard mayRead(url), let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int,
              size <= Self.maxFileBytes,
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let uri = DocumentURI.uri(for: url)
        let (context, problems) = settings.context(forURI: uri)
        return IndexedFile(uri: uri, analysis: AnalysisCell(source: SourceText(bytes: Array(data)), context: context, settingsProblems: problems))
    }

    /// The agenda files below the roots, sorted; hidden folders (`.git`, `.build`) are skipped.
    static func agendaFiles(below roots: [URL]) -> [URL] {
        var found: [URL] = []
        for root in roots {
            let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                            options: [.skipsHiddenFiles, .skipsPackageDescendants])
            while let next = enumerator?.nextObject() as? URL, found.count < maxFiles {
                if next.lastPathComponent == "node_modules" { enumerator?.skipDescendants() }
                if next.pathExtension == fileExtension { found.append(next.standardizedFileURL) }
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}
