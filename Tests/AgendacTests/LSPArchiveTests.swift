import AgendaBase
import Foundation
import Testing

/// The language server with the archive its workspace settings name, through
/// the built `agendac lsp` over its real standard input and output: hover on a
/// case number shows the case's earlier treatments in the archive, references
/// include them in the archived sources, and `sagens gang:` lines that
/// contradict the archive are diagnostics (AG705–AG707).
@Suite(.serialized) struct LSPArchiveTests {
    /// The fixture's `sagsnr: 15.00.00-P05-3-25` (line 9), on the number.
    static let caseNumber = LSPTestClient.position(8, 12)

    static func start(_ workspace: URL, pull: Bool = true) throws -> (LSPTestClient, String) {
        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: pull), rootURI: DocumentURIForTests.uri(workspace))
        let uri = DocumentURIForTests.uri(workspace.appendingPathComponent("history-lines.agenda"))
        client.open(uri, Golden.read(SamplesArchive.historyLines))
        return (client, uri)
    }

    /// Each diagnostic as `CODE line:character` (0-based, as LSP counts).
    static func diagnostics(_ client: LSPTestClient, _ uri: String) throws -> [String] {
        let report = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(uri))
        return (report["items"]?.arrayValue ?? []).map(Self.describe)
    }

    static func describe(_ diagnostic: JSON) -> String {
        let start = diagnostic["range"]?["start"]
        return "\(diagnostic["code"]?.stringValue ?? "") \(start?["line"]?.intValue ?? -1):\(start?["character"]?.intValue ?? -1)"
    }

    @Test func diagnosticsReadSagensGangAgainstTheArchive() throws {
        let workspace = try SamplesArchive.workspace(archive: SamplesArchive.folder.path)
        let (client, uri) = try Self.start(workspace)
        #expect(try Self.diagnostics(client, uri) == ["AG707 13:2", "AG706 14:2", "AG705 15:2", "AG705 16:2", "AG705 17:2"])
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func aFileOnDiskThatIsNotOpenIsReadAgainstTheArchiveToo() throws {
        let workspace = try SamplesArchive.workspace(archive: SamplesArchive.folder.path)
        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true), rootURI: DocumentURIForTests.uri(workspace))
        let uri = DocumentURIForTests.uri(workspace.appendingPathComponent("history-lines.agenda"))
        #expect(try Self.diagnostics(client, uri) == ["AG707 13:2", "AG706 14:2", "AG705 15:2", "AG705 16:2", "AG705 17:2"])
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func pushedDiagnosticsFollowOnceTheArchiveIsLoaded() throws {
        let workspace = try SamplesArchive.workspace(archive: SamplesArchive.folder.path)
        let (client, uri) = try Self.start(workspace, pull: false)
        let published = try client.waitFor("diagnostics with AG706") {
            $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(uri)
                && $0["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == .string("AG706") } == true
        }
        let ag706 = published["params"]?["diagnostics"]?.arrayValue?.first { $0["code"] == .string("AG706") }
        #expect(ag706.map(Self.describe) == "AG706 14:2")
        #expect(ag706?["message"]?.stringValue?.contains("has no item 12 (it has 8 items)") == true)
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func hoverOnACaseNumberShowsItsHistoryInTheArchive() throws {
        let workspace = try SamplesArchive.workspace(archive: SamplesArchive.folder.path)
        let (client, uri) = try Self.start(workspace)
        let hover = try client.call("textDocument/hover", LSPTestClient.documentParams(uri, [("position", Self.caseNumber)]))
        let text = hover["contents"]?["value"]?.stringValue ?? ""
        #expect(text.contains("**Sagens gang i arkivet:**"), "\(text)")
        #expect(text.contains("- 2026-05-04 Beskæftigelses- og Integrationsudvalget, punkt 5: BI Analyse af tilkendelse af førtidspension"))
        #expect(text.contains("- 2026-06-01 Beskæftigelses- og Integrationsudvalget, punkt 1:"))
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func referencesIncludeTheTreatmentsInTheArchivedSources() throws {
        let workspace = try SamplesArchive.workspace(archive: SamplesArchive.folder.path)
        let (client, uri) = try Self.start(workspace)
        let references = try client.call("textDocument/references", LSPTestClient.documentParams(uri, [
            ("position", Self.caseNumber), ("context", .object([("includeDeclaration", .bool(true))])),
        ]))
        let found = (references.arrayValue ?? []).map { location in
            let start = location["range"]?["start"]
            return "\(location["uri"]?.stringValue ?? "") \(start?["line"]?.intValue ?? -1):\(start?["character"]?.intValue ?? -1)"
        }
        let meetings = DocumentURIForTests.uri(SamplesArchive.folder.appendingPathComponent("meetings/beskaeftigelses-og-integrationsudvalget"))
        // the document's own item, then `sagsnr: 15.00.00-P05-3-25` in each archived source (sample lines 238 and 21)
        #expect(found == [
            "\(uri) 8:8",
            "\(meetings)/2026-05-04/r1/source.agenda 237:8",
            "\(meetings)/2026-06-01/agenda/source.agenda 20:8",
        ])
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func theArchiveIsLoadedAgainWhenItsCatalogChanges() throws {
        let copy = temporaryTestFolder("agendac-archive-copy").appendingPathComponent("arkiv")
        try FileManager.default.copyItem(at: SamplesArchive.folder, to: copy)
        let workspace = try SamplesArchive.workspace(archive: copy.path)
        let (client, uri) = try Self.start(workspace)
        #expect(try Self.diagnostics(client, uri).contains("AG705 17:2"), "Byrådet 26 May is not archived yet")
        let byraadet = Golden.fixtures.appendingPathComponent("archive/meetings/horsens-byraadet-2026-05-26.agenda")
        let added = ArchiveStoreTests.archive(["add", byraadet.path, "--at", "2026-06-02T09:00:00Z"], copy)
        #expect(added.code == 0, "\(added.errors)")
        #expect(try !Self.diagnostics(client, uri).contains("AG705 17:2"), "the new catalog is read")
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func anArchiveThatCannotBeReadIsOneFindingNamingTheSettings() throws {
        let workspace = try SamplesArchive.workspace(archive: "arkiv-findes-ikke")
        let (client, uri) = try Self.start(workspace)
        let report = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(uri))
        let problems = (report["items"]?.arrayValue ?? []).filter { $0["code"] == .string("AG506") }
        #expect(problems.count == 1)
        let message = problems.first?["message"]?.stringValue ?? ""
        #expect(message.contains(workspace.appendingPathComponent("agendac.json").path) && message.contains("no such archive folder"), "\(message)")
        #expect(!(report["items"]?.arrayValue ?? []).contains { $0["code"] == .string("AG705") })
        // features go on without the archive
        let hover = try client.call("textDocument/hover", LSPTestClient.documentParams(uri, [("position", Self.caseNumber)]))
        #expect(hover["contents"]?["value"]?.stringValue?.contains("Sagsnummer") == true)
        #expect(try client.shutdownAndExit() == 0)
    }
}
