import AgendaBase
import Foundation
import Testing

/// Every advertised feature through the real server, on the samples as a
/// workspace: the IDE layer's answers arrive in LSP's shapes, with positions
/// in the negotiated encoding and locations in other files of the workspace.
@Suite(.serialized) struct LSPFeatureTests {
    static let agendaFile = Golden.samples.appendingPathComponent("horsens-beskaeftigelses-og-integrationsudvalget-2026-06-01.agenda")
    static let minutesFile = Golden.samples.appendingPathComponent("horsens-beskaeftigelses-og-integrationsudvalget-2026-05-04.agenda")
    static var uri: String { "file://" + agendaFile.path }
    /// Line 20 (0-based) is `sagsnr: 15.00.00-P05-3-25`, a case also treated on 4 May.
    static let caseNumber = LSPTestClient.position(20, 12)
    /// Line 27 is a `sagens gang:` line naming item 5 of the 4 May meeting.
    static let historyLine = LSPTestClient.position(27, 10)

    static func capabilities(snippets: Bool) -> JSON {
        .object([
            ("textDocument", .object([
                ("completion", .object([("completionItem", .object([
                    ("snippetSupport", .bool(snippets)), ("documentationFormat", .array([.string("markdown")])),
                ]))])),
                ("hover", .object([("contentFormat", .array([.string("markdown"), .string("plaintext")]))])),
                ("documentSymbol", .object([("hierarchicalDocumentSymbolSupport", .bool(true))])),
                ("diagnostic", .object([])),
            ])),
            ("workspace", .object([("workspaceEdit", .object([("documentChanges", .bool(true))]))])),
        ])
    }

    /// A server with the samples folder as its workspace and the agenda open.
    static func session(snippets: Bool = true) throws -> LSPTestClient {
        let client = try LSPTestClient()
        try client.initialize(capabilities(snippets: snippets), rootURI: "file://" + Golden.samples.path)
        client.open(uri, Golden.read(agendaFile))
        return client
    }

    static func params(_ extra: [(String, JSON)] = []) -> JSON { LSPTestClient.documentParams(uri, extra) }

    @Test func crossMeetingNavigationAndSymbols() throws {
        let client = try Self.session()
        let minutesURI = "file://" + Self.minutesFile.path
        let definition = try client.call("textDocument/definition", Self.params([("position", Self.caseNumber)]))
        #expect(definition[0]?["uri"] == .string(minutesURI), "the case's first treatment is in the 4 May minutes")
        let references = try client.call("textDocument/references", Self.params([
            ("position", Self.caseNumber), ("context", .object([("includeDeclaration", .bool(true))])),
        ]))
        let referencedFiles = Set((references.arrayValue ?? []).compactMap { $0["uri"]?.stringValue })
        #expect(referencedFiles == [minutesURI, Self.uri])
        let history = try client.call("textDocument/definition", Self.params([("position", Self.historyLine)]))
        #expect(history[0]?["uri"] == .string(minutesURI))

        let symbols = try client.call("workspace/symbol", .object([("query", .string("Sundparken"))]))
        let files = Set((symbols.arrayValue ?? []).compactMap { $0["location"]?["uri"]?.stringValue })
        #expect(files.contains(minutesURI) && files.contains(Self.uri))
        #expect((symbols.arrayValue ?? []).allSatisfy { $0["kind"] == .int(12) && $0["name"]?.stringValue?.hasPrefix("Punkt") == true })

        let hover = try client.call("textDocument/hover", Self.params([("position", Self.caseNumber)]))
        #expect(hover["contents"]?["kind"] == .string("markdown"))
        #expect(hover["contents"]?["value"]?.stringValue?.contains("2026-05-04") == true, "hover names the other meeting")
        #expect(hover["range"] == LSPTestClient.range((20, 8), (20, 25)))
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func outlineFoldingSelectionAndTokens() throws {
        let client = try Self.session()
        let outline = try client.call("textDocument/documentSymbol", Self.params())
        let meeting = try #require(outline[0])
        #expect(meeting["kind"] == .int(2))
        let items = meeting["children"]?.arrayValue ?? []
        #expect(items.count >= 5)
        #expect(items.first?["name"]?.stringValue?.hasPrefix("Punkt 1:") == true)

        let folding = try client.call("textDocument/foldingRange", Self.params()).arrayValue ?? []
        #expect(folding.contains { $0["startLine"] == .int(19) && $0["kind"] == .string("region") }, "item 1 folds")
        #expect(folding.allSatisfy { ($0["endLine"]?.intValue ?? 0) > ($0["startLine"]?.intValue ?? 0) })

        let selection = try client.call("textDocument/selectionRange", Self.params([("positions", .array([Self.caseNumber, LSPTestClient.position(9999, 0)]))]))
        #expect(selection.arrayValue?.count == 2, "one chain per position, even past the end")
        var depth = 0
        var link = selection[0]
        while let current = link, current["range"] != nil { depth += 1; link = current["parent"] }
        #expect(depth >= 3)

        let tokens = try client.call("textDocument/semanticTokens/full", Self.params())
        let data = tokens["data"]?.arrayValue?.compactMap(\.intValue) ?? []
        #expect(!data.isEmpty && data.count % 5 == 0)
        let visible = try client.call("textDocument/semanticTokens/range", Self.params([("range", LSPTestClient.range((19, 0), (22, 0)))]))
        let part = visible["data"]?.arrayValue?.compactMap(\.intValue) ?? []
        #expect(!part.isEmpty && part.count < data.count && part.first == 19, "the range's tokens only, the first on line 19")
        #expect(data.allSatisfy { $0 >= 0 }, "relative encoding never goes backwards")
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func completionRespectsSnippetSupport() throws {
        let after = LSPTestClient.position(66, 0)  // the blank line after item 1: keywords and a new-item template
        let withSnippets = try Self.session(snippets: true)
        let rich = try withSnippets.call("textDocument/completion", Self.params([("position", after)]))
        let richItems = rich["items"]?.arrayValue ?? []
        #expect(!richItems.isEmpty)
        #expect(richItems.contains { $0["insertTextFormat"] == .int(2) }, "the new-item template is a snippet")
        #expect(richItems.allSatisfy { $0["textEdit"]?["range"]?["start"]?["line"] == .int(66) })
        #expect(try withSnippets.shutdownAndExit() == 0)

        let plain = try Self.session(snippets: false)
        let plainItems = try plain.call("textDocument/completion", Self.params([("position", after)]))["items"]?.arrayValue ?? []
        #expect(!plainItems.isEmpty)
        #expect(plainItems.allSatisfy { $0["insertTextFormat"] == .int(1) })
        #expect(!plainItems.contains { $0["textEdit"]?["newText"]?.stringValue?.contains("${") == true })
        #expect(try plain.shutdownAndExit() == 0)
    }

    @Test func quickFixesAndFormatting() throws {
        let client = try LSPTestClient()
        try client.initialize(Self.capabilities(snippets: false))
        let uri = "file:///tmp/agendac-lsp-fixes.agenda"
        // `dokument: referat` with an item without a decision (AG402), and sloppy layout
        let text = "møde:   Udvalget\ndokument: referet\ndato: 2026-05-04\n\npunkt 1:   Godkendelse\nresume:\nTekst.   \n"
        client.open(uri, text)
        let report = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(uri))
        let diagnostics = report["items"]?.arrayValue ?? []
        #expect(!diagnostics.isEmpty)
        let actions = try client.call("textDocument/codeAction", LSPTestClient.documentParams(uri, [
            ("range", LSPTestClient.range((0, 0), (7, 0))), ("context", .object([("diagnostics", .array(diagnostics))])),
        ])).arrayValue ?? []
        #expect(!actions.isEmpty)
        for action in actions {
            #expect(action["kind"] == .string("quickfix"))
            #expect(action["diagnostics"]?[0]?["code"] != nil)
            let change = action["edit"]?["documentChanges"]?[0]
            #expect(change?["textDocument"]?["version"] == .int(1), "edits name the version they were made for")
            let edits = change?["edits"]?.arrayValue ?? []
            #expect(edits.count > 0)
        }
        let refactors = try client.call("textDocument/codeAction", LSPTestClient.documentParams(uri, [
            ("range", LSPTestClient.range((0, 0), (7, 0))), ("context", .object([("diagnostics", .array([])), ("only", .array([.string("refactor")]))])),
        ]))
        #expect(refactors == .array([]))

        let formatting = try client.call("textDocument/formatting", LSPTestClient.documentParams(uri, [
            ("options", .object([("tabSize", .int(2)), ("insertSpaces", .bool(true))])),
        ])).arrayValue ?? []
        let newTexts = formatting.compactMap { $0["newText"]?.stringValue }.joined()
        #expect(newTexts.contains("møde: Udvalget"))
        let ranged = try client.call("textDocument/rangeFormatting", LSPTestClient.documentParams(uri, [
            ("range", LSPTestClient.range((0, 0), (0, 3))), ("options", .object([("tabSize", .int(2)), ("insertSpaces", .bool(true))])),
        ])).arrayValue ?? []
        #expect(ranged.count == 1 && ranged.first?["range"]?["end"]?["line"]?.intValue ?? 9 <= 1, "only the touched line")
        #expect(try client.shutdownAndExit() == 0)
    }

    /// 400 items all numbered 1: 399 findings share one renumbering fix, offered
    /// once; a client that resolves code actions gets it without its edit, and
    /// `codeAction/resolve` works the edit out.
    @Test func theRenumberingFixIsOfferedOnceAndResolvedOnDemand() throws {
        let text = "møde: Udvalget\ndato: 2026-05-04\n\n" + String(repeating: "punkt 1: Sag\n", count: 400)
        let uri = "file:///tmp/agendac-lsp-renumber.agenda"
        let wholeDocument: (String, JSON) = ("range", LSPTestClient.range((0, 0), (404, 0)))
        let context: (String, JSON) = ("context", .object([("diagnostics", .array([]))]))

        let resolving = try LSPTestClient()
        try resolving.initialize(.object([("textDocument", .object([("codeAction", .object([
            ("resolveSupport", .object([("properties", .array([.string("edit")]))])),
        ]))]))]))
        resolving.open(uri, text)
        let actions = try resolving.call("textDocument/codeAction", LSPTestClient.documentParams(uri, [wholeDocument, context])).arrayValue ?? []
        let renumber = actions.filter { $0["title"]?.stringValue?.hasPrefix("Renumber") == true }
        #expect(renumber.count == 1, "one renumbering action for 399 findings")
        #expect(renumber.first?["edit"] == nil && renumber.first?["data"] != nil, "the edit waits for codeAction/resolve")
        let resolved = try resolving.call("codeAction/resolve", renumber.first ?? .null)
        let edits = resolved["edit"]?["changes"]?[uri]?.arrayValue ?? []
        #expect(edits.count == 399)
        #expect(edits.last?["newText"] == .string("400"))

        // an edit in between: the action no longer applies
        resolving.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(2))])),
            ("contentChanges", .array([.object([("text", .string(text + "punkt 1: Mere\n"))])])),
        ]))
        let stale = resolving.request("codeAction/resolve", renumber.first ?? .null)
        #expect(try resolving.response(to: stale)["error"]?["code"] == .int(-32801))
        #expect(try resolving.shutdownAndExit() == 0)

        let plain = try LSPTestClient()
        try plain.initialize()
        plain.open(uri, text)
        let eager = try plain.call("textDocument/codeAction", LSPTestClient.documentParams(uri, [wholeDocument, context])).arrayValue ?? []
        let eagerRenumber = eager.filter { $0["title"]?.stringValue?.hasPrefix("Renumber") == true }
        #expect(eagerRenumber.count == 1)
        #expect(eagerRenumber.first?["edit"]?["changes"]?[uri]?.arrayValue?.count == 399, "a client that cannot resolve gets the edit at once")
        #expect(try plain.shutdownAndExit() == 0)
    }

    @Test func requestsOnUnknownDocumentsFailButTheServerGoesOn() throws {
        let client = try LSPTestClient()
        try client.initialize()
        let missing = client.request("textDocument/hover", LSPTestClient.documentParams("file:///nonexistent/x.agenda", [("position", LSPTestClient.position(0, 0))]))
        #expect(try client.response(to: missing)["error"]?["code"] == .int(-32803))
        let noParams = client.request("textDocument/completion", .object([]))
        #expect(try client.response(to: noParams)["error"]?["code"] == .int(-32602))
        // a file on disk outside any workspace folder is not read; opened, it is the client's
        let unopened = client.request("textDocument/hover", LSPTestClient.documentParams(Self.uri, [("position", LSPTestClient.position(0, 0))]))
        #expect(try client.response(to: unopened)["error"]?["code"] == .int(-32803))
        client.open(Self.uri, Golden.read(Self.agendaFile))
        let badPosition = client.request("textDocument/hover", LSPTestClient.documentParams(Self.uri, [("position", .string("here"))]))
        #expect(try client.response(to: badPosition)["error"]?["code"] == .int(-32602))
        #expect(try client.shutdownAndExit() == 0)
    }
}
