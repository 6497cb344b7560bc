// The formatter: formatting twice equals formatting once, and the multiset of
// words (runs of letters and digits) is what it was.
import AgendaBase
import AgendaFormat

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
}
