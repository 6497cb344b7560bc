import AgendaBase
@testable import AgendaLSP
import Foundation
import Testing

/// The server advertises only what its handler table backs: every capability
/// in the `initialize` result names methods the server handles.
@Suite struct LSPCapabilityTests {
    /// ServerCapabilities keys → the methods a client will send because of them (LSP 3.17).
    static let methodsOfCapability: [String: [String]] = [
        "textDocumentSync": ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave"],
        "diagnosticProvider": ["textDocument/diagnostic"],
        "completionProvider": ["textDocument/completion"],
        "hoverProvider": ["textDocument/hover"],
        "documentSymbolProvider": ["textDocument/documentSymbol"],
        "workspaceSymbolProvider": ["workspace/symbol"],
        "foldingRangeProvider": ["textDocument/foldingRange"],
        "selectionRangeProvider": ["textDocument/selectionRange"],
        "definitionProvider": ["textDocument/definition"],
        "referencesProvider": ["textDocument/references"],
        "documentHighlightProvider": ["textDocument/documentHighlight"],
        "documentFormattingProvider": ["textDocument/formatting"],
        "documentRangeFormattingProvider": ["textDocument/rangeFormatting"],
        "codeActionProvider": ["textDocument/codeAction"],
        "renameProvider": ["textDocument/rename"],
        "documentLinkProvider": ["textDocument/documentLink"],
        "inlayHintProvider": ["textDocument/inlayHint"],
        "semanticTokensProvider": ["textDocument/semanticTokens/full"],
        "workspace.workspaceFolders": ["workspace/didChangeWorkspaceFolders"],
    ]

    static func everything() -> ClientCapabilities {
        ClientCapabilities(LSPTestClient.capabilities(pull: true, progress: true, snippets: true, encodings: ["utf-8", "utf-16"]))
    }

    static func check(_ capabilities: JSON) {
        for (key, value) in capabilities.objectValue ?? [] {
            if key == "positionEncoding" { continue }
            let keys = key == "workspace" ? (value.objectValue ?? []).map { "workspace.\($0.0)" } : [key]
            for key in keys {
                guard let methods = methodsOfCapability[key] else {
                    Issue.record("\(key) is advertised but this test does not know its methods; add them above")
                    continue
                }
                var wanted = methods
                if key == "semanticTokensProvider" {
                    if value["range"]?.boolValue == true { wanted.append("textDocument/semanticTokens/range") }
                    if value["full"]?["delta"]?.boolValue == true { wanted.append("textDocument/semanticTokens/full/delta") }
                }
                if key == "codeActionProvider", value["resolveProvider"]?.boolValue == true { wanted.append("codeAction/resolve") }
                if key == "completionProvider", value["resolveProvider"]?.boolValue == true { wanted.append("completionItem/resolve") }
                if key == "renameProvider", value["prepareProvider"]?.boolValue == true { wanted.append("textDocument/prepareRename") }
                for method in wanted {
                    #expect(ServerFeatures.handledMethods.contains(method), "\(key) is advertised, but \(method) has no handler")
                }
            }
        }
    }

    @Test func everyAdvertisedCapabilityHasAHandler() {
        Self.check(ServerFeatures.capabilities(for: Self.everything(), encoding: .utf8))
        Self.check(ServerFeatures.capabilities(for: ClientCapabilities(), encoding: .utf16))
    }

    @Test func everyRouteIsUniqueAndLifecycleIsNotInTheTable() {
        let methods = ServerFeatures.requests.map(\.method) + ServerFeatures.notifications.map(\.method)
        #expect(Set(methods).count == methods.count)
        #expect(!methods.contains("initialize") && !methods.contains("shutdown") && !methods.contains("exit"))
    }

    @Test func pullDiagnosticsOnlyForClientsThatPull() {
        let pushing = ServerFeatures.capabilities(for: ClientCapabilities(LSPTestClient.capabilities()), encoding: .utf16)
        let pulling = ServerFeatures.capabilities(for: ClientCapabilities(LSPTestClient.capabilities(pull: true)), encoding: .utf16)
        #expect(pushing["diagnosticProvider"] == nil)
        #expect(pulling["diagnosticProvider"]?["interFileDependencies"] == .bool(false))
    }

    @Test func incrementalSyncAndTheEncodingAreAdvertised() {
        let capabilities = ServerFeatures.capabilities(for: ClientCapabilities(), encoding: .utf16)
        #expect(capabilities["textDocumentSync"]?["change"] == .int(2))
        #expect(capabilities["textDocumentSync"]?["openClose"] == .bool(true))
        #expect(capabilities["positionEncoding"] == .string("utf-16"))
    }

    @Test func clientCapabilitiesAreReadLeniently() {
        let everything = Self.everything()
        #expect(everything.pullDiagnostics && everything.workDoneProgress && everything.snippets)
        let garbage = ClientCapabilities(.object([("textDocument", .string("x")), ("window", .array([])), ("general", .object([("positionEncodings", .int(3))]))]))
        #expect(!garbage.pullDiagnostics && !garbage.workDoneProgress && garbage.positionEncodings == nil)
    }

    /// What a push client and a pull client are offered, as reviewed JSON.
    @Test func advertisedCapabilitiesGolden() {
        let folder = Golden.fixtures.appendingPathComponent("lsp")
        let push = ServerFeatures.capabilities(for: ClientCapabilities(LSPTestClient.capabilities(snippets: true)), encoding: .utf16)
        let pull = ServerFeatures.capabilities(for: Self.everything(), encoding: .utf8)
        Golden.check(push.prettyPrinted(), against: folder.appendingPathComponent("capabilities-push-client.json"))
        Golden.check(pull.prettyPrinted(), against: folder.appendingPathComponent("capabilities-pull-client.json"))
    }
}
