import AgendaBase
@testable import AgendaLSP
import Foundation
import Testing

/// Workspace settings as the server sees them: found per folder, read again
/// when `agendac.json` changes, overridden by the client's `kleFile`; and the
/// disk index following file events.
@Suite(.serialized) struct LSPWorkspaceTests {
    /// A fresh folder with an `agendac.json` naming one committee and its members.
    static func workspace(members: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try writeSettings(members: members, in: folder)
        return folder
    }

    static func writeSettings(members: [String], in folder: URL) throws {
        let list = members.map { "{\"name\": \"\($0)\"}" }.joined(separator: ", ")
        try "{\"committees\": [{\"name\": \"Udvalget\", \"members\": [\(list)]}]}"
            .write(to: folder.appendingPathComponent("agendac.json"), atomically: true, encoding: .utf8)
    }

    static let text = "møde: Udvalget\ndato: 2026-05-04\ndeltagere: Anna Ø, Bo Å\n"

    static func codes(_ client: LSPTestClient, _ uri: String) throws -> [String] {
        let report = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(uri))
        return (report["items"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
    }

    @Test func changedSettingsAreReadAgainAfterAFileEvent() throws {
        let folder = try Self.workspace(members: ["Anna Ø"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let uri = DocumentURIForTests.uri(folder.appendingPathComponent("møde.agenda"))
        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true), rootURI: DocumentURIForTests.uri(folder))
        client.open(uri, Self.text)
        #expect(try Self.codes(client, uri).contains("AG501"), "Bo Å is not a member yet")

        try Self.writeSettings(members: ["Anna Ø", "Bo Å"], in: folder)
        client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
            ("uri", .string(DocumentURIForTests.uri(folder.appendingPathComponent("agendac.json")))), ("type", .int(2)),
        ])]))]))
        #expect(try !Self.codes(client, uri).contains("AG501"), "the new member list is used")
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func pushClientsGetFreshDiagnosticsWhenSettingsAreSaved() throws {
        let folder = try Self.workspace(members: ["Anna Ø"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let uri = DocumentURIForTests.uri(folder.appendingPathComponent("møde.agenda"))
        let client = try LSPTestClient()
        try client.initialize()
        client.open(uri, Self.text)
        let first = try client.waitFor("diagnostics") { $0["method"] == .string("textDocument/publishDiagnostics") }
        #expect(first["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == .string("AG501") } == true)

        try Self.writeSettings(members: ["Anna Ø", "Bo Å"], in: folder)
        client.notify("textDocument/didSave", LSPTestClient.documentParams(DocumentURIForTests.uri(folder.appendingPathComponent("agendac.json"))))
        let second = try client.waitFor("diagnostics without AG501") {
            $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["diagnostics"]?.arrayValue?.contains { $0["code"] == .string("AG501") } == false
        }
        #expect(second["params"]?["version"] == .int(1))
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func kleFileFromTheClientOverridesAndCanBeCleared() throws {
        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true), options: .object([("kleFile", .string("/nonexistent/KLE-Emneplan.xml"))]))
        let uri = "untitled:Untitled-1"
        client.open(uri, Self.text)
        #expect(try Self.codes(client, uri).contains("AG506"), "the editor's KLE file cannot be read")
        client.notify("workspace/didChangeConfiguration", .object([("settings", .object([("agenda", .object([("kleFile", .string(""))]))]))]))
        #expect(try !Self.codes(client, uri).contains("AG506"), "an empty setting means no KLE file")
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func workspaceSymbolsFollowFilesOnDiskAndOpenDocuments() throws {
        let folder = try Self.workspace(members: [])
        defer { try? FileManager.default.removeItem(at: folder) }
        let onDisk = folder.appendingPathComponent("sub/første møde.agenda")
        try FileManager.default.createDirectory(at: onDisk.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "møde: Udvalget\ndato: 2026-05-04\n\npunkt 1: Rådhusets tag\n".write(to: onDisk, atomically: true, encoding: .utf8)
        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true), rootURI: DocumentURIForTests.uri(folder))

        func names(_ query: String) throws -> [String] {
            (try client.call("workspace/symbol", .object([("query", .string(query))])).arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        }
        #expect(try names("tag") == ["Punkt 1: Rådhusets tag"])

        // the editor's text wins over the disk's
        let uri = DocumentURIForTests.uri(onDisk)
        client.open(uri, "møde: Udvalget\ndato: 2026-05-04\n\npunkt 1: Rådhusets kælder\n")
        #expect(try names("tag").isEmpty)
        #expect(try names("kælder") == ["Punkt 1: Rådhusets kælder"])
        client.notify("textDocument/didClose", LSPTestClient.documentParams(uri))
        #expect(try names("tag") == ["Punkt 1: Rådhusets tag"])

        // a new file on disk, announced by the client
        let added = folder.appendingPathComponent("andet.agenda")
        try "møde: Udvalget\ndato: 2026-06-01\n\npunkt 1: Nyt tag\n".write(to: added, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([.object([
            ("uri", .string(DocumentURIForTests.uri(added))), ("type", .int(1)),
        ])]))]))
        #expect(try Set(names("tag")) == ["Punkt 1: Rådhusets tag", "Punkt 1: Nyt tag"])
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func indexingStopsAtTheFileLimitAndSaysSo() throws {
        let folder = try Self.workspace(members: [])
        defer { try? FileManager.default.removeItem(at: folder) }
        for number in 1...5 {
            try "møde: Udvalget\ndato: 2026-05-0\(number)\n\npunkt 1: Tag nummer \(number)\n"
                .write(to: folder.appendingPathComponent("møde \(number).agenda"), atomically: true, encoding: .utf8)
        }
        try "punkt 1: Tag i en anden slags fil\n".write(to: folder.appendingPathComponent("noter.txt"), atomically: true, encoding: .utf8)
        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true), rootURI: DocumentURIForTests.uri(folder),
                              options: .object([("index", .object([("maxFiles", .int(2))]))]))
        let names = (try client.call("workspace/symbol", .object([("query", .string("tag"))])).arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        #expect(names.count == 2, "two files indexed, not five, and no .txt: \(names)")
        let warning = try client.waitFor("a message about the limit") { $0["method"] == .string("window/showMessage") }
        #expect(warning["params"]?["message"]?.stringValue?.contains("index.maxFiles") == true)
        let logged = try client.waitFor("the same line in the log") { $0["method"] == .string("window/logMessage") }
        #expect(logged["params"]?["message"] == warning["params"]?["message"])
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func theFileSystemRootIsNotSearched() throws {
        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true), rootURI: "file:///")
        let warning = try client.waitFor("a message about the root") { $0["method"] == .string("window/showMessage") }
        #expect(warning["params"]?["message"]?.stringValue?.contains("root `/`") == true)
        #expect(try client.call("workspace/symbol", .object([("query", .string("punkt"))])) == .array([]))
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func theSearchIsBoundedByEntriesAndTheReadByBytes() throws {
        let folder = try Self.workspace(members: [])
        defer { try? FileManager.default.removeItem(at: folder) }
        for number in 1...30 { try Data().write(to: folder.appendingPathComponent("fil \(number).pdf")) }
        let text = "møde: Udvalget\ndato: 2026-05-04\n\npunkt 1: Tag\n"
        try text.write(to: folder.appendingPathComponent("z.agenda"), atomically: true, encoding: .utf8)
        var limits = Workspace.Limits()
        limits.maxEntries = 10
        let search = Workspace.agendaFiles(below: [folder], limits: limits)
        #expect(search.stop?.contains("index.maxEntries") == true)
        #expect(Workspace.agendaFiles(below: [folder], limits: Workspace.Limits()).files.count == 1)
        #expect(Workspace.Limits(.object([("maxBytes", .int(10)), ("maxFiles", .int(-1))])).maxBytes == 10)
        #expect(Workspace.Limits(.object([("maxFiles", .int(-1))])).maxFiles == Workspace.Limits().maxFiles)

        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true), rootURI: DocumentURIForTests.uri(folder),
                              options: .object([("index", .object([("maxBytes", .int(text.utf8.count - 1))]))]))
        let warning = try client.waitFor("a message about the bytes") { $0["method"] == .string("window/showMessage") }
        #expect(warning["params"]?["message"]?.stringValue?.contains("index.maxBytes") == true)
        #expect(try client.shutdownAndExit() == 0)
    }
}

/// `file:` URIs as an editor writes them (percent-encoded UTF-8), made
/// independently of the server's own conversion.
enum DocumentURIForTests {
    static func uri(_ url: URL) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "/-._~")
        return "file://" + (url.standardizedFileURL.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? url.path)
    }
}
