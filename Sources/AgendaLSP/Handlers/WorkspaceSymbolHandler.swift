import AgendaBase
import AgendaIDE

/// `workspace/symbol`: items across the workspace, once it is indexed.
enum WorkspaceSymbolHandler {
    static let capability = Capability("workspaceSymbolProvider", always: .bool(true))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        try context.whenIndexed { context in search(context.params?["query"]?.stringValue ?? "", context: context) }
    }

    static func search(_ query: String, context: HandlerContext) -> JSON {
        let index = context.state.featureIndex.current(workspace: context.state.workspace, documents: context.state.documents)
        return .array(WorkspaceSymbols.search(query, in: index).compactMap { symbol in
            guard let location = context.location(Location(documentID: symbol.documentID, range: symbol.range), in: index) else { return nil }
            var members = JSONObjectBuilder()
            members.set("name", symbol.name)
            members.set("kind", 12)  // Function, like items in the outline
            members.set("location", location)
            members.set("containerName", [symbol.containerName, symbol.detail].compactMap { $0 }.joined(separator: " · "))
            return members.json
        })
    }
}
