import AgendaBase
import AgendaIDE

/// `textDocument/completion`: the IDE's proposals as a `CompletionList`.
/// Snippets only for clients that support them; the server's order is kept
/// through `sortText`.
enum CompletionHandler {
    /// Where a new proposal list helps: after a keyword's colon, between words of a
    /// value, in dates (`.`, `-`), lists of names (`,`) and case numbers (`/`); `{` opens a slot in a style file's template.
    static let capability = Capability("completionProvider", always: .object([
        ("triggerCharacters", .array([":", " ", ".", "-", ",", "/", "{"].map(JSON.string))),
        ("resolveProvider", .bool(false)),
    ]))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let offset = try context.position(in: document)
        let list = StyleFileAssist.isStyleFile(document.uri)
            ? StyleFileAssist.completions(document.source, at: offset)
            : Completion.complete(in: document.analysis, at: offset, context: context.ideContext(for: document, indexingSelf: false))
        try context.token.check()
        let items = list.items.enumerated().map { index, item in
            json(item, order: index, positions: document.positions, context: context)
        }
        return .result(.object([("isIncomplete", .bool(list.isIncomplete)), ("items", .array(items))]))
    }

    static func json(_ item: CompletionItem, order: Int, positions: LSPPositions, context: HandlerContext) -> JSON {
        let client = context.client
        let snippet = client.snippets ? item.snippet : nil
        var members = JSONObjectBuilder()
        members.set("label", item.label)
        members.set("kind", kind(item.kind))
        members.set("detail", item.detail)
        if let documentation = item.documentation {
            members.set("documentation", context.markup(documentation, markdownSupported: client.markdownCompletionDocumentation))
        }
        // zero-padded, so the client's string sort keeps the server's order
        members.set("sortText", String(repeating: "0", count: max(0, 5 - String(order).count)) + String(order))
        members.set("filterText", item.filterText)
        members.set("insertTextFormat", snippet == nil ? 1 : 2)
        members.set("textEdit", .object([("range", positions.json(item.replaceRange)), ("newText", .string(snippet ?? item.insertText))]))
        return members.json
    }

    /// LSP `CompletionItemKind`.
    static func kind(_ kind: CompletionItem.Kind) -> Int {
        switch kind {
        case .keyword: 14     // Keyword
        case .value: 12       // Value
        case .person: 6       // Variable (people are variables in the semantic tokens too)
        case .party: 20       // EnumMember
        case .committee: 9    // Module
        case .caseNumber: 18  // Reference
        case .kleCode: 21     // Constant
        case .phrase: 1       // Text
        case .snippet: 15     // Snippet
        }
    }
}
