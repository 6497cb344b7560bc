import AgendaBase

/// `textDocument/diagnostic`: diagnostics on request, for clients that pull.
/// Advertised only to those clients; the others get them pushed, never both.
enum PullDiagnostics {
    static let capability = Capability("diagnosticProvider") { client in
        guard client.pullDiagnostics else { return nil }
        return .object([
            ("identifier", .string(DiagnosticConversion.source)),
            ("interFileDependencies", .bool(false)),
            ("workspaceDiagnostics", .bool(false)),
        ])
    }

    /// Waits for an archive that is loading, so the first answer already reads `sagens gang:` lines against it.
    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        try context.whenArchivesLoaded(report)
    }

    static func report(_ context: HandlerContext) throws(ResponseError) -> JSON {
        let document = try context.document()
        let resultID = String(document.cell.serial)
        if context.params?["previousResultId"]?.stringValue == resultID {
            return .object([("kind", .string("unchanged")), ("resultId", .string(resultID))])
        }
        let diagnostics = document.cell.diagnostics
        try context.token.check()
        return .object([
            ("kind", .string("full")),
            ("resultId", .string(resultID)),
            ("items", DiagnosticConversion.json(diagnostics, positions: document.positions)),
        ])
    }
}
