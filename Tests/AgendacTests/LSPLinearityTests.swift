import AgendaBase
@testable import AgendaLSP
import Dispatch
import Foundation
import Testing

/// The pathological documents of `LinearityTests`, through the language
/// server's own layer: each message is decoded from its bytes, handled by the
/// handler the dispatcher would call, and its result encoded as it would be
/// written, all on the test thread (so its CPU time is what is measured). An
/// open, the requests an editor sends at once (symbols, semantic tokens,
/// folding, pulled diagnostics, completion and hover in the middle and at the
/// end), then an edit in the middle and the same requests again. As there, n
/// and 4n in one run, a ratio and no wall-clock limit.
@Suite(.serialized) struct LSPLinearityTests {
    /// A server state with no transport behind it (output to /dev/null) that
    /// pushes no diagnostics during the test (the delay is an hour).
    static func makeState() -> ServerState {
        let sink = FileHandle(forWritingAtPath: "/dev/null") ?? FileHandle.nullDevice
        let connection = Connection(writer: MessageWriter(fileDescriptor: sink.fileDescriptor))
        let options = LanguageServer.Options(diagnosticsDelay: .seconds(3600))
        let state = ServerState(queue: DispatchQueue(label: "agendac.test.lsp-linearity"), connection: connection, options: options)
        state.lifecycle = .running
        return withExtendedLifetime(sink) { state }
    }

    /// One message through the server's layer: decoded from its bytes, handled, its result encoded.
    static func deliver(_ message: JSON, to state: ServerState) {
        guard case .success(let decoded) = IncomingMessage.decode(message.serializedBytes()) else {
            Issue.record("the test's own message does not decode")
            return
        }
        switch decoded {
        case .notification(let method, let params):
            ServerFeatures.notification(method)?.handle(HandlerContext(params: params, token: CancellationToken(), state: state))
        case .request(_, let method, let params):
            guard let route = ServerFeatures.request(method) else {
                Issue.record("no handler for \(method)")
                return
            }
            do throws(ResponseError) {
                let result: JSON
                switch try route.handle(HandlerContext(params: params, token: CancellationToken(), state: state)) {
                case .result(let value): result = value
                case .deferred(let work): result = try work(CancellationToken())
                }
                _ = OutgoingMessage.response(id: .number(1), result: result).serializedBytes()
            } catch {
                Issue.record("\(method) failed: \(error.message)")
            }
        case .response:
            break
        }
    }

    static func request(_ method: String, _ params: [(String, JSON)]) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", .int(1)), ("method", .string(method)), ("params", .object(params))])
    }

    static func notification(_ method: String, _ params: [(String, JSON)]) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", .object(params))])
    }

    static func position(_ position: LineColumn) -> JSON {
        .object([("line", .int(position.line)), ("character", .int(position.column))])
    }

    /// The session: open, ask, edit in the middle, ask again.
    static func session(_ source: SourceText) {
        let state = makeState()
        let uri = "file:///agendac-linearity/document.agenda"
        let document: (String, JSON) = ("textDocument", .object([("uri", .string(uri))]))
        deliver(notification("textDocument/didOpen", [("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("agenda")), ("version", .int(1)), ("text", .string(source.string)),
        ]))]), to: state)
        let middle = source.position(of: source.lineRange(source.lineCount / 2).lowerBound, unit: .utf16)
        let end = source.position(of: source.bytes.count, unit: .utf16)
        func ask() {
            for method in ["textDocument/documentSymbol", "textDocument/semanticTokens/full", "textDocument/foldingRange",
                           "textDocument/diagnostic"] {
                deliver(request(method, [document]), to: state)
            }
            for place in [middle, end] {
                deliver(request("textDocument/completion", [document, ("position", position(place))]), to: state)
                deliver(request("textDocument/hover", [document, ("position", position(place))]), to: state)
            }
        }
        ask()
        let edit = JSON.object([
            ("range", .object([("start", position(middle)), ("end", position(middle))])), ("text", .string("punkt: Indsat\n")),
        ])
        deliver(notification("textDocument/didChange", [
            ("textDocument", .object([("uri", .string(uri)), ("version", .int(2))])), ("contentChanges", .array([edit])),
        ]), to: state)
        ask()
    }

    @Test("the language server grows linearly on pathological input",
          arguments: LinearityTests.cases.filter { ProcessInfo.processInfo.environment["AGENDAC_LINEARITY_CASE"].map($0.name.contains) ?? true })
    func linear(_ testCase: LinearityTests.Case) {
        let small = SourceText(testCase.generate(testCase.size))
        let large = SourceText(testCase.generate(4 * testCase.size))
        let (ratio, detail) = LinearityTests.ratio(Self.session, small: small, large: large)
        #expect(ratio < 10, "\(testCase.name), language server: \(detail)")
    }

    @Test("a position cursor gives exactly what position(of:) gives, in order or not")
    func cursorMatchesPosition() {
        let bytes = Array("punkt 1: Æbler 😀 og 𝕏\r\nresume:\rTekst **fed** æøå\n| a | 😀 | b |\n".utf8) + [0xFF, 0xC3, 0x41, 0x0A]
        let source = SourceText(bytes: bytes)
        var random = SeededRandom(seed: 3)
        for unit in [ColumnUnit.utf8, .utf16, .unicodeScalars] {
            var ascending = PositionCursor(source, unit: unit)
            for offset in -2...(bytes.count + 2) {
                #expect(ascending.position(of: offset) == source.position(of: offset, unit: unit), "\(unit) at \(offset)")
            }
            var shuffled = PositionCursor(source, unit: unit)
            for _ in 0..<500 {
                let offset = random.below(bytes.count + 1)
                #expect(shuffled.position(of: offset) == source.position(of: offset, unit: unit), "\(unit) at \(offset)")
            }
        }
    }
}
