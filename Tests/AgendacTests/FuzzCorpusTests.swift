import AgendaBase
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// Replays the inputs kept from fuzzing (`Fuzz/corpus/analyze/`, each once a
/// finding of `scripts/fuzz`) through analysis and every renderer, so a fixed
/// finding stays fixed without building the fuzzer.
@Suite struct FuzzCorpusTests {
    static var keptInputs: [URL] {
        let folder = Golden.packageRoot.appendingPathComponent("Fuzz/corpus/analyze")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func thereAreKeptInputs() {
        #expect(!Self.keptInputs.isEmpty)
    }

    @Test(arguments: keptInputs)
    func everyRangeInsideAndEveryRendererRuns(_ input: URL) {
        let source = SourceText(bytes: Golden.bytes(input))
        let document = AnalyzedDocument(source: source, context: CheckContext(fileURL: URL(fileURLWithPath: "/fuzz/meeting.agenda"), fileExists: { _ in false }))
        for diagnostic in document.diagnostics {
            #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= source.bytes.count,
                    "\(diagnostic.code) \(diagnostic.range) in \(source.bytes.count) bytes")
        }
        for format in OutputFormat.allCases {
            #expect(!AgendaRenderer.render(document.meeting, as: format).isEmpty)
        }
    }
}

/// The `json` fuzz target's finding: a number beyond Double's range read as
/// infinity was written back as `null`.
@Suite struct JSONNumberRangeTests {
    @Test func numbersBeyondDoubleAreRefused() {
        #expect(throws: JSONParseError.self) { try JSON.parse("-99999999999999999999999E999993448319") }
        #expect(throws: JSONParseError.self) { try JSON.parse("[1e400]") }
        #expect((try? JSON.parse("1e308")) == .number(1e308))
    }
}
