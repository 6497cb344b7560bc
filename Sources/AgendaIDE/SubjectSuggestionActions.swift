import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// KLE subjects proposed for an item from its title and text (OS2KLE's
/// weighted keywords), offered as code actions on its `punkt` and `sagsnr:`
/// lines: when it has no case number, and when its KLE subject's main group
/// has nothing to do with what the text talks about.
extension CodeActionBuilder {
    func subjectSuggestions(at range: Range<Int>) -> [CodeAction] {
        guard let found = lookup.itemContaining(range.lowerBound) else { return [] }
        let item = found.model
        let line = source.line(containing: range.lowerBound)
        let caseLine = found.syntax.entries.first { $0.keyword == .caseNumber }?.line
        let onHeader = source.line(containing: found.syntax.line.range.lowerBound) == line
        let onCaseLine = caseLine.map { source.line(containing: $0.range.lowerBound) == line } ?? false
        guard onHeader || onCaseLine else { return [] }
        guard let written = item.caseNumber, !written.value.isEmpty else {
            return document.suggestedSubjects(for: item, limit: CodeActionBuilder.suggestionLimit).map { suggestion in
                let code = suggestion.subject.code
                let edit: TextEdit
                if let caseLine {
                    let end = caseLine.range.upperBound
                    edit = TextEdit(range: caseLine.valueRange.isEmpty ? end..<end : caseLine.valueRange,
                                    replacement: (caseLine.valueRange.isEmpty ? " " : "") + code + "-")
                } else {
                    let end = found.syntax.line.range.upperBound
                    edit = TextEdit(range: end..<end, replacement: "\nsagsnr: \(code)-")
                }
                return CodeAction(title: "Start the case number with KLE subject \(code) \(suggestion.subject.title)\(because(suggestion))",
                                  edits: [edit], diagnostic: nil)
            }
        }
        guard case .kle(let number)? = CaseNumber.parse(written.value) else { return [] }
        let mentioned = document.mainGroupsMentioned(in: item)
        guard !mentioned.isEmpty, !mentioned.contains(number.mainGroup) else { return [] }
        let subjectRange = written.range.lowerBound..<(written.range.lowerBound + 8)
        let suggestions = document.suggestedSubjects(for: item, limit: CodeActionBuilder.suggestionLimit)
        // one stray word is no evidence against the secretary's choice
        guard let best = suggestions.first, best.keywords.count >= CodeActionBuilder.evidenceAgainstSubject else { return [] }
        return suggestions.map { suggestion in
            CodeAction(title: "Use KLE subject \(suggestion.subject.code) \(suggestion.subject.title)\(because(suggestion)); main group \(number.subjectCode.prefix(2)) has none of the text's keywords",
                       edits: [TextEdit(range: subjectRange, replacement: suggestion.subject.code)], diagnostic: nil)
        }
    }

    /// The subjects offered at once.
    static let suggestionLimit = 3
    /// The keywords of another main group that must occur before a written subject is called into question.
    static let evidenceAgainstSubject = 2

    /// ` (the text mentions «a», «b»)`: the strongest keywords found.
    private func because(_ suggestion: KLESuggestion) -> String {
        guard !suggestion.keywords.isEmpty else { return "" }
        return " (the text mentions " + suggestion.keywords.prefix(3).map { "«\($0)»" }.joined(separator: ", ") + ")"
    }
}
