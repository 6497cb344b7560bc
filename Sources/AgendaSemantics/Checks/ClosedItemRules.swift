import AgendaBase
import AgendaSyntax

/// Closed items as Danish law has them: the public minutes still publish the
/// decision of a closed item, in words that may be made public, unless the
/// decision itself is confidential. These rules keep the public fields
/// (`offentlig titel:`, `offentlig beslutning:`, `fortrolig beslutning`) and
/// the `lukket` flag consistent, so `--public` prints what was meant.
enum ClosedItemRules {
    static func itemFindings(_ item: Item, isMinutes: Bool, source: SourceText) -> [Diagnostic] {
        item.closed ? closedItemFindings(item, isMinutes: isMinutes, source: source) : publicFieldsOnOpenItem(item, source: source)
    }

    static func closedItemFindings(_ item: Item, isMinutes: Bool, source: SourceText) -> [Diagnostic] {
        if let confidential = item.confidentialDecision, let published = item.publicDecision {
            let line = lineRange(published.range, source: source)
            return [Diagnostic(.publicAndConfidentialDecision, line,
                "item \(item.number) has a public decision, but its decision is marked `fortrolig beslutning` (line \(source.line(containing: confidential.lowerBound) + 1)); remove `offentlig beslutning:` if the decision may not be published, or the flag if it may",
                fixes: [Fix(title: "Remove the flag `fortrolig beslutning`", edits: [removeLine(confidential, source: source)])])]
        }
        guard isMinutes, item.confidentialDecision == nil else { return [] }
        guard let published = item.publicDecision else {
            let end = item.headerRange.upperBound
            let field = Keyword.publicDecision.canonical
            return [Diagnostic(.closedItemWithoutPublicDecision, item.headerRange,
                "item \(item.number) is closed, and its public minutes publish the decision; add `\(field):` with the decision in words that may be published, or the flag `\(Keyword.confidentialDecision.canonical)` if the decision itself is confidential",
                fixes: [Fix(title: "Add `\(field):`", edits: [TextEdit(range: end..<end, replacement: "\n\(field): ")]),
                        Fix(title: "Mark the decision `\(Keyword.confidentialDecision.canonical)`",
                            edits: [TextEdit(range: end..<end, replacement: "\n\(Keyword.confidentialDecision.canonical)")])])]
        }
        if case .prose(let prose) = published.content, prose.isEmpty {
            return [Diagnostic(.closedItemWithoutPublicDecision, lineRange(published.range, source: source),
                "the public decision of item \(item.number) is empty; write the decision as it may be published, on this line or below it")]
        }
        return []
    }

    static func publicFieldsOnOpenItem(_ item: Item, source: SourceText) -> [Diagnostic] {
        var places: [Range<Int>] = []
        if let title = item.publicTitle { places.append(lineRange(title.range, source: source)) }
        if let published = item.publicDecision { places.append(lineRange(published.range, source: source)) }
        if let confidential = item.confidentialDecision { places.append(confidential) }
        let end = item.headerRange.upperBound
        let addClosed = Fix(title: "Mark item \(item.number) `\(Keyword.closed.canonical)`",
                            edits: [TextEdit(range: end..<end, replacement: "\n\(Keyword.closed.canonical)")])
        return places.map { line in
            let written = source.text(keywordPart(line, source: source))
            return Diagnostic(.publicFieldOnOpenItem, line,
                "`\(written)` says what the public minutes show of a closed item, but item \(item.number) is not marked `\(Keyword.closed.canonical)`, so all of it is published; add `\(Keyword.closed.canonical)` under the item line, or remove the line",
                fixes: [addClosed])
        }
    }

    /// The whole line holding `offset`.
    static func lineRange(_ range: Range<Int>, source: SourceText) -> Range<Int> {
        source.lineRange(source.line(containing: range.lowerBound))
    }

    /// `offentlig titel:` of `offentlig titel: Køb af ejendom`; a flag line is all keyword.
    static func keywordPart(_ line: Range<Int>, source: SourceText) -> Range<Int> {
        guard let colon = source.bytes[line].firstIndex(of: UInt8(ascii: ":")) else { return source.trimmingSpaces(line) }
        return line.lowerBound..<(colon + 1)
    }

    /// Deletes a whole line with its line break.
    static func removeLine(_ line: Range<Int>, source: SourceText) -> TextEdit {
        var end = line.upperBound
        if end < source.bytes.count, source.bytes[end] == UInt8(ascii: "\r") { end += 1 }
        if end < source.bytes.count, source.bytes[end] == UInt8(ascii: "\n") { end += 1 }
        return TextEdit(range: line.lowerBound..<end, replacement: "")
    }
}
