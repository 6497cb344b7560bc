import AgendaBase

/// What the client said it can do in `initialize`, reduced to the facts the
/// server acts on. Anything missing or malformed counts as "not supported".
public struct ClientCapabilities: Sendable {
    public var positionEncodings: [String]?
    /// `textDocument.diagnostic`: the client pulls diagnostics, so the server must not push.
    public var pullDiagnostics = false
    /// `workspace.diagnostics.refreshSupport`: the server may ask a pulling client to pull again.
    public var diagnosticRefresh = false
    /// `window.workDoneProgress`: the server may create progress tokens.
    public var workDoneProgress = false
    /// `textDocument.completion.completionItem.snippetSupport`.
    public var snippets = false
    /// `workspace.didChangeWatchedFiles.dynamicRegistration`: the server may register file watchers.
    public var watchedFilesRegistration = false
    /// `workspace.configuration`: the server may ask for settings.
    public var configurationRequests = false
    /// `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`.
    public var hierarchicalSymbols = false
    /// `textDocument.hover.contentFormat` contains `markdown`.
    public var markdownHover = false
    /// `textDocument.completion.completionItem.documentationFormat` contains `markdown`.
    public var markdownCompletionDocumentation = false
    /// `workspace.workspaceEdit.documentChanges`: edits may name the document version they apply to.
    public var versionedEdits = false
    /// `textDocument.codeAction.resolveSupport.properties` contains `edit`: code actions may come without their edit.
    public var resolvesCodeActionEdits = false

    public init() {}

    public init(_ json: JSON?) {
        guard let json else { return }
        let textDocument = json["textDocument"]
        let workspace = json["workspace"]
        positionEncodings = json["general"]?["positionEncodings"]?.arrayValue?.compactMap(\.stringValue)
        pullDiagnostics = textDocument?["diagnostic"]?.objectValue != nil
        diagnosticRefresh = workspace?["diagnostics"]?["refreshSupport"]?.boolValue ?? false
        workDoneProgress = json["window"]?["workDoneProgress"]?.boolValue ?? false
        snippets = textDocument?["completion"]?["completionItem"]?["snippetSupport"]?.boolValue ?? false
        watchedFilesRegistration = workspace?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        configurationRequests = workspace?["configuration"]?.boolValue ?? false
        hierarchicalSymbols = textDocument?["documentSymbol"]?["hierarchicalDocumentSymbolSupport"]?.boolValue ?? false
        markdownHover = (textDocument?["hover"]?["contentFormat"]?.arrayValue ?? []).contains(.string("markdown"))
        markdownCompletionDocumentation = (textDocument?["completion"]?["completionItem"]?["documentationFormat"]?.arrayValue ?? [])
            .contains(.string("markdown"))
        versionedEdits = workspace?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
        resolvesCodeActionEdits = (textDocument?["codeAction"]?["resolveSupport"]?["properties"]?.arrayValue ?? []).contains(.string("edit"))
    }
}
