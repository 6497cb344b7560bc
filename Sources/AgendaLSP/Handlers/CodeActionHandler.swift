import AgendaBase
import AgendaIDE

/// `textDocument/codeAction`: quick fixes for the diagnostics in the range,
/// each with the diagnostic it fixes (as published) and its edit.
enum CodeActionHandler {
    static let quickFix = "quickfix"
    static let capability = Capability("codeActionProvider", always: .object([
        ("codeActionKinds", .array([.string(quickFix)])),
        ("resolveProvider", .bool(false)),
    ]))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let range = try context.range(in: document)
        // a client asking only for other kinds (refactor, source) gets none
        if let only = context.params?["context"]?["only"]?.arrayValue?.compactMap(\.stringValue),
           !only.contains(where: { quickFix.hasPrefix($0) }) {
            return .result(.array([]))
        }
        let actions = CodeActions.actions(in: document.analysis, for: range, context: context.ideContext(for: document))
        try context.token.check()
        return .result(.array(actions.map { action in
            var members = JSONObjectBuilder()
            members.set("title", action.title)
            members.set("kind", quickFix)
            members.set("diagnostics", .array([DiagnosticConversion.json(action.diagnostic, positions: document.positions)]))
            if action.isPreferred { members.set("isPreferred", true) }
            members.set("edit", context.workspaceEdit(action.edits, in: document))
            return members.json
        }))
    }
}
