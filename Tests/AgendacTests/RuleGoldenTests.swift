import AgendaBase
import AgendaSemantics
import Foundation
import Testing

/// `Tests/Fixtures/rules/**/NAME.agenda` → `NAME.diagnostics`: every finding of
/// parser, lowering and checker, with the workspace settings found beside the file.
@Suite struct RuleGoldenTests {
    static let cases: [URL] = {
        let root = Golden.fixtures.appendingPathComponent("rules")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let next = enumerator?.nextObject() as? URL { if next.pathExtension == "agenda" { found.append(next) } }
        return found.sorted { $0.path < $1.path }
    }()

    static func render(_ url: URL) -> String {
        let (context, problems) = CheckContext.discover(for: url)
        let document = AnalyzedDocument(source: SourceText(bytes: Golden.bytes(url)), context: context)
        return (problems + document.diagnostics).map { DiagnosticPrinter.line($0, in: document.source) }
            .joined(separator: "\n").replacingOccurrences(of: Golden.packageRoot.path, with: "<root>") + "\n"
    }

    @Test(arguments: cases)
    func reportsAsExpected(_ input: URL) {
        Golden.check(Self.render(input), against: input.deletingPathExtension().appendingPathExtension("diagnostics"))
    }

    /// Every rule in the table is shown firing by at least one golden file.
    @Test func everyRuleHasAGoldenExample() {
        let parserTrees = Golden.inputs("parser", ext: "tree").map(Golden.read)
        let ruleOutputs = Self.cases.map { Golden.read($0.deletingPathExtension().appendingPathExtension("diagnostics")) }
        let styleOutputs = Golden.inputs("style", ext: "diagnostics").map(Golden.read)
        let archiveOutputs = Golden.inputs("archive/checks", ext: "diagnostics").map(Golden.read)
        let all = (parserTrees + ruleOutputs + styleOutputs + archiveOutputs).joined(separator: "\n")
        for rule in Rule.allCases {
            #expect(all.contains(" \(rule.code) "), "no golden file shows \(rule.code) (\(rule.title))")
        }
    }

    /// The samples are clean: no errors (information such as shared case numbers is fine).
    @Test func samplesHaveNoErrorsOrWarnings() {
        for sample in Golden.sampleFiles() {
            let (context, problems) = CheckContext.discover(for: sample)
            let document = AnalyzedDocument(source: SourceText(bytes: Golden.bytes(sample)), context: context)
            let serious = (problems + document.diagnostics).filter { $0.severity <= .warning }
            #expect(serious.isEmpty, "\(sample.lastPathComponent): \(serious.map { DiagnosticPrinter.line($0, in: document.source) })")
        }
    }
}
