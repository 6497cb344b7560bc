import AgendaBase
import AgendaIDE
import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Where the server is in the LSP lifecycle.
enum Lifecycle: Sendable, Equatable {
    /// Waiting for `initialize`; every other request is refused with ServerNotInitialized.
    case uninitialized
    /// `initialize` answered; serving.
    case running
    /// `shutdown` answered; only `exit` is left.
    case shutDown
    /// `exit` received or the input ended: the process is about to end with `code`.
    case exited(code: Int32)
}

/// Everything the server knows, touched only on the work queue (`queue`), so
/// notifications and requests see the effects of every message before them.
final class ServerState: @unchecked Sendable {
    let queue: DispatchQueue
    let connection: Connection
    let options: LanguageServer.Options

    var lifecycle = Lifecycle.uninitialized
    /// Whether `shutdown` has arrived, readable from any thread (the writer's
    /// failure handler asks it): after it, a client closing its end is the normal end.
    let shutdownReceived = Locked(false)
    var client = ClientCapabilities()
    var encoding = PositionEncoding.utf16
    var documents = DocumentStore()
    let settings = SettingsCache()
    /// The archives the settings name, for the `sagens gang:` check, hover and references.
    let archives = ArchiveCache(identify: { DocumentURI.uri(for: $0) })
    let workspace: Workspace
    lazy var diagnostics = DiagnosticsPublisher(state: self)
    let featureIndex = FeatureIndex()

    init(queue: DispatchQueue, connection: Connection, options: LanguageServer.Options) {
        self.queue = queue
        self.connection = connection
        self.options = options
        self.workspace = Workspace(settings: settings, archives: archives)
        archives.onLoad { [weak self] in
            guard let self else { return }
            queue.async { self.archiveLoaded() }
        }
    }

    /// A fresh analysis cell for a text of `uri`, under the current settings.
    /// `previous` and `edits`: the cell before an edit and the edit, so that only what it touches is analysed again.
    func analysisCell(uri: String, source: SourceText, after previous: AnalysisCell? = nil, edits: [TextEdit] = []) -> AnalysisCell {
        let (context, problems) = settings.context(forURI: uri)
        let archive = archives.use(for: context.settings)
        return AnalysisCell(source: source, context: context, settingsProblems: problems + (archive?.problem.map { [$0] } ?? []),
                            archive: archive?.context, isStyleFile: StyleFileAssist.isStyleFile(uri), after: previous, edits: edits)
    }

    /// The text of `uri`: the open document's, else the indexed or on-disk file's.
    func analysis(forURI uri: String) -> (cell: AnalysisCell, version: Int?)? {
        if let document = documents.document(uri) { return (document.analysis, document.version) }
        if let indexed = workspace.files[DocumentURI.canonical(uri)] {
            // the archive may have been loaded since the file was indexed: read it against the archive as it is now
            guard indexed.analysis.context.settings?.archiveURL != nil else { return (indexed.analysis, nil) }
            return (analysisCell(uri: indexed.uri, source: indexed.analysis.source, after: indexed.analysis), nil)
        }
        // never any other file: a request must not make the server read, say, /etc/shadow
        guard let url = DocumentURI.fileURL(of: uri), workspace.mayRead(url),
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return (analysisCell(uri: uri, source: SourceText(bytes: Array(data))), nil)
    }

    /// The archive loads the open documents were last checked after.
    var archiveGeneration = 0

    /// An archive was loaded (again): the open documents' `sagens gang:` lines are
    /// checked against it; their own analyses are kept, nothing else changed.
    /// Runs after every load, and sooner when a request finds a load it has not seen.
    func archiveLoaded() {
        let generation = archives.generation
        guard lifecycle == .running, generation != archiveGeneration else { return }
        archiveGeneration = generation
        for document in documents.all {
            var updated = document
            updated.analysis = analysisCell(uri: document.uri, source: document.source, after: document.analysis)
            documents.store(updated)
        }
        diagnostics.refreshAll()
    }

    /// The workspace settings or the client's `kleFile` changed: analyze everything again.
    func settingsChanged() {
        settings.invalidate()
        for document in documents.all {
            var updated = document
            updated.analysis = analysisCell(uri: document.uri, source: document.source)
            documents.store(updated)
        }
        workspace.settingsChanged()
        diagnostics.refreshAll()
    }
}

extension ServerState {
    /// A line on standard error (clients show it in their server log); never on the protocol stream.
    func log(_ message: String) {
        options.log?(message)
    }

    /// Indexes the workspace folders in the background, with progress if the client shows it.
    func startIndexing() {
        guard !workspace.roots.isEmpty else { return }
        let progress = client.workDoneProgress
            ? WorkDoneProgress(connection: connection, token: "agendac-index-\(UUID().uuidString)", title: "Indexing agendas")
            : nil
        let connection = connection
        workspace.startIndexing(progress: progress) { message in
            // a warning the user sees, and the same line in the server's log
            connection.notify("window/showMessage", .object([("type", .int(2)), ("message", .string(message))]))
            connection.notify("window/logMessage", .object([("type", .int(2)), ("message", .string(message))]))
        }
    }
}
