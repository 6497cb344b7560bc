import AgendaBase

/// A server capability a route backs: where it goes in `ServerCapabilities`
/// and its value for a given client (nil: not advertised to this client).
struct Capability: Sendable {
    let path: [String]
    let value: @Sendable (ClientCapabilities) -> JSON?

    init(_ path: String..., value: @escaping @Sendable (ClientCapabilities) -> JSON?) {
        self.path = path
        self.value = value
    }

    init(_ path: String..., always value: JSON) {
        self.path = path
        self.value = { _ in value }
    }
}

struct RequestRoute: Sendable {
    let method: String
    let capability: Capability?
    let handle: @Sendable (HandlerContext) throws(ResponseError) -> Reply
}

struct NotificationRoute: Sendable {
    let method: String
    let capability: Capability?
    let handle: @Sendable (HandlerContext) -> Void
}

/// The one table of what the server does: method → handler, each with the
/// capability it backs. `initialize` advertises exactly the capabilities of
/// this table, so nothing is advertised without a handler behind it.
/// (The lifecycle messages — initialize, initialized, shutdown, exit,
/// $/cancelRequest — are the dispatcher's own.)
public enum ServerFeatures {
    static let requests: [RequestRoute] = [
        RequestRoute(method: "textDocument/diagnostic", capability: PullDiagnostics.capability, handle: PullDiagnostics.handle),
        RequestRoute(method: "textDocument/completion", capability: CompletionHandler.capability, handle: CompletionHandler.handle),
        RequestRoute(method: "textDocument/hover", capability: HoverHandler.capability, handle: HoverHandler.handle),
        RequestRoute(method: "textDocument/documentSymbol", capability: DocumentSymbolHandler.capability, handle: DocumentSymbolHandler.handle),
        RequestRoute(method: "workspace/symbol", capability: WorkspaceSymbolHandler.capability, handle: WorkspaceSymbolHandler.handle),
        RequestRoute(method: "textDocument/foldingRange", capability: FoldingRangeHandler.capability, handle: FoldingRangeHandler.handle),
        RequestRoute(method: "textDocument/selectionRange", capability: SelectionRangeHandler.capability, handle: SelectionRangeHandler.handle),
        RequestRoute(method: "textDocument/definition", capability: NavigationHandlers.definitionCapability, handle: NavigationHandlers.definition),
        RequestRoute(method: "textDocument/references", capability: NavigationHandlers.referencesCapability, handle: NavigationHandlers.references),
        RequestRoute(method: "textDocument/formatting", capability: FormattingHandlers.documentCapability, handle: FormattingHandlers.formatDocument),
        RequestRoute(method: "textDocument/rangeFormatting", capability: FormattingHandlers.rangeCapability, handle: FormattingHandlers.formatRange),
        RequestRoute(method: "textDocument/codeAction", capability: CodeActionHandler.capability, handle: CodeActionHandler.handle),
        RequestRoute(method: "codeAction/resolve", capability: nil, handle: CodeActionHandler.resolve),
        RequestRoute(method: "textDocument/semanticTokens/full", capability: SemanticTokensHandler.capability, handle: SemanticTokensHandler.full),
        RequestRoute(method: "textDocument/semanticTokens/range", capability: nil, handle: SemanticTokensHandler.range),
    ]

    static let notifications: [NotificationRoute] = [
        NotificationRoute(method: "textDocument/didOpen", capability: nil, handle: TextSynchronization.didOpen),
        NotificationRoute(method: "textDocument/didChange", capability: TextSynchronization.capability, handle: TextSynchronization.didChange),
        NotificationRoute(method: "textDocument/didClose", capability: nil, handle: TextSynchronization.didClose),
        NotificationRoute(method: "textDocument/didSave", capability: nil, handle: TextSynchronization.didSave),
        NotificationRoute(method: "workspace/didChangeWatchedFiles", capability: nil, handle: WorkspaceNotifications.didChangeWatchedFiles),
        NotificationRoute(method: "workspace/didChangeConfiguration", capability: nil, handle: WorkspaceNotifications.didChangeConfiguration),
        NotificationRoute(method: "workspace/didChangeWorkspaceFolders", capability: WorkspaceNotifications.foldersCapability, handle: WorkspaceNotifications.didChangeWorkspaceFolders),
    ]

    private static let requestsByMethod = Dictionary(requests.map { ($0.method, $0) }, uniquingKeysWith: { first, _ in first })
    private static let notificationsByMethod = Dictionary(notifications.map { ($0.method, $0) }, uniquingKeysWith: { first, _ in first })

    static func request(_ method: String) -> RequestRoute? { requestsByMethod[method] }
    static func notification(_ method: String) -> NotificationRoute? { notificationsByMethod[method] }

    /// Every method the server answers or acts on, lifecycle included.
    public static var handledMethods: Set<String> {
        Set(requests.map(\.method) + notifications.map(\.method) + ["initialize", "initialized", "shutdown", "exit", "$/cancelRequest"])
    }

    /// The `ServerCapabilities` for a client, from the table.
    public static func capabilities(for client: ClientCapabilities, encoding: PositionEncoding) -> JSON {
        var result: [(String, JSON)] = [("positionEncoding", .string(encoding.name))]
        let capabilities = notifications.compactMap(\.capability) + requests.compactMap(\.capability)
        for capability in capabilities {
            guard let value = capability.value(client) else { continue }
            insert(value, at: capability.path[...], into: &result)
        }
        return .object(result)
    }

    /// Puts `value` at a nested path, merging with objects already there.
    private static func insert(_ value: JSON, at path: ArraySlice<String>, into members: inout [(String, JSON)]) {
        guard let key = path.first else { return }
        let rest = path.dropFirst()
        let existing = members.firstIndex { $0.0 == key }
        if rest.isEmpty {
            if let existing { members[existing].1 = value } else { members.append((key, value)) }
            return
        }
        var nested = existing.flatMap { members[$0].1.objectValue } ?? []
        insert(value, at: rest, into: &nested)
        if let existing { members[existing].1 = .object(nested) } else { members.append((key, .object(nested))) }
    }
}
