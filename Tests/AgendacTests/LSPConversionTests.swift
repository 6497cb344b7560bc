import AgendaBase
import AgendaIDE
@testable import AgendaLSP
import Foundation
import Testing

/// The translations of the LSP layer that are pure: semantic tokens to LSP's
/// relative encoding, diagnostics to LSP diagnostics, formatter edits to
/// `TextEdit`s, all counted in the negotiated unit.
@Suite struct LSPConversionTests {
    // line 0: `æ😀 ord` — bytes æ0 😀2 ' '6 o7 r8 d9; line 1 starts at 11: `punkt`
    static let source = SourceText("æ😀 ord\npunkt")

    static let tokens = [
        SemanticToken(range: 2..<6, type: .string),                     // the emoji
        SemanticToken(range: 7..<10, type: .variable, modifiers: 0b10),  // `ord`
        SemanticToken(range: 11..<16, type: .keyword),                   // `punkt`
    ]

    @Test func semanticTokensInUTF16() {
        let data = SemanticTokensHandler.encode(Self.tokens, positions: LSPPositions(Self.source, .utf16))
        #expect(data == [
            0, 1, 2, SemanticTokenType.string.rawValue, 0,
            0, 3, 3, SemanticTokenType.variable.rawValue, 2,   // starts at column 4: 3 after the emoji's start
            1, 0, 5, SemanticTokenType.keyword.rawValue, 0,
        ])
    }

    @Test func semanticTokensInUTF8() {
        let data = SemanticTokensHandler.encode(Self.tokens, positions: LSPPositions(Self.source, .utf8))
        #expect(data == [
            0, 2, 4, SemanticTokenType.string.rawValue, 0,
            0, 5, 3, SemanticTokenType.variable.rawValue, 2,
            1, 0, 5, SemanticTokenType.keyword.rawValue, 0,
        ])
    }

    @Test func tokensThatCrossLinesOrGoBackAreSkipped() {
        let bad = [SemanticToken(range: 7..<13, type: .string), SemanticToken(range: 11..<16, type: .keyword), SemanticToken(range: 2..<6, type: .string)]
        let data = SemanticTokensHandler.encode(bad, positions: LSPPositions(Self.source, .utf16))
        #expect(data == [1, 0, 5, SemanticTokenType.keyword.rawValue, 0])
    }

    @Test func diagnosticsCarryCodeSourceSeverityAndRule() {
        let diagnostic = Diagnostic(.invalidDate, 7..<10, "the date does not exist")
        let json = DiagnosticConversion.json(diagnostic, positions: LSPPositions(Self.source, .utf16))
        #expect(json["range"] == .object([
            ("start", .object([("line", .int(0)), ("character", .int(4))])),
            ("end", .object([("line", .int(0)), ("character", .int(7))])),
        ]))
        #expect(json["severity"] == .int(1) && json["code"] == .string("AG300") && json["source"] == .string("agendac"))
        #expect(json["codeDescription"] == nil)
        #expect(DiagnosticConversion.rule(of: json) == .invalidDate)
        #expect(Severity.allCases.map(DiagnosticConversion.severity) == [1, 2, 3, 4])
    }

    @Test func editsBecomeTextEditsInTheNegotiatedUnit() {
        let edits = [TextEdit(range: 7..<10, replacement: "ø")]
        #expect(FormattingHandlers.json(edits, positions: LSPPositions(Self.source, .utf16)) == .array([.object([
            ("range", .object([
                ("start", .object([("line", .int(0)), ("character", .int(4))])),
                ("end", .object([("line", .int(0)), ("character", .int(7))])),
            ])),
            ("newText", .string("ø")),
        ])]))
    }
}
