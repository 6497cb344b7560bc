import AgendaBase
import AgendaIDE

/// `textDocument/codeAction`: quick fixes for the diagnostics in the range,
/// each with the diagnostic it fixes (as published) and its edit, and
/// suggestions that fix nothing (`refactor.rewrite`: a KLE subject for an item).
///
/// A fix whose edits touch the whole document (renumbering the items) is
/// deferred: a client that resolves code actions gets it without `edit` and
/// with `data` naming the request, and `codeAction/resolve` works the edit
/// out; other clients get it worked out once per request.
enum CodeActionHandler {
    static let quickFix = "quickfix"
    static let rewrite = "refactor.rewrite"
    static let capability = Capability("codeActionProvider", always: .object([
        ("codeActionKinds", .array([.string(quickFix), .string(rewrite)])),
        ("resolveProvider", .bool(true)),
    ]))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let range = try context.range(in: document)
        guard let rangeJSON = context.params?["range"] else { throw ResponseError.invalidParams("range is missing") }
        // a client asking only for some kinds (`refactor`, `source`) gets those
        let only = context.params?["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        func wanted(_ kind: String) -> Bool { only.map { $0.contains { kind.hasPrefix($0) } } ?? true }
        guard wanted(quickFix) || wanted(rewrite) else { return .result(.array([])) }
        let actions = CodeActions.actions(in: document.analysis, for: range, context: context.ideContext(for: document))
        try context.token.check()
        var answers: [JSON] = []
        // `index` counts every action, so that resolve finds it again whatever `only` said
        for (index, action) in actions.enumerated() where wanted(action.kind == .quickFix ? quickFix : rewrite) {
            var members = JSONObjectBuilder()
            members.set("title", action.title)
            members.set("kind", action.kind == .quickFix ? quickFix : rewrite)
            if let diagnostic = action.diagnostic {
                members.set("diagnostics", .array([DiagnosticConversion.json(diagnostic, positions: document.positions)]))
            }
            if action.isPreferred { members.set("isPreferred", true) }
            if action.isDeferred && context.client.resolvesCodeActionEdits {
                members.set("data", .object([
                    ("uri", .string(document.uri)), ("version", document.version.map(JSON.int) ?? .null),
                    ("range", rangeJSON), ("index", .int(index)),
                ]))
            } else {
                members.set("edit", context.workspaceEdit(action.edits, in: document))
            }
            answers.append(members.json)
            try context.token.check()
        }
        return .result(.array(answers))
    }

    /// `codeAction/resolve`: the edit of an action sent without one. The
    /// action's `data` names the document version and the request it came
    /// from; an edited document answers ContentModified.
    static func resolve(_ context: HandlerContext) throws(ResponseError) -> Reply {
        guard let action = context.params, let members = action.objectValue else { throw ResponseError.invalidParams("params must be a CodeAction") }
        // an action that already carries its edit needs nothing
        if action["edit"] != nil { return .result(action) }
        guard let data = action["data"], let uri = data["uri"]?.stringValue, let index = data["index"]?.intValue, index >= 0,
              let rangeJSON = data["range"] else {
            throw ResponseError.invalidParams("data must name the uri, range and index the action was offered for")
        }
        let request = HandlerContext(params: .object([("textDocument", .object([("uri", .string(uri))])), ("range", rangeJSON)]),
                                     token: context.token, state: context.state)
        let document = try request.document()
        guard data["version"]?.intValue == document.version else { throw ResponseError.contentModified }
        let range = try request.range(in: document)
        let actions = CodeActions.actions(in: document.analysis, for: range, context: request.ideContext(for: document))
        guard index < actions.count, actions[index].title == action["title"]?.stringValue else { throw ResponseError.contentModified }
        let edit = request.workspaceEdit(actions[index].edits, in: document)
        try context.token.check()
        return .result(.object(members + [("edit", edit)]))
    }
}
