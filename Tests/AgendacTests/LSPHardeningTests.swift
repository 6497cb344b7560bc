import AgendaBase
import Foundation
import Testing

/// The language server against what the outside probe found: answers in the
/// wrong order around `shutdown`, bodies that are not UTF-8, params of the
/// wrong type, and requests that named files the client never opened.
/// All through the built `agendac lsp` over its real standard input and output.
@Suite(.serialized) struct LSPHardeningTests {
    static let sample = CheckCommandTests.sample

    /// A workspace big enough that indexing takes a while, so hovers wait for it.
    static func busyWorkspace(copies: Int) throws -> URL {
        let folder = temporaryTestFolder("agendac-lsp-busy")
        let text = try Data(contentsOf: sample)
        for index in 0..<copies {
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("m\(index).agenda").path, contents: text))
        }
        return folder
    }

    @Test("requests sent before shutdown are answered before its response")
    func answersBeforeShutdown() throws {
        let folder = try Self.busyWorkspace(copies: 150)
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = try LSPTestClient()
        try client.initialize(rootURI: "file://" + folder.path)
        let uri = "file://" + folder.appendingPathComponent("open.agenda").path
        let text = Golden.read(Self.sample)
        client.open(uri, text)
        var hovers: [Int] = []
        for version in 2...11 {
            client.notify("textDocument/didChange", .object([
                ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                ("contentChanges", .array([.object([("text", .string(text + "\n// \(version)\n"))])])),
            ]))
            hovers.append(client.request("textDocument/hover", LSPTestClient.documentParams(uri, [("position", LSPTestClient.position(16, 10))])))
        }
        let shutdown = client.request("shutdown")
        _ = try client.response(to: shutdown, timeout: 60)
        let order = client.all { $0["id"] != nil && $0["method"] == nil }.compactMap { $0["id"]?.intValue }
        let shutdownPlace = try #require(order.firstIndex(of: shutdown))
        for hover in hovers {
            let place = try #require(order.firstIndex(of: hover), "hover \(hover) was never answered before shutdown's response")
            #expect(place < shutdownPlace)
        }
        client.notify("exit", .null)
        #expect(client.waitForExit() == 0)
    }

    @Test("a body that is not UTF-8 is a parse error, -32700")
    func bodyNotUTF8() throws {
        let client = try LSPTestClient()
        try client.initialize()
        var body = Array(#"{"jsonrpc":"2.0","id":77,"method":"textDocument/hover\#u{0}"}"#.utf8)
        body[body.count - 3] = 0xFF
        client.sendRaw(LSPTestClient.frame(body))
        let error = try client.waitFor("the parse error") { $0["error"] != nil }
        #expect(error["error"]?["code"] == .int(-32700))
        #expect(error["id"] == .null)
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test("initialize with params that are no InitializeParams is -32602, and a good one still works")
    func initializeParams() throws {
        let client = try LSPTestClient()
        for params: JSON in [.null, .array([]), .object([]), .object([("capabilities", .array([]))]),
                             .object([("capabilities", .object([])), ("processId", .string("x"))])] {
            let id = client.request("initialize", params)
            let response = try client.response(to: id)
            #expect(response["error"]?["code"] == .int(-32602), "\(params.serialized())")
        }
        let result = try client.initialize()
        #expect(result["capabilities"] != nil)
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test("requests with params that are not an object are -32602", arguments: [
        "textDocument/hover", "textDocument/completion", "textDocument/documentSymbol", "workspace/symbol", "textDocument/formatting",
    ])
    func otherParams(_ method: String) throws {
        let client = try LSPTestClient()
        try client.initialize()
        for params: JSON in [.null, .array([]), .array([.string("x")])] {
            let id = client.request(method, params)
            #expect(try client.response(to: id)["error"]?["code"] == .int(-32602), "\(method) \(params.serialized())")
        }
        let fine = client.request("workspace/symbol", .object([("query", .string(""))]))
        #expect(try client.response(to: fine)["result"] != nil)
        #expect(try client.shutdownAndExit() == 0)
    }

    @Test("only opened documents and agenda files under the workspace folders are read")
    func readsOnlyWhatItMay() throws {
        let root = temporaryTestFolder("agendac-lsp-root")
        let outside = temporaryTestFolder("agendac-lsp-outside")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let secret = "møde: Hemmeligt udvalg\n\npunkt 1: Hemmelig sag\n"
        #expect(FileManager.default.createFile(atPath: outside.appendingPathComponent("secret.agenda").path, contents: Data(secret.utf8)))
        #expect(FileManager.default.createFile(atPath: root.appendingPathComponent("inside.agenda").path, contents: Data("møde: Åbent udvalg\n\npunkt 1: Åben sag\n".utf8)))
        #expect(FileManager.default.createFile(atPath: root.appendingPathComponent("notes.txt").path, contents: Data(secret.utf8)))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.agenda").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.agenda").path)
        let client = try LSPTestClient()
        try client.initialize(rootURI: "file://" + root.path)

        func symbols(_ path: String) throws -> JSON {
            let id = client.request("textDocument/documentSymbol", LSPTestClient.documentParams("file://" + path))
            return try client.response(to: id)
        }
        let inside = try symbols(root.appendingPathComponent("inside.agenda").path)
        #expect(inside["result"]?.serialized().contains("Åben sag") == true, "an agenda file in the workspace is read")
        for path in [outside.appendingPathComponent("secret.agenda").path, root.appendingPathComponent("link.agenda").path,
                     root.appendingPathComponent("notes.txt").path, root.path + "/../" + outside.lastPathComponent + "/secret.agenda",
                     "/etc/passwd", "/etc/shadow"] {
            let response = try symbols(path)
            #expect(response["error"] != nil, "\(path) was read: \(response.serialized().prefix(200))")
            #expect(!response.serialized().contains("Hemmelig"))
            #expect(!response.serialized().contains("root:"))
        }
        // what the client opens is the client's to show, wherever it lies
        client.open("file://" + outside.appendingPathComponent("secret.agenda").path, secret)
        #expect(try symbols(outside.appendingPathComponent("secret.agenda").path)["result"]?.serialized().contains("Hemmelig sag") == true)
        #expect(try client.shutdownAndExit() == 0)
    }
}
