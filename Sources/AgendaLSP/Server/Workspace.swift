import AgendaBase
import AgendaIDE
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

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

    /// How far indexing goes. An editor opened on a home folder or on `/` must
    /// not make the server read the machine: the walk, the files and their
    /// bytes are all bounded, and a stop is reported to the user. The client
    /// may set them in `initializationOptions.index`.
    public struct Limits: Sendable, Equatable {
        /// Agenda files read at most.
        public var maxFiles = 2_000
        /// Bytes of agenda files read at most, all files together.
        public var maxBytes = 32 * 1024 * 1024
        /// Files above this size are not agendas anyone wrote; they are left out.
        public var maxFileBytes = 8 * 1024 * 1024
        /// Folder entries looked at while searching for agenda files.
        public var maxEntries = 100_000

        public init() {}

        /// The defaults, with any of `maxFiles`, `maxBytes`, `maxFileBytes`, `maxEntries` from `options` (positive integers).
        public init(_ options: JSON?) {
            func value(_ key: String) -> Int? { options?[key]?.intValue.flatMap { $0 > 0 ? $0 : nil } }
            maxFiles = value("maxFiles") ?? maxFiles
            maxBytes = value("maxBytes") ?? maxBytes
            maxFileBytes = value("maxFileBytes") ?? maxFileBytes
            maxEntries = value("maxEntries") ?? maxEntries
        }
    }

    /// What an indexing run found, and why it stopped early, if it did.
    struct Search {
        var files: [URL] = []
        var stop: String?
    }

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
        var limits = Limits()
    }

    private let state = Locked(State())
    private let settings: SettingsCache
    private let archives: ArchiveCache?
    private let queue = DispatchQueue(label: "agendac.lsp.workspace-index", qos: .utility)

    /// `archives`: the archives the settings name, which the files' `sagens gang:` lines are read against.
    public init(settings: SettingsCache, archives: ArchiveCache? = nil) {
        self.settings = settings
        self.archives = archives
    }

    public var roots: [URL] { state.current.roots }

    public var isIndexed: Bool { state.current.indexed }

    /// The indexed files, by canonical URI.
    public var files: [String: IndexedFile] { state.current.files }

    /// The analyses of the files on disk, and the revision they have.
    public var index: (WorkspaceIndex, revision: Int) { state.withLock { ($0.index, $0.indexRevision) } }

    public var limits: Limits {
        get { state.current.limits }
        set { state.withLock { $0.limits = newValue } }
    }

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

    /// Reads the agenda files below the roots in the background, within
    /// `limits`, reporting to `progress`; `warn` gets a message for the user
    /// when a limit stops the run.
    func startIndexing(progress: WorkDoneProgress?, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        let (generation, roots, limits) = state.withLock { state in
            state.indexing = true
            return (state.generation, state.roots, state.limits)
        }
        progress?.create()
        queue.async { [self] in
            var search = Self.agendaFiles(below: roots, limits: limits) { entries in
                progress?.report(done: 0, of: 1, message: "searching folders (\(entries) entries)")
                return state.current.generation == generation
            }
            var files: [String: IndexedFile] = [:]
            var index = WorkspaceIndex()
            var bytes = 0
            for (position, url) in search.files.enumerated() {
                guard state.current.generation == generation else { return }
                guard let size = Self.size(of: url), size <= limits.maxFileBytes else { continue }
                if bytes + size > limits.maxBytes {
                    search.stop = "the agenda files reached \(limits.maxBytes / 1_048_576) MiB (`index.maxBytes`)"
                    break
                }
                if let file = read(url) {
                    bytes += size
                    let key = DocumentURI.canonical(file.uri)
                    files[key] = file
                    index.update(file.analysis.analysis, id: key)
                }
                progress?.report(done: position + 1, of: search.files.count)
            }
            state.withLock { state in
                guard state.generation == generation else { return }
                state.files = files
                state.index = index
                state.indexRevision += 1
                state.indexed = true
            }
            if let stop = search.stop {
                warn("agendac indexed \(files.count) agenda files and stopped: \(stop). Features across meetings (workspace symbols, references, case numbers used elsewhere) see only these; open a smaller folder, or raise the limit in the client's initializationOptions.")
            }
            progress?.end(message: "\(files.count) agenda files" + (search.stop == nil ? "" : " (stopped at a limit)"))
        }
    }

    /// Whether a feature would have to wait to see the whole workspace as it is now.
    public var isIndexing: Bool { state.withLock { ($0.indexing && !$0.indexed) || $0.pendingUpdates > 0 } }

    /// Waits (bounded) until indexing has finished, giving up early when cancelled.
    public func waitUntilIndexed(token: CancellationToken, timeout: TimeInterval = 30) throws(ResponseError) {
        let deadline = Date().addingTimeInterval(timeout)
        while isIndexing, Date() < deadline {
            try token.check()
            DetachedThread.sleep(seconds: 0.01)
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
                let refreshed = IndexedFile(uri: file.uri, analysis: cell(uri: file.uri, source: file.analysis.source))
                state.withLock { $0.files[key] = $0.files[key] == nil ? nil : refreshed }
            }
        }
    }

    /// An analysis of a file on disk under its settings and the archive they name.
    private func cell(uri: String, source: SourceText) -> AnalysisCell {
        let (context, problems) = settings.context(forURI: uri)
        let archive = archives?.use(for: context.settings)
        return AnalysisCell(source: source, context: context, settingsProblems: problems + (archive?.problem.map { [$0] } ?? []),
                            archive: archive?.context)
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
        guard mayRead(url), let size = Self.size(of: url), size <= limits.maxFileBytes,
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let uri = DocumentURI.uri(for: url)
        return IndexedFile(uri: uri, analysis: cell(uri: uri, source: SourceText(bytes: Array(data))))
    }

    static func size(of url: URL) -> Int? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    /// Whether a folder entry is a folder itself (not a link to one), asking the file system only when `readdir` could not tell.
    private static func isFolder(_ type: UInt8, _ path: String) -> Bool {
        if type != UInt8(DT_UNKNOWN) { return type == UInt8(DT_DIR) }
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The agenda files below the roots, sorted, within the limits of entries
    /// looked at and files found. Hidden folders (`.git`, `.build`) and
    /// `node_modules` are skipped; the file system's root is not searched at
    /// all. `going` is asked now and then whether to go on (and may report progress).
    static func agendaFiles(below roots: [URL], limits: Limits, going: (Int) -> Bool = { _ in true }) -> Search {
        var search = Search()
        var entries = 0
        var limitReached = false
        for root in roots where !limitReached {
            guard root.standardizedFileURL.path != "/" else {
                search.stop = "the workspace folder is the file system's root `/`, which is not searched"
                continue
            }
            // a stack of folders, not recursion; links to folders are not followed
            var folders = [root.standardizedFileURL.path]
            walk: while let folder = folders.popLast() {
                guard let directory = opendir(folder) else { continue }
                defer { closedir(directory) }
                while let entry = readdir(directory) {
                    let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                    // hidden entries (and `.`, `..`) are skipped and not counted
                    guard nameBytes.first != UInt8(ascii: "."), let name = String(validating: nameBytes, as: UTF8.self) else { continue }
                    entries += 1
                    if entries % 1_000 == 0, !going(entries) { return search }
                    if entries > limits.maxEntries {
                        search.stop = "it looked at \(limits.maxEntries) folder entries (`index.maxEntries`)"
                        limitReached = true
                        break walk
                    }
                    let path = PathText.appending(folder, name)
                    if name != "node_modules", isFolder(entry.pointee.d_type, path) { folders.append(path) }
                    guard name.hasSuffix(".\(fileExtension)") else { continue }
                    if search.files.count >= limits.maxFiles {
                        search.stop = "it found \(limits.maxFiles) agenda files (`index.maxFiles`)"
                        limitReached = true
                        break walk
                    }
                    search.files.append(URL(fileURLWithPath: path).standardizedFileURL)
                }
            }
        }
        search.files.sort { $0.path < $1.path }
        return search
    }
}
