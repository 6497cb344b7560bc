import AgendaBase
import AgendaSyntax
import Foundation
import Testing

/// `Tests/Fixtures/parser/NAME.agenda` → `NAME.tree`: the syntax tree and the
/// parser's diagnostics, as text a reader can check against the input.
@Suite struct ParserGoldenTests {
    static let cases = Golden.inputs("parser")

    @Test(arguments: cases)
    func parsesAsExpected(_ input: URL) {
        let document = Parser.parse(SourceText(bytes: Golden.bytes(input)))
        var out = SyntaxTreePrinter.print(document)
        for diagnostic in document.diagnostics {
            out += DiagnosticPrinter.line(diagnostic, in: document.source) + "\n"
        }
        Golden.check(out, against: input.deletingPathExtension().appendingPathExtension("tree"))
    }

    @Test func everySampleParsesWithoutSyntaxErrors() {
        for sample in Golden.sampleFiles() {
            let document = Parser.parse(SourceText(bytes: Golden.bytes(sample)))
            let errors = document.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(sample.lastPathComponent): \(errors.map(\.message))")
            #expect(document.items.count >= 5, "\(sample.lastPathComponent) should have its items")
        }
    }
}

/// Diagnostics as one readable line each: `line:col-line:col severity CODE message`.
enum DiagnosticPrinter {
    static func line(_ diagnostic: Diagnostic, in source: SourceText) -> String {
        let start = source.position(of: diagnostic.range.lowerBound, unit: .unicodeScalars)
        let end = source.position(of: diagnostic.range.upperBound, unit: .unicodeScalars)
        var text = "\(start.line + 1):\(start.column + 1)-\(end.line + 1):\(end.column + 1) \(diagnostic.severity.rawValue) \(diagnostic.code) \(diagnostic.message)"
        for fix in diagnostic.fixes {
            text += "\n    fix: \(fix.title)"
            for edit in fix.edits {
                let editStart = source.position(of: edit.range.lowerBound, unit: .unicodeScalars)
                text += " [\(editStart.line + 1):\(editStart.column + 1)+\(edit.range.count) → \(edit.replacement.debugDescription)]"
            }
        }
        return text
    }
}
