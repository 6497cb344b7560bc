import AgendaBase
import AgendaIDE

/// `textDocument/documentSymbol`: the outline, nested for clients that show
/// hierarchies, else flattened to `SymbolInformation` with container names.
enum DocumentSymbolHandler {
    static let capability = Capability("documentSymbolProvider", always: .bool(true))

    static func handle(_ context: HandlerContext) throws(ResponseError) -> Reply {
        let document = try context.document()
        let symbols = DocumentSymbols.symbols(in: document.analysis)
        if context.client.hierarchicalSymbols {
            return .result(.array(symbols.map { nested($0, positions: document.positions) }))
        }
        var flat: [JSON] = []
        flatten(symbols, container: nil, uri: document.uri, positions: document.positions, into: &flat)
        return .result(.array(flat))
    }

    static func nested(_ symbol: DocumentSymbol, positions: LSPPositions) -> JSON {
        var members = JSONObjectBuilder()
        members.set("name", displayName(symbol.name))
        members.set("detail", symbol.detail)
        members.set("kind", kind(symbol.kind))
        members.set("range", positions.json(symbol.range))
        members.set("selectionRange", positions.json(symbol.selectionRange))
        members.setIfNotEmpty("children", symbol.children.map { nested($0, positions: positions) })
        return members.json
    }

    static func flatten(_ symbols: [DocumentSymbol], container: String?, uri: String, positions: LSPPositions, into result: inout [JSON]) {
        for symbol in symbols {
            var members = JSONObjectBuilder()
            members.set("name", displayName(symbol.name))
            members.set("kind", kind(symbol.kind))
            members.set("location", .object([("uri", .string(uri)), ("range", positions.json(symbol.range))]))
            members.set("containerName", container)
            result.append(members.json)
            flatten(symbol.children, container: displayName(symbol.name), uri: uri, positions: positions, into: &result)
        }
    }

    /// Clients reject symbols with empty names.
    static func displayName(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).isEmpty ? "(uden navn)" : name
    }

    /// LSP `SymbolKind`.
    static func kind(_ kind: DocumentSymbol.Kind) -> Int {
        switch kind {
        case .meeting: 2      // Module
        case .item: 12        // Function (item titles are functions in the semantic tokens too)
        case .section: 8      // Field
        case .heading: 15     // String
        case .decisionField: 7  // Property
        case .signatures: 24  // Event
        case .vote: 24        // Event: something that happened at the meeting
        case .conflictOfInterest: 7  // Property: of the item
        }
    }
}
