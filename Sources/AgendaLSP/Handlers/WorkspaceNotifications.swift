import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Changes around the documents: files on disk, the client's settings, the workspace folders.
enum WorkspaceNotifications {
    static let foldersCapability = Capability("workspace", "workspaceFolders", always: .object([
        ("supported", .bool(true)),
        ("changeNotifications", .bool(true)),
    ]))

    /// The files whose change means the settings must be read again.
    static func isSettingsFile(_ uri: String) -> Bool {
        guard let path = DocumentURI.path(of: uri) else { return false }
        let name = PathText.lastComponent(path)
        return name == WorkspaceSettings.fileName || name.lowercased().hasSuffix(".xml")
    }

    /// `workspace/didChangeWatchedFiles`: `agendac.json` (or a KLE file) → settings; `*.agenda` → index.
    static func didChangeWatchedFiles(_ context: HandlerContext) {
        let state = context.state
        var settingsChanged = false
        for change in context.params?["changes"]?.arrayValue ?? [] {
            guard let uri = change["uri"]?.stringValue else { continue }
            if isSettingsFile(uri) {
                settingsChanged = true
            } else {
                // FileChangeType 3 is Deleted
                state.workspace.fileChanged(uri: uri, deleted: change["type"]?.intValue == 3)
            }
        }
        if settingsChanged { state.settingsChanged() }
    }

    /// `workspace/didChangeConfiguration`: `agenda.kleFile`. Clients that send no
    /// settings (the pull model) are asked for them with `workspace/configuration`.
    static func didChangeConfiguration(_ context: HandlerContext) {
        let state = context.state
        if let kleFile = kleFile(inSettings: context.params?["settings"]) {
            applyKLEFile(kleFile, state: state)
        } else if state.client.configurationRequests {
            let items = JSON.object([("items", .array([.object([("section", .string("agenda"))])]))])
            state.connection.request("workspace/configuration", items) { reply in
                guard case .success(let values) = reply, let section = values[0],
                      let kleFile = section["kleFile"]?.stringValue else { return }
                state.queue.async { applyKLEFile(kleFile, state: state) }
            }
        }
    }

    /// Reads `kleFile` from `{"agenda": {"kleFile": …}}`, `{"agenda.kleFile": …}` or `{"kleFile": …}`.
    static func kleFile(inSettings settings: JSON?) -> String? {
        settings?["agenda"]?["kleFile"]?.stringValue ?? settings?["agenda.kleFile"]?.stringValue ?? settings?["kleFile"]?.stringValue
    }

    /// Sets the client's KLE file and analyzes everything again if it changed.
    static func applyKLEFile(_ path: String, state: ServerState) {
        if state.settings.setKLEOverride(resolveKLEPath(path, roots: state.workspace.roots)) { state.settingsChanged() }
    }

    /// An absolute path: `~/` expanded, relative paths against the first workspace folder.
    static func resolveKLEPath(_ path: String, roots: [URL]) -> String {
        guard !path.isEmpty, !path.hasPrefix("/") else { return path }
        if path.hasPrefix("~/") { return PathText.expandingTilde(path) }
        let base = roots.first ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return base.appendingPathComponent(path).path
    }

    /// `workspace/didChangeWorkspaceFolders`: index the new set of folders.
    static func didChangeWorkspaceFolders(_ context: HandlerContext) {
        let state = context.state
        let event = context.params?["event"]
        let removed = Set((event?["removed"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue }.compactMap(DocumentURI.fileURL).map(\.standardizedFileURL.path))
        let added = (event?["added"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue }.compactMap(DocumentURI.fileURL)
        let roots = state.workspace.roots.filter { !removed.contains($0.path) } + added
        state.workspace.setRoots(roots)
        state.startIndexing()
    }
}
