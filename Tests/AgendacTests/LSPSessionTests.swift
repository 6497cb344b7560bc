import AgendaBase
import Foundation
import Testing

/// End to end through the real transport: the built `agendac lsp` in a child
/// process, driven over its standard input and output by `LSPTestClient`.
/// Each test is one editor session; every wait is bounded.
@Suite(.serialized) struct LSPSessionTests {
    static let fixtures = Golden.fixtures.appendingPathComponent("lsp")
    static let sessionFile = fixtures.appendingPathComponent("session.agenda")
    static var sessionURI: String { "file://" + sessionFile.path }
    static var sessionText: String { Golden.read(sessionFile) }

    static func publishes(_ client: LSPTestClient, for uri: String) -> [JSON] {
        client.notifications("textDocument/publishDiagnostics").filter { $0["params"]?["uri"]?.stringValue == uri }
    }

    static func codes(_ diagnostics: JSON?) -> [String] {
        (diagnostics?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
    }

    // MARK: - A whole session

    @Test func fullSessionFromInitializeToExit() throws {
        let client = try LSPTestClient()
        let result = try client.initialize(LSPTestClient.capabilities(snippets: true))
        let capabilities = result["capabilities"]
        #expect(capabilities?["textDocumentSync"]?["change"] == .int(2))
        #expect(capabilities?["positionEncoding"] == .string("utf-16"))
        #expect(capabilities?["diagnosticProvider"] == nil, "a push client is not offered pull diagnostics")
        #expect(result["serverInfo"]?["name"] == .string("agendac"))

        client.open(Self.sessionURI, Self.sessionText, version: 1)
        let published = try client.waitFor("diagnostics for the opened document") {
            $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["uri"] == .string(Self.sessionURI)
        }
        #expect(published["params"]?["version"] == .int(1))
        let diagnostic = try #require(published["params"]?["diagnostics"]?[0])
        #expect(diagnostic["code"] == .string("AG300"))
        #expect(diagnostic["source"] == .string("agendac"))
        #expect(diagnostic["severity"] == .int(1))
        #expect(diagnostic["codeDescription"] == nil)
        #expect(diagnostic["data"]?["rule"] == .string("AG300"))
        #expect(diagnostic["range"]?["start"] == LSPTestClient.position(4, 6))

        if capabilities?["completionProvider"] != nil {
            let completion = try client.call("textDocument/completion", LSPTestClient.documentParams(Self.sessionURI, [("position", LSPTestClient.position(9, 0))]))
            let items = completion["items"]?.arrayValue ?? completion.arrayValue ?? []
            #expect(!items.isEmpty)
        }
        if capabilities?["documentFormattingProvider"] != nil {
            let edits = try client.call("textDocument/formatting", LSPTestClient.documentParams(Self.sessionURI, [
                ("options", .object([("tabSize", .int(4)), ("insertSpaces", .bool(true))])),
            ]))
            #expect(edits.arrayValue != nil)
        }
        #expect(try client.shutdownAndExit() == 0)
        #expect(client.unreadableOutput.isEmpty)
    }

    // MARK: - Robustness of the transport

    @Test func garbageAndMalformedMessagesAreAnsweredAndServingGoesOn() throws {
        let client = try LSPTestClient()
        try client.initialize()
        var stream: [UInt8] = Array("\u{1}\u{2} this is no header at all\r\n\r\n".utf8)
        stream += LSPTestClient.frame(Array("{\"jsonrpc\":\"2.0\",\"id\":".utf8))               // malformed JSON
        stream += LSPTestClient.frame(Array(#"{"jsonrpc":"2.0","id":900}"#.utf8))            // no method
        stream += LSPTestClient.frame(Array(#"{"jsonrpc":"1.0","id":901,"method":"x"}"#.utf8)) // wrong version
        stream += LSPTestClient.frame(Array(#"{"jsonrpc":"2.0","id":[1],"method":"x"}"#.utf8)) // id of the wrong type
        stream += LSPTestClient.frame(Array(#"[{"jsonrpc":"2.0","id":902,"method":"x"}]"#.utf8)) // a batch
        stream += Array("Content-Length: lots\r\n\r\n".utf8)
        stream += LSPTestClient.frame(LSPTestClient.request(id: 903, "agenda/noSuchMethod"))
        stream += LSPTestClient.frame(LSPTestClient.notification("agenda/noSuchNotification"))
        stream += LSPTestClient.frame(LSPTestClient.notification("$/setTrace", .object([("value", .string("off"))])))
        client.sendRaw(stream)

        let afterwards = client.request("textDocument/diagnostic", LSPTestClient.documentParams(Self.sessionURI))
        _ = try client.response(to: afterwards)
        let errors = client.all { $0["error"] != nil }
        let nullIDCodes = errors.filter { $0["id"] == .null }.compactMap { $0["error"]?["code"]?.intValue }
        #expect(nullIDCodes.filter { $0 == -32700 }.count == 3, "header garbage, malformed JSON, unreadable Content-Length")
        #expect(nullIDCodes.filter { $0 == -32600 }.count == 2, "wrong id type, batch")
        #expect(try client.response(to: 900)["error"]?["code"] == .int(-32600))
        #expect(try client.response(to: 901)["error"]?["code"] == .int(-32600))
        #expect(try client.response(to: 903)["error"]?["code"] == .int(-32601))
        #expect(try client.shutdownAndExit() == 0)
    }

    // MARK: - Lifecycle

    @Test func nothingButErrorsBeforeInitialize() throws {
        let client = try LSPTestClient()
        let early = client.request("textDocument/formatting", LSPTestClient.documentParams(Self.sessionURI))
        #expect(try client.response(to: early)["error"]?["code"] == .int(-32002))
        client.open(Self.sessionURI, Self.sessionText)  // dropped: not initialized yet
        let result = try client.initialize()
        #expect(result["capabilities"] != nil)
        // the initialize result is the first thing sent besides the error for the early request
        let first = client.all { _ in true }.first { $0["id"] != .int(early) }
        #expect(first?["id"] == .int(early + 1))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(Self.publishes(client, for: Self.sessionURI).isEmpty, "the didOpen before initialize was dropped")
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func secondInitializeIsRefused() throws {
        let client = try LSPTestClient()
        try client.initialize()
        let again = client.request("initialize", .object([("capabilities", .object([]))]))
        #expect(try client.response(to: again)["error"]?["code"] == .int(-32600))
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func requestsAfterShutdownAreInvalid() throws {
        let client = try LSPTestClient()
        try client.initialize()
        _ = try client.call("shutdown", .null)
        let late = client.request("textDocument/formatting", LSPTestClient.documentParams(Self.sessionURI))
        #expect(try client.response(to: late)["error"]?["code"] == .int(-32600))
        client.notify("exit", .null)
        #expect(client.waitForExit() == 0)
    }

    @Test func exitWithoutShutdownEndsWithCodeOne() throws {
        let client = try LSPTestClient()
        try client.initialize()
        client.notify("exit", .null)
        #expect(client.waitForExit() == 1)
    }

    @Test func endOfInputWithoutShutdownEndsWithCodeOne() throws {
        let client = try LSPTestClient()
        try client.initialize()
        client.closeInput()
        #expect(client.waitForExit() == 1)
    }

    @Test func exitBeforeInitializeEndsWithCodeOne() throws {
        let client = try LSPTestClient()
        client.notify("exit", .null)
        #expect(client.waitForExit() == 1)
    }

    @Test func randomBytesNeverStopTheServer() throws {
        let client = try LSPTestClient()
        try client.initialize()
        var generator = SeededRandom(seed: 7)
        for round in 0..<40 {
            var noise = (0..<Int.random(in: 1...2000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 4 == 0 { noise += Array("Content-Length: 3\r\n\r\n{{{".utf8) }
            client.sendRaw(noise)
        }
        // whatever the noise did to the framing, a blank line and a fresh message get through
        client.sendRaw(Array("\r\n\r\n".utf8))
        let probe = LSPTestClient.frame(LSPTestClient.request(id: 777, "shutdown"))
        for _ in 0..<3 { client.sendRaw(probe) }
        let reply = try client.response(to: 777)
        #expect(reply["result"] == .null || reply["error"]?["code"] == .int(-32600))
        client.notify("exit", .null)
        #expect(client.waitForExit() == 0)
        #expect(client.unreadableOutput.isEmpty)
    }

    @Test func inProcessServerRunsOverPipes() throws {
        let client = try LSPTestClient(inProcess: true)
        try client.initialize(LSPTestClient.capabilities(pull: true))
        client.open(Self.sessionURI, Self.sessionText)
        let report = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(Self.sessionURI))
        #expect(Self.codes(report["items"]) == ["AG300"])
        #expect(try client.shutdownAndExit() == 0)
    }

    // MARK: - Cancellation

    @Test func aCancelledRequestAnswersRequestCancelled() throws {
        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true))
        // a large document, so the request is still waiting or working when the cancellation is read
        let item = "punkt: Sag\nsagsnr: 21/24526\nresume:\nTekst med æøå og 😀 i.\n\n"
        let uri = "file:///tmp/agendac-lsp-cancel.agenda"
        let id = client.takeID()
        var stream = LSPTestClient.frame(LSPTestClient.notification("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("agenda")), ("version", .int(1)),
            ("text", .string("møde: Udvalget\ndato: 2026-05-04\n\n" + String(repeating: item, count: 20_000))),
        ]))])))
        stream += LSPTestClient.frame(LSPTestClient.request(id: id, "textDocument/diagnostic", LSPTestClient.documentParams(uri)))
        stream += LSPTestClient.frame(LSPTestClient.notification("$/cancelRequest", .object([("id", .int(id))])))
        client.sendRaw(stream)
        let reply = try client.response(to: id, timeout: 30)
        #expect(reply["error"]?["code"] == .int(-32800))
        // a cancellation for a request that is long gone is harmless
        client.notify("$/cancelRequest", .object([("id", .int(id))]))
        #expect(try client.shutdownAndExit() == 0)
    }

    // MARK: - Diagnostics

    @Test func quickEditsPublishOnlyTheLastVersion() throws {
        let client = try LSPTestClient()
        try client.initialize()
        let uri = "file:///tmp/agendac-lsp-stale.agenda"
        var stream = LSPTestClient.frame(LSPTestClient.notification("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("agenda")), ("version", .int(1)), ("text", .string(Self.sessionText)),
        ]))])))
        for version in 2...8 {
            // each edit rewrites the date's day: valid days until the last edit, which writes the invalid 30
            let day = version == 8 ? "30" : String(10 + version)
            let change = JSON.object([("range", LSPTestClient.range((4, 14), (4, 16))), ("text", .string(day))])
            stream += LSPTestClient.frame(LSPTestClient.notification("textDocument/didChange", .object([
                ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])), ("contentChanges", .array([change])),
            ])))
        }
        client.sendRaw(stream)
        let last = try client.waitFor("diagnostics for version 8") {
            $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["version"] == .int(8)
        }
        #expect(Self.codes(last["params"]?["diagnostics"]) == ["AG300"], "the last text has the invalid 2026-02-30")
        Thread.sleep(forTimeInterval: 0.3)
        let versions = Self.publishes(client, for: uri).compactMap { $0["params"]?["version"]?.intValue }
        #expect(versions == [8], "no diagnostics for versions the client had already replaced: \(versions)")
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func incrementalEditsInUTF16AndFixingTheErrorClearsIt() throws {
        let client = try LSPTestClient()
        try client.initialize()
        let uri = "file:///tmp/agendac-lsp-incremental.agenda"
        client.open(uri, Self.sessionText, version: 1)
        _ = try client.waitFor("the first diagnostics") { $0["params"]?["version"] == .int(1) }
        // line 7 is `punkt 1: Godkendelse af dagsorden 😀`: its end is UTF-16 column 36 (the emoji
        // counts two), 39 after the first change; each change counts in the text the one before left
        client.notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(2))])),
            ("contentChanges", .array([
                .object([("range", LSPTestClient.range((7, 20), (7, 20))), ("text", .string(" 🎉"))]),
                .object([("range", LSPTestClient.range((7, 39), (7, 39))), ("text", .string("  "))]),
                .object([("range", LSPTestClient.range((4, 14), (4, 16))), ("text", .string("28"))]),
            ])),
        ]))
        let fixed = try client.waitFor("diagnostics for version 2") { $0["params"]?["version"] == .int(2) }
        let remaining = Self.codes(fixed["params"]?["diagnostics"])
        #expect(remaining.isEmpty, "the date is now 2026-02-28")
        // the formatter trims the trailing spaces, and so shows the line as the server has it
        let edits = try client.call("textDocument/formatting", LSPTestClient.documentParams(uri, [
            ("options", .object([("tabSize", .int(4)), ("insertSpaces", .bool(true))])),
        ]))
        let titleEdit = (edits.arrayValue ?? []).first { $0["newText"]?.stringValue?.contains("Godkendelse") == true }
        let newText = titleEdit?["newText"]?.stringValue ?? ""
        #expect(newText.hasPrefix("punkt 1: Godkendelse 🎉 af dagsorden 😀\n"), "\(newText)")
        #expect(titleEdit?["range"]?["start"] == LSPTestClient.position(7, 0))
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func closingClearsDiagnostics() throws {
        let client = try LSPTestClient()
        try client.initialize()
        client.open(Self.sessionURI, Self.sessionText)
        _ = try client.waitFor("diagnostics") { $0["params"]?["version"] == .int(1) }
        client.notify("textDocument/didClose", LSPTestClient.documentParams(Self.sessionURI))
        let cleared = try client.waitFor("cleared diagnostics") {
            $0["method"] == .string("textDocument/publishDiagnostics") && $0["params"]?["diagnostics"] == .array([])
        }
        #expect(cleared["params"]?["uri"] == .string(Self.sessionURI))
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func pullClientsGetNoPushes() throws {
        let client = try LSPTestClient()
        let result = try client.initialize(LSPTestClient.capabilities(pull: true))
        #expect(result["capabilities"]?["diagnosticProvider"] != nil)
        client.open(Self.sessionURI, Self.sessionText)
        let report = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(Self.sessionURI))
        #expect(report["kind"] == .string("full"))
        #expect(Self.codes(report["items"]) == ["AG300"])
        let resultID = try #require(report["resultId"]?.stringValue)
        let again = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(Self.sessionURI, [("previousResultId", .string(resultID))]))
        #expect(again["kind"] == .string("unchanged"))
        client.notify("textDocument/didClose", LSPTestClient.documentParams(Self.sessionURI))
        Thread.sleep(forTimeInterval: 0.3)
        #expect(client.notifications("textDocument/publishDiagnostics").isEmpty)
        #expect(try client.shutdownAndExit() == 0)
    }

    // MARK: - Encodings, URIs, settings

    @Test func utf8IsChosenWhenOfferedAndColumnsCountBytes() throws {
        let client = try LSPTestClient()
        let result = try client.initialize(LSPTestClient.capabilities(pull: true, encodings: ["utf-16", "utf-8"]))
        #expect(result["capabilities"]?["positionEncoding"] == .string("utf-8"))
        let uri = "file:///tmp/agendac-lsp-utf8.agenda"
        // the value ends after the emoji: UTF-8 column 6 + 10 + 1 + 4 = 21 (UTF-16 would say 19)
        client.open(uri, "møde: Udvalget\ndato: 2026-02-30 😀\n")
        let report = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(uri))
        let date = (report["items"]?.arrayValue ?? []).first { $0["code"] == .string("AG300") }
        #expect(date?["range"]?["start"] == LSPTestClient.position(1, 6))
        #expect(date?["range"]?["end"] == LSPTestClient.position(1, 21))
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test func danishFileNamesFindTheirWorkspaceSettings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-lsp-\(UUID().uuidString)/Møder æøå")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let settings = #"{"committees": [{"name": "Ældreudvalget", "members": [{"name": "Åse Øberg"}]}]}"#
        try settings.write(to: folder.appendingPathComponent("agendac.json"), atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("møde på Ærø.agenda")
        let text = "møde: Ældreudvalget\ndato: 2026-05-04\ndeltagere: Åse Øberg, Bent Ærø\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let uri = DocumentURIForTests.uri(file)
        #expect(uri.contains("%C3%A6") && uri.contains("%C3%86"))

        let client = try LSPTestClient()
        try client.initialize(LSPTestClient.capabilities(pull: true))
        client.open(uri, text)
        let report = try client.call("textDocument/diagnostic", LSPTestClient.documentParams(uri))
        #expect(Self.codes(report["items"]).contains("AG501"), "Bent Ærø is no member in the folder's agendac.json")
        #expect(try client.shutdownAndExit() == 0)
    }

    // MARK: - Progress

    @Test func indexingProgressOnlyForClientsThatShowIt() throws {
        let samples = "file://" + Golden.samples.path
        let showing = try LSPTestClient()
        try showing.initialize(LSPTestClient.capabilities(progress: true), rootURI: samples)
        let create = try showing.waitFor("a progress token") { $0["method"] == .string("window/workDoneProgress/create") }
        let token = try #require(create["params"]?["token"])
        let end = try showing.waitFor("the end of indexing") { $0["method"] == .string("$/progress") && $0["params"]?["value"]?["kind"] == .string("end") }
        #expect(end["params"]?["token"] == token)
        let kinds = showing.notifications("$/progress").compactMap { $0["params"]?["value"]?["kind"]?.stringValue }
        #expect(kinds.first == "begin" && kinds.last == "end")
        #expect(try showing.shutdownAndExit() == 0)

        let silent = try LSPTestClient()
        try silent.initialize(LSPTestClient.capabilities(progress: false), rootURI: samples)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(silent.all { $0["method"] == .string("window/workDoneProgress/create") || $0["method"] == .string("$/progress") }.isEmpty)
        #expect(try silent.shutdownAndExit() == 0)
    }
}
