import AgendaBase
import AgendaIDE

/// `textDocument/codeAction`: quick fixes for the diagnostics in the range,
/// each with the diagnostic it fixes (as published) and its edit, and
/// suggestions that fix nothing (`refactor.rewrite`: a KLE subject for an item).
enum CodeActionHandler {
    static let quickFix = "quickfix"
    static let rewrite = "refactor.rewrite"
    static let capability = Capability("codeActionProvider", always: .object([
        ("codeActionKinds", .array([.string(quickFix), .string(rewrite)])),
        ("resolveProvider", .bool(false)),
    ]))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let range = try context.range(in: document)
        // a client asking only for some kinds (`refactor`, `source`) gets those
        let only = context.params?["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        func wanted(_ kind: String) -> Bool { only.map { $0.contains { kind.hasPrefix($0) } } ?? true }
        guard wanted(quickFix) || wanted(rewrite) else { return .result(.array([])) }
        let actions = CodeActions.actions(in: document.analysis, for: range, context: context.ideContext(for: document))
            .filter { wanted($0.kind == .quickFix ? quickFix : rewrite) }
        try context.token.check()
        return .result(.array(actions.map { action in
            var members = JSONObjectBuilder()
            members.set("title", action.title)
            members.set("kind", action.kind == .quickFix ? quickFix : rewrite)
            if let diagnostic = action.diagnostic {
                members.set("diagnostics", .array([DiagnosticConversion.json(diagnostic, positions: document.positions)]))
            }
            if action.isPreferred { members.set("isPreferred", true) }
            members.set("edit", context.workspaceEdit(action.edits, in: document))
            return members.json
        }))
    }
}
