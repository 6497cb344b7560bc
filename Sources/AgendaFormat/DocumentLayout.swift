import AgendaBase
import AgendaSyntax

/// How far the layout may go.
enum LayoutMode: CaseIterable {
    /// Re-indent lists, align tables, move prose to its column: the canonical layout.
    case canonical
    /// Only what cannot change the tree: keyword lines, comments, blank lines,
    /// trailing whitespace, line ends. Used when the canonical layout would read differently.
    case conservative
}

/// Produces, for every source line, the lines it becomes (none for a dropped
/// blank line, two or more when a blank line is inserted above it).
struct DocumentLayout {
    let document: DocumentSyntax
    let plan: LinePlan
    let mode: LayoutMode
    private var source: SourceText { document.source }

    init(_ document: DocumentSyntax, plan: LinePlan, mode: LayoutMode) {
        self.document = document
        self.plan = plan
        self.mode = mode
    }

    /// The formatted document; `recordingLines` also keeps where each source
    /// line's output ends (for `Formatter.edits`), four or eight bytes a line.
    func render(recordingLines: Bool = true) -> FormattedLines {
        BlankLinePolicy(document: document, plan: plan).write(lineCount: document.lines.count, recordingLines: recordingLines) { index in
            text(ofLine: index)
        }
    }

    /// The line's text, nil when it is blank.
    private func text(ofLine index: Int) -> String? {
        let line = document.lines[index]
        let text: String
        switch line.kind {
        case .blank:
            return nil
        case .comment:
            text = commentText(index)
        case .keyword(let keywordLine):
            text = plan.keywordLinesReadAsText.contains(index) ? source.trimmedText(line.range) : keywordLine.canonicalText(in: source)
        default:
            if mode == .canonical, let role = plan.role(index) {
                text = render(role, line: line)
            } else {
                text = keptIndentation(line.range) + source.trimmedText(line.range)
            }
        }
        return text.isEmpty ? nil : text
    }

    private func render(_ role: LineRole, line: ScannedLine) -> String {
        let indent = String(repeating: " ", count: role.column)
        switch role {
        case .keyword(let keywordLine):
            return keywordLine.canonicalText(in: source)
        case .prose(let column):
            let text = source.trimmedText(line.range)
            return column == 0 && readsAsKeywordLine(text, line: line) ? keptIndentation(line.range) + text : indent + text
        case .listEntry(_, let marker, let content):
            let written = source.text(marker)
            let markerText = written == "*" ? ListEntrySyntax.bullet : written
            let contentText = source.trimmedText(content)
            return indent + markerText + (contentText.isEmpty ? "" : " " + contentText)
        case .tableRow(_, let text):
            return indent + text
        }
    }

    /// Indented prose that would read as something else once at column 1 (a
    /// keyword line) keeps its indentation. An escape `\` would keep it prose
    /// too, but would say the author meant it as text: the fail-safe check
    /// reads an indented ` lukket` as the flag, and `\lukket` as text.
    private func readsAsKeywordLine(_ text: String, line: ScannedLine) -> Bool {
        guard source.indentEnd(line.range) > line.range.lowerBound else { return false }
        if case .prose? = Parser.parse(text).lines.first?.kind { return false }
        return true
    }

    /// Comments stand at column 1, except inside a list, where they take the
    /// indentation of the list line below them.
    private func commentText(_ index: Int) -> String {
        let text = source.trimmedText(document.lines[index].range)
        guard plan.isInsideList(index) else { return text }
        // the column of the nearest placed line at or below it
        let column = mode == .canonical ? plan.nextColumn(atOrBelow: index) : source.indentWidth(document.lines[index].range)
        return String(repeating: " ", count: column) + text
    }

    /// The indentation a line keeps in the conservative layout (tabs as 4 spaces, as the scanner counts them).
    private func keptIndentation(_ range: Range<Int>) -> String {
        String(repeating: " ", count: source.indentWidth(range))
    }
}
