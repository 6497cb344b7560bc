import AgendaBase
import AgendaFormat

/// `textDocument/formatting` and `textDocument/rangeFormatting`: the formatter's
/// edits, as LSP `TextEdit`s against the version the client has.
/// (The formatter has one canonical layout, so `options` such as tabSize are not consulted.)
enum FormattingHandlers {
    static let documentCapability = Capability("documentFormattingProvider", always: .bool(true))
    static let rangeCapability = Capability("documentRangeFormattingProvider", always: .bool(true))

    static func formatDocument(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let edits = Formatter.edits(document.source)
        try context.token.check()
        return .result(json(edits, positions: document.positions))
    }

    static func formatRange(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let range = try context.range(in: document)
        let edits = Formatter.edits(document.source, in: range)
        try context.token.check()
        return .result(json(edits, positions: document.positions))
    }

    static func json(_ edits: [TextEdit], positions: LSPPositions) -> JSON {
        .array(edits.map { edit in
            .object([("range", positions.json(edit.range)), ("newText", .string(edit.replacement))])
        })
    }
}
