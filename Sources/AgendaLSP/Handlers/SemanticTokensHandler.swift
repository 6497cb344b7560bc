import AgendaBase
import AgendaIDE

/// `textDocument/semanticTokens/full` and `…/range`: the IDE's tokens,
/// relative-encoded as LSP wants (line delta, start delta, length, type,
/// modifiers), with starts and lengths in the negotiated unit.
enum SemanticTokensHandler {
    static let capability = Capability("semanticTokensProvider", always: .object([
        ("legend", .object([
            ("tokenTypes", .array(SemanticTokens.tokenTypes.map(JSON.string))),
            ("tokenModifiers", .array(SemanticTokens.tokenModifiers.map(JSON.string))),
        ])),
        ("full", .bool(true)),
        ("range", .bool(true)),
    ]))

    static func full(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let tokens = SemanticTokens.tokens(in: document.analysis)
        try context.token.check()
        return .result(.object([("data", .array(encode(tokens, positions: document.positions).map(JSON.int)))]))
    }

    /// The tokens of the visible part only: editors ask for it first on large files.
    static func range(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let range = try context.range(in: document)
        let tokens = SemanticTokens.tokens(in: document.analysis, within: range)
        try context.token.check()
        return .result(.object([("data", .array(encode(tokens, positions: document.positions).map(JSON.int)))]))
    }

    /// The relative encoding; tokens out of order, empty or crossing a line are skipped.
    static func encode(_ tokens: [SemanticToken], positions: LSPPositions) -> [Int] {
        var data: [Int] = []
        data.reserveCapacity(tokens.count * 5)
        var previous = LineColumn(line: 0, column: 0)
        // tokens come in order: count each column on from the token before (a long line costs its length once)
        var cursor = positions.cursor()
        for token in tokens {
            let start = cursor.position(of: token.range.lowerBound)
            let end = cursor.position(of: token.range.upperBound)
            guard end.line == start.line, end.column > start.column, start >= previous else { continue }
            data += [
                start.line - previous.line,
                start.line == previous.line ? start.column - previous.column : start.column,
                end.column - start.column,
                token.type.rawValue,
                Int(token.modifiers),
            ]
            previous = start
        }
        return data
    }
}
