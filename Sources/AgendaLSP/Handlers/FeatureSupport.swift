import AgendaBase
import AgendaIDE
import Dispatch

/// What the feature handlers share: the IDE context of a document, and
/// locations in any document of the workspace.
extension HandlerContext {
    /// The workspace (disk files, open documents in place of their copies) and
    /// the document's settings, as the IDE features take them.
    /// `indexingSelf: false` leaves the document's own index entry as it was (see `FeatureIndex`).
    func ideContext(for document: DocumentSnapshot, indexingSelf: Bool = true) -> IDEContext {
        let id = DocumentURI.canonical(document.uri)
        let workspace = state.featureIndex.current(workspace: state.workspace, documents: state.documents,
                                                   leavingStale: indexingSelf ? nil : id)
        var context = IDEContext(documentID: id, checkContext: document.cell.context, workspace: workspace)
        context.archive = state.archives.use(for: document.cell.context.settings)?.context
        return context
    }

    /// An LSP `Location` in an archived source (read from the archive, once per
    /// request through `sources`); nil for any other document.
    func archivedLocation(_ location: Location, archive: ArchiveContext?, sources: inout [String: SourceText]) -> JSON? {
        guard let archive else { return nil }
        let source: SourceText
        if let known = sources[location.documentID] {
            source = known
        } else {
            guard let read = archive.source(ofDocumentID: location.documentID) else { return nil }
            sources[location.documentID] = read
            source = read
        }
        guard location.range.upperBound <= source.bytes.count else { return nil }
        let positions = LSPPositions(source, encoding)
        return .object([("uri", .string(location.documentID)), ("range", positions.json(location.range))])
    }

    /// An LSP `Location` for a range in any document of the workspace (`current`
    /// is the request's own, which need not be open or indexed); nil when the
    /// document is no longer known.
    func location(_ location: Location, in index: WorkspaceIndex, current: DocumentSnapshot? = nil) -> JSON? {
        let source: SourceText
        let uri: String
        if let current, DocumentURI.canonical(current.uri) == location.documentID {
            (source, uri) = (current.source, current.uri)
        } else if let open = state.documents.document(location.documentID) {
            (source, uri) = (open.source, open.uri)
        } else if let indexed = index.document(location.documentID) {
            (source, uri) = (indexed.source, location.documentID)
        } else {
            return nil
        }
        let positions = LSPPositions(source, encoding)
        return .object([("uri", .string(uri)), ("range", positions.json(location.range))])
    }

    /// Text in Markdown, or as plain text for clients that cannot show Markdown.
    func markup(_ markdown: String, markdownSupported: Bool) -> JSON {
        .object([("kind", .string(markdownSupported ? "markdown" : "plaintext")), ("value", .string(markdown))])
    }

    /// A `WorkspaceEdit` changing one document; versioned when the client allows,
    /// so an edit computed for an older text is refused instead of misapplied.
    func workspaceEdit(_ edits: [TextEdit], in document: DocumentSnapshot) -> JSON {
        let lspEdits = FormattingHandlers.json(edits, positions: document.positions)
        if client.versionedEdits {
            let identifier = JSON.object([("uri", .string(document.uri)), ("version", document.version.map(JSON.int) ?? .null)])
            return .object([("documentChanges", .array([.object([("textDocument", identifier), ("edits", lspEdits)])]))])
        }
        return .object([("changes", .object([(document.uri, lspEdits)]))])
    }

    /// Runs a cross-document feature once the workspace is indexed and its
    /// archive loaded: at once if they are, else after waiting off the work queue,
    /// then back on it. A document edited meanwhile answers ContentModified: the
    /// position no longer means what the client meant.
    func whenIndexed(_ body: @escaping @Sendable (HandlerContext) throws(ResponseError) -> JSON) throws(ResponseError) -> Reply {
        try whenReady(indexing: true, body)
    }

    /// Runs a feature that reads the archive (diagnostics) once no archive is loading.
    func whenArchivesLoaded(_ body: @escaping @Sendable (HandlerContext) throws(ResponseError) -> JSON) throws(ResponseError) -> Reply {
        try whenReady(indexing: false, body)
    }

    private func whenReady(indexing: Bool, _ body: @escaping @Sendable (HandlerContext) throws(ResponseError) -> JSON) throws(ResponseError) -> Reply {
        // an archive whose catalog changed since it was loaded starts loading again here, and is waited for
        if let uri = params?["textDocument"]?["uri"]?.stringValue {
            let settings = state.documents.document(uri)?.analysis.context.settings ?? state.settings.context(forURI: uri).0.settings
            _ = state.archives.use(for: settings)
        }
        guard (indexing && state.workspace.isIndexing) || state.archives.isLoading else {
            // a load that ended while this request waited in the queue: its documents are checked first
            state.archiveLoaded()
            return .result(try body(self))
        }
        let uri = params?["textDocument"]?["uri"]?.stringValue
        let version = uri.flatMap { state.documents.document($0)?.version }
        let context = self
        return .deferred { token throws(ResponseError) in
            if indexing { try context.state.workspace.waitUntilIndexed(token: token) }
            try context.state.archives.waitUntilLoaded(token: token)
            try token.check()
            let result = context.state.queue.sync { () -> Result<JSON, ResponseError> in
                context.state.archiveLoaded()
                if let uri, context.state.documents.document(uri)?.version != version { return .failure(.contentModified) }
                do throws(ResponseError) { return .success(try body(context)) } catch { return .failure(error) }
            }
            return try result.get()
        }
    }
}
