import AgendaBase
import AgendaIDE

/// `textDocument/definition` and `textDocument/references`, across the workspace.
enum NavigationHandlers {
    static let definitionCapability = Capability("definitionProvider", always: .bool(true))
    static let referencesCapability = Capability("referencesProvider", always: .bool(true))

    static func definition(_ context: HandlerContext) throws(ResponseError) -> Reply {
        try context.whenIndexed(findDefinition)
    }

    static func references(_ context: HandlerContext) throws(ResponseError) -> Reply {
        try context.whenIndexed(findReferences)
    }

    static func findDefinition(_ context: HandlerContext) throws(ResponseError) -> JSON {
        let document = try context.document()
        let offset = try context.position(in: document)
        let ide = context.ideContext(for: document)
        let locations = Navigation.definition(in: document.analysis, at: offset, context: ide)
        return .array(locations.compactMap { context.location($0, in: ide.workspace, current: document) })
    }

    static func findReferences(_ context: HandlerContext) throws(ResponseError) -> JSON {
        let document = try context.document()
        let offset = try context.position(in: document)
        let ide = context.ideContext(for: document)
        let includeDeclaration = context.params?["context"]?["includeDeclaration"]?.boolValue ?? true
        let locations = Navigation.references(in: document.analysis, at: offset, context: ide, includeDeclaration: includeDeclaration)
        // the archive's treatments, in archived sources the workspace does not hold
        var archived: [String: SourceText] = [:]
        return .array(locations.compactMap { location in
            context.location(location, in: ide.workspace, current: document)
                ?? context.archivedLocation(location, archive: ide.archive, sources: &archived)
        })
    }
}
