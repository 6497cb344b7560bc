// The importer: any text imports without a crash; importing is deterministic;
// the source it writes is what `agendac fmt` writes (formatting changes
// nothing), and the document it makes parses with every finding inside it.
import AgendaBase
import AgendaFormat
import AgendaImport

func fuzzImport(_ input: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: input, as: UTF8.self)
    let lines = ImportLine.lines(ofText: text)
    let result = DocumentImporter.importDocument(lines, fileName: "fuzz.txt")
    if Formatter.format(result.source) != result.source {
        propertyFailed("the imported source is not formatted:\n\(result.source.prefix(2000))")
    }
    if DocumentImporter.importDocument(lines, fileName: "fuzz.txt").source != result.source {
        propertyFailed("importing the same lines twice gave different sources")
    }
    for finding in result.report.findings where finding.sourceLine < 1 || finding.sourceLine > max(1, lines.count) {
        propertyFailed("a finding names line \(finding.sourceLine) of \(lines.count)")
    }
    analyzeChecked(SourceText(result.source), context: isolatedContext())
}
