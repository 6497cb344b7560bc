import AgendaBase

extension KeywordLine {
    /// The line in its canonical form: the spelling the author chose (Danish or
    /// English, main or alternative) in the table's lowercase form, the number
    /// if any, then `: value` with exactly one space after the colon.
    ///
    /// `fmt` writes every keyword line so, and the model keeps a keyword line it
    /// cannot place (misplaced, given twice, an unreadable date) as this text,
    /// so formatting never changes what the document compiles to.
    public func canonicalText(in source: SourceText) -> String {
        var text = canonicalSpelling(in: source)
        if let numberRange {
            // the number as written (`03` stays `03`; an invalid number is kept for the author to fix)
            text += " " + source.text(source.trimmingSpaces(numberRange))
        }
        // a flag has no colon; a keyword line missing its colon (AG111) gets it
        if colon == nil && keyword.role == .flag { return text }
        text += ":"
        let value = source.text(source.trimmingSpaces(valueRange))
        if !value.isEmpty { text += " " + value }
        return text
    }

    /// The table's spelling matching what was written, so only case changes;
    /// a variant (`Resumé`, `Beslutninger`) becomes the spelling it stands for.
    public func canonicalSpelling(in source: SourceText) -> String {
        let nameEnd = numberRange?.lowerBound ?? colon ?? range.upperBound
        let written = source.trimmingSpaces(range.lowerBound..<max(range.lowerBound, nameEnd))
        return KeywordMatcher.spelling(written: source.bytes[written]) ?? source.text(written).lowercased()
    }
}
