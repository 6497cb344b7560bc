// The formatter: formatting twice equals formatting once, the multiset of
// words (runs of letters and digits) is what it was, and the document compiles
// to the same JSON before and after (fmt changes layout only).
import AgendaBase
import AgendaFormat
import AgendaRender
import AgendaSemantics

func fuzzFormat(_ input: UnsafeBufferPointer<UInt8>) {
    let source = sourceText(input)
    guard Formatter.canFormat(source) else { return }
    let once = Formatter.format(source)
    let twice = Formatter.format(SourceText(once))
    if once != twice {
        propertyFailed("formatting is not idempotent:\n--- once\n\(once)\n--- twice\n\(twice)")
    }
    let before = wordCounts(source.string), after = wordCounts(once)
    if before != after {
        let lost = before.filter { after[$0.key, default: 0] < $0.value }.map(\.key).sorted()
        let gained = after.filter { before[$0.key, default: 0] < $0.value }.map(\.key).sorted()
        propertyFailed("formatting changed the words: lost \(lost), gained \(gained)")
    }
    let compiled = compiledJSON(source), compiledFormatted = compiledJSON(SourceText(once))
    if compiled != compiledFormatted {
        propertyFailed("formatting changed what compiles:\n--- before\n\(compiled)\n--- after\n\(compiledFormatted)\n--- formatted\n\(once)")
    }
}

/// The JSON `agendac compile --to json --force` writes for a text.
private func compiledJSON(_ source: SourceText) -> String {
    AgendaRenderer.render(AnalyzedDocument(source: source, context: isolatedContext()).meeting, as: .json)
}
