import AgendaBase
import AgendaSemantics

/// What a handler sees: the message's params, the server's state, and the
/// request's cancellation token (a token nobody cancels, for notifications).
/// Handlers run on the work queue.
struct HandlerContext {
    let params: JSON?
    let token: CancellationToken
    let state: ServerState

    var encoding: PositionEncoding { state.encoding }
    var client: ClientCapabilities { state.client }

    /// `params.textDocument.uri`.
    func documentURI() throws(ResponseError) -> String {
        guard let uri = params?["textDocument"]?["uri"]?.stringValue else {
            throw ResponseError.invalidParams("textDocument.uri is missing")
        }
        return uri
    }

    /// The document the request is about: the open one, else the file on disk.
    func document() throws(ResponseError) -> DocumentSnapshot {
        let uri = try documentURI()
        guard let (cell, version) = state.analysis(forURI: uri) else {
            throw ResponseError(.requestFailed, "\(uri) is neither open nor a readable file")
        }
        return DocumentSnapshot(uri: uri, version: version, cell: cell, encoding: encoding)
    }

    /// The byte offset of `params.position` in `document`.
    func position(in document: DocumentSnapshot, key: String = "position") throws(ResponseError) -> Int {
        guard let offset = document.positions.offset(params?[key]) else {
            throw ResponseError.invalidParams("\(key) must be {line, character} with non-negative integers")
        }
        return offset
    }

    /// The byte range of `params.range` in `document`.
    func range(in document: DocumentSnapshot, key: String = "range") throws(ResponseError) -> Range<Int> {
        guard let range = document.positions.range(params?[key]) else {
            throw ResponseError.invalidParams("\(key) must be {start, end} positions")
        }
        return range
    }
}

/// One version of a document as a request sees it.
struct DocumentSnapshot {
    let uri: String
    /// The client's version; nil for files read from disk.
    let version: Int?
    let cell: AnalysisCell
    let positions: LSPPositions

    init(uri: String, version: Int?, cell: AnalysisCell, encoding: PositionEncoding) {
        self.uri = uri
        self.version = version
        self.cell = cell
        self.positions = LSPPositions(cell.source, encoding)
    }

    var analysis: AnalyzedDocument { cell.analysis }
    var source: SourceText { cell.source }
}

/// A handler's answer: a result now, or work to run off the work queue (for
/// work that waits, such as workspace symbols waiting for the index).
enum Reply {
    case result(JSON)
    case deferred(@Sendable (CancellationToken) throws(ResponseError) -> JSON)
}
