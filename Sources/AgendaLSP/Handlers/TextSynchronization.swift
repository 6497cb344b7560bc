import AgendaBase

/// `textDocument/didOpen`, `didChange`, `didClose`, `didSave`: keeping the
/// client's texts. Each edit makes a fresh analysis cell (computed lazily) and
/// schedules diagnostics.
enum TextSynchronization {
    /// Incremental sync (2); `didChange` also takes whole-text changes.
    static let capability = Capability("textDocumentSync", always: .object([
        ("openClose", .bool(true)),
        ("change", .int(2)),
        ("save", .object([("includeText", .bool(false))])),
    ]))

    static func didOpen(_ context: HandlerContext) {
        guard let item = context.params?["textDocument"], let uri = item["uri"]?.stringValue,
              let text = item["text"]?.stringValue else {
            context.state.log("didOpen without textDocument.uri and text; ignored")
            return
        }
        let state = context.state
        let document = OpenDocument(uri: uri, version: item["version"]?.intValue ?? 0,
                                    languageID: item["languageId"]?.stringValue ?? "agenda",
                                    analysis: state.analysisCell(uri: uri, source: SourceText(text)))
        state.documents.store(document)
        state.diagnostics.documentChanged(uri)
    }

    static func didChange(_ context: HandlerContext) {
        let state = context.state
        guard let identifier = context.params?["textDocument"], let uri = identifier["uri"]?.stringValue,
              var document = state.documents.document(uri) else {
            context.state.log("didChange for a document that is not open; ignored")
            return
        }
        let changes = context.params?["contentChanges"]?.arrayValue ?? []
        let retired = document.analysis
        // the store's reference goes below; the last one is let go off the work queue
        defer { retired.releaseInBackground() }
        do {
            let (source, edits) = try ContentChanges.edits(changes, to: document.source, encoding: state.encoding)
            document.analysis = state.analysisCell(uri: document.uri, source: source, after: retired, edits: edits)
        } catch {
            // a change we cannot read leaves the document out of step; say so rather than guess
            state.log("didChange for \(uri): \(error.message); the document may be out of date until reopened")
            return
        }
        document.version = identifier["version"]?.intValue ?? document.version + 1
        state.documents.store(document)
        state.diagnostics.documentChanged(uri)
    }

    static func didClose(_ context: HandlerContext) {
        guard let uri = context.params?["textDocument"]?["uri"]?.stringValue else { return }
        guard let closed = context.state.documents.close(uri) else { return }
        context.state.diagnostics.documentClosed(closed.uri)
    }

    /// Saving `agendac.json` (when the client syncs it) changes the settings.
    static func didSave(_ context: HandlerContext) {
        guard let uri = context.params?["textDocument"]?["uri"]?.stringValue else { return }
        if WorkspaceNotifications.isSettingsFile(uri) { context.state.settingsChanged() }
    }
}
