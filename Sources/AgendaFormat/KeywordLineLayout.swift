import AgendaBase
import AgendaSyntax

/// Writes a keyword line canonically: the spelling the author chose (Danish or
/// English, main or alternative) in the table's lowercase form, the number if
/// any, then `: value` with exactly one space after the colon.
enum KeywordLineLayout {
    static func render(_ line: KeywordLine, in source: SourceText) -> String {
        var text = spelling(of: line, in: source)
        if let numberRange = line.numberRange {
            // the number as written (`03` stays `03`; an invalid number is kept for the author to fix)
            text += " " + source.trimmedText(numberRange)
        }
        // a flag has no colon; a keyword line missing its colon (AG111) gets it
        if line.colon == nil && line.keyword.role == .flag { return text }
        text += ":"
        let value = source.trimmedText(line.valueRange)
        if !value.isEmpty { text += " " + value }
        return text
    }

    /// The table's spelling matching what was written, so only case changes.
    static func spelling(of line: KeywordLine, in source: SourceText) -> String {
        let nameEnd = line.numberRange?.lowerBound ?? line.colon ?? line.range.upperBound
        let written = source.trimmed(line.range.lowerBound..<max(line.range.lowerBound, nameEnd))
        // a variant (`Resumé`, `Beslutninger`) becomes the spelling it stands for
        return KeywordMatcher.spelling(written: source.bytes[written]) ?? source.text(written).lowercased()
    }
}
