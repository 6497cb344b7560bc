import AgendaBase
@testable import AgendaLSP
import Foundation
import Testing

/// LSP 3.17 ends lines at `\n`, `\r\n` and a lone `\r`; `SourceText` does the
/// same, so the parser, `agendac check` and the language server count the
/// same lines. Columns in UTF-16 with characters outside the BMP.
@Suite struct LineBreakTests {
    // lines: "a😀b" (bytes 0..<6, CR at 6) · "ø" (7..<9, CRLF 9–10) · "" (11, LF) · "x😀" (12..<17, CR at 17) · "" (18)
    static let text = SourceText("a😀b\rø\r\n\nx😀\r")

    @Test("every kind of line end starts a line")
    func lineStarts() {
        #expect(Self.text.allLineStarts == [0, 7, 11, 12, 18])
        #expect(Self.text.lineRange(0) == 0..<6)
        #expect(Self.text.lineRange(1) == 7..<9)
        #expect(Self.text.lineRange(2) == 11..<11)
        #expect(Self.text.lineRange(3) == 12..<17)
        #expect(Self.text.lineRange(4) == 18..<18)
        #expect(SourceText("\r\r").allLineStarts == [0, 1, 2])
        #expect(SourceText("\n\r").allLineStarts == [0, 1, 2])
        #expect(SourceText("\r\n").allLineStarts == [0, 2])
        #expect(SourceText("plain\ntext").allLineStarts == [0, 6])
    }

    @Test("UTF-16 positions after a lone CR and around characters outside the BMP")
    func utf16Positions() {
        let positions = LSPPositions(Self.text, .utf16)
        func position(_ line: Int, _ character: Int) -> JSON { .object([("line", .int(line)), ("character", .int(character))]) }
        #expect(positions.json(5) == position(0, 3), "after a😀: 1 + 2 units")
        #expect(positions.json(7) == position(1, 0), "after the lone CR, a new line")
        #expect(positions.json(9) == position(1, 1))
        #expect(positions.json(12) == position(3, 0))
        #expect(positions.json(17) == position(3, 3))
        #expect(positions.json(18) == position(4, 0))
        #expect(positions.offset(position(3, 1)) == 13)
        #expect(positions.offset(position(3, 2)) == 13, "between the surrogates: before the emoji")
        #expect(positions.offset(position(3, 99)) == 17, "clamped before the lone CR")
        #expect(positions.offset(position(0, 99)) == 6)
        #expect(Self.text.position(of: 17, unit: .unicodeScalars) == LineColumn(line: 3, column: 2))
    }

    @Test("check and the language server put a finding after a lone CR on the same line")
    func cliAndServerAgree() throws {
        let text = "// titel\rmøde: Udvalget\rdato: 2026-02-30\r"
        let folder = temporaryTestFolder("agendac-cr")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cr.agenda")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8)))
        let check = CheckCommandTests.run(["check", "cr.agenda", "--format", "json"], in: folder)
        let finding = try #require((try JSON.parse(check.output).arrayValue ?? []).first { $0["code"]?.stringValue == "AG300" })
        #expect(finding["line"]?.intValue == 3)
        #expect(finding["column"]?.intValue == 7)

        let client = try LSPTestClient()
        try client.initialize()
        let uri = "file://" + file.path
        client.open(uri, text)
        let published = try client.waitFor("diagnostics") { $0["method"] == .string("textDocument/publishDiagnostics") }
        let diagnostic = try #require(published["params"]?["diagnostics"]?.arrayValue?.first { $0["code"] == .string("AG300") })
        #expect(diagnostic["range"]?["start"] == .object([("line", .int(2)), ("character", .int(6))]))
        let symbols = try client.call("textDocument/documentSymbol", LSPTestClient.documentParams(uri))
        #expect(symbols.arrayValue?.isEmpty == false)
        #expect(try client.shutdownAndExit() == 0)
    }
}
