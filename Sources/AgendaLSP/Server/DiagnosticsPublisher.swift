import AgendaBase
import Dispatch

/// Pushes `textDocument/publishDiagnostics` for clients that do not pull.
///
/// Each edit restarts a short timer for its document; when it fires, the
/// analysis runs off the work queue and the result is published only if the
/// document is still at the version analyzed, so a publish never describes an
/// older text than the client has. Lives on the work queue.
final class DiagnosticsPublisher: @unchecked Sendable {
    private unowned let state: ServerState
    private var timers: [String: DispatchWorkItem] = [:]
    private let analysisQueue = DispatchQueue(label: "agendac.lsp.diagnostics", qos: .userInitiated)

    init(state: ServerState) {
        self.state = state
    }

    private var pushes: Bool { !state.client.pullDiagnostics }

    func documentChanged(_ uri: String) {
        guard pushes else { return }
        let key = DocumentURI.canonical(uri)
        timers[key]?.cancel()
        let timer = DispatchWorkItem { [self] in
            timers[key] = nil
            analyze(uri)
        }
        timers[key] = timer
        state.queue.asyncAfter(deadline: .now() + state.options.diagnosticsDelay, execute: timer)
    }

    /// Clears the closed document's diagnostics in the editor.
    func documentClosed(_ uri: String) {
        let key = DocumentURI.canonical(uri)
        timers[key]?.cancel()
        timers[key] = nil
        guard pushes else { return }
        state.connection.notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))]))
    }

    /// After a settings change: push again, or ask a pulling client to pull again.
    func refreshAll() {
        if pushes {
            for document in state.documents.all { documentChanged(document.uri) }
        } else if state.client.diagnosticRefresh {
            state.connection.request("workspace/diagnostic/refresh", nil)
        }
    }

    private func analyze(_ uri: String) {
        guard state.lifecycle == .running, let document = state.documents.document(uri) else { return }
        let cell = document.analysis
        let positions = LSPPositions(cell.source, state.encoding)
        analysisQueue.async { [self] in
            let diagnostics = DiagnosticConversion.json(cell.diagnostics, positions: positions)
            state.queue.async { [self] in
                // only if nothing changed while we analyzed
                guard state.lifecycle == .running, let current = state.documents.document(uri), current.analysis === cell else { return }
                state.connection.notify("textDocument/publishDiagnostics", .object([
                    ("uri", .string(current.uri)),
                    ("version", .int(current.version)),
                    ("diagnostics", diagnostics),
                ]))
            }
        }
    }
}
