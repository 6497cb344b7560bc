import AgendaBase

/// The hand-written, error-tolerant parser. It reads line by line, never
/// backtracks more than one line, so it always terminates and runs in linear
/// time; one mistake yields one diagnostic and parsing goes on.
public enum Parser {
    public static func parse(_ source: SourceText) -> DocumentSyntax {
        var scanner = LineScanner(source: source)
        let lines = scanner.scan()
        var state = ParserState(source: source, lines: lines)
        state.diagnostics = TextValidator.diagnostics(for: source) + scanner.diagnostics
        state.typoLineStarts = Set(scanner.diagnostics.lazy.filter { $0.rule == .possibleKeywordTypo }.map(\.range.lowerBound))
        return state.parseDocument()
    }

    public static func parse(_ text: String) -> DocumentSyntax { parse(SourceText(text)) }
}

/// Where the parser is, which decides the keywords a body may nest.
enum ParserContext {
    case meeting, item
}

struct ParserState {
    let source: SourceText
    /// The scanner's lines; a numbered line found to continue prose is rewritten to `.prose` here.
    var lines: ScannedLines
    var index = 0
    var comments: [Range<Int>] = []
    var diagnostics: [Diagnostic] = []
    /// Lines already reported as a misspelt keyword (AG105): the text they start is
    /// not reported again as standing outside a section (one mistake, one finding).
    var typoLineStarts: Set<Int> = []
    var reportedTooDeep = false

    init(source: SourceText, lines: ScannedLines) {
        self.source = source
        self.lines = lines
    }

    var atEnd: Bool { index >= lines.count }

    func keywordLine(at position: Int) -> KeywordLine? {
        lines.keywordLine(at: position)
    }

    mutating func parseDocument() -> DocumentSyntax {
        var header: [EntrySyntax] = []
        var items: [ItemSyntax] = []
        // exactly as many as there are item lines: growing by doubling would keep room for twice the items
        items.reserveCapacity(lines.keywordLineCount { $0.keyword.role == .itemStart })
        var signatures: EntrySyntax?
        while !atEnd {
            if let line = keywordLine(at: index) {
                switch line.keyword.role {
                case .itemStart:
                    if let signatures {
                        diagnostics.append(Diagnostic(.misplacedKeyword, line.keywordRange,
                            "an item after the signature sheet (line \(source.line(containing: signatures.range.lowerBound) + 1)); move `underskrifter:` below the last item"))
                    }
                    items.append(parseItem(line))
                    continue
                case .signatures:
                    index += 1
                    let entry = finishEntry(line, body: parseBody(nested: { _ in false }))
                    if signatures == nil {
                        signatures = entry
                    } else {
                        diagnostics.append(Diagnostic(.duplicateField, line.keywordRange, "a second signature sheet; merge it into the first `underskrifter:`"))
                        signatures?.body += entry.body
                    }
                    continue
                default:
                    break
                }
            }
            let entry = parseEntry(context: .meeting)
            if entry.line == nil && entry.body.isEmpty { continue }
            if items.isEmpty && signatures == nil {
                header.append(entry)
            } else if var last = items.popLast() {
                // only reachable after the signature sheet: keep the text with the last item
                last.entries.append(entry)
                items.append(last)
            }
        }
        return DocumentSyntax(source: source, lines: lines, header: header, items: items, signatures: signatures,
                              comments: comments, diagnostics: diagnostics)
    }

    mutating func parseItem(_ line: KeywordLine) -> ItemSyntax {
        index += 1
        if line.valueRange.isEmpty {
            diagnostics.append(Diagnostic(.missingItemTitle, line.range,
                "the item has no title; write it after the colon: `\(source.text(line.keywordRange)) \(line.number.map(String.init) ?? "N"): Titel`"))
        }
        var entries: [EntrySyntax] = []
        while !atEnd {
            if let next = keywordLine(at: index), next.keyword.role == .itemStart || next.keyword.role == .signatures { break }
            let entry = parseEntry(context: .item)
            if entry.line != nil || !entry.body.isEmpty { entries.append(entry) }
        }
        let end = entries.last?.range.upperBound ?? line.range.upperBound
        return ItemSyntax(line: line, entries: entries.trimmingCapacity(), range: line.range.lowerBound..<end)
    }

    /// One entry at the current line: a keyword line with its body, or stray text.
    mutating func parseEntry(context: ParserContext) -> EntrySyntax {
        guard let line = keywordLine(at: index) else {
            let firstLine = lines[index].range.lowerBound
            let body = parseBody(nested: { _ in false })
            let start = body.first?.range.lowerBound ?? firstLine
            let end = max(start, body.last?.range.upperBound ?? start)
            if !body.isEmpty, !typoLineStarts.contains(start) {
                diagnostics.append(Diagnostic(.textOutsideSection, firstLineRange(body) ?? start..<end,
                    context == .meeting
                        ? "text before the first item that is not a meeting field; put it under a field, or start the agenda with `punkt 1: …`"
                        : "text in an item outside any section; put a section keyword such as `sagsfremstilling:` or `resume:` on the line above"))
            }
            return EntrySyntax(line: nil, body: body, range: start..<end)
        }
        index += 1
        let place: KeywordPlace = context == .meeting ? .meeting : .item
        if !line.keyword.isAllowed(in: place) {
            diagnostics.append(misplaced(line, at: place))
        }
        let body: [BlockSyntax]
        switch line.keyword.role {
        case .section:
            let inDecision = line.keyword == .decision
            body = parseBody(nested: { keyword in
                keyword.role == .heading || (inDecision && keyword.nestsInDecision)
                    || (!inDecision && keyword.role == .decisionField)
            })
            if !inDecision { reportDecisionFieldsOutsideDecision(body) }
        default:
            body = parseBody(nested: { $0.role == .heading || $0.role == .decisionField })
            for block in body { if case .keyword(let nested) = block { diagnostics.append(misplaced(nested, at: place)) } }
        }
        return finishEntry(line, body: body)
    }

    func finishEntry(_ line: KeywordLine, body: [BlockSyntax]) -> EntrySyntax {
        EntrySyntax(line: line, body: body, range: line.range.lowerBound..<max(line.range.upperBound, body.last?.range.upperBound ?? 0))
    }

    mutating func reportDecisionFieldsOutsideDecision(_ body: [BlockSyntax]) {
        for block in body {
            if case .keyword(let nested) = block, nested.keyword.role == .decisionField {
                diagnostics.append(misplaced(nested, at: .section))
            }
        }
    }

    func misplaced(_ line: KeywordLine, at place: KeywordPlace) -> Diagnostic {
        let written = source.text(line.keywordRange)
        let advice: String
        if line.keyword.role == .heading {
            advice = "a sub-heading stands inside a section; put a section keyword such as `sagsfremstilling:` above it"
        } else if line.keyword.isAllowed(in: .meeting) {
            advice = "it is a meeting field; move it above the first `punkt`"
        } else if line.keyword.isAllowed(in: .decision) && !line.keyword.isAllowed(in: .item) {
            advice = "it belongs inside `beslutning:`; move it below the decision's line"
        } else {
            advice = "it belongs to an item; move it below a `punkt` line"
        }
        let placeName = switch place {
        case .meeting: "the meeting's fields"
        case .item: "an item"
        case .section: "this section"
        case .decision: "the decision"
        case .anywhere: "here"
        }
        return Diagnostic(.misplacedKeyword, line.keywordRange, "`\(written):` cannot stand in \(placeName): \(advice) (or start the line with `\\` to keep it as prose)")
    }

    func firstLineRange(_ body: [BlockSyntax]) -> Range<Int>? {
        guard let first = body.first else { return nil }
        return source.lineRange(source.line(containing: first.range.lowerBound))
    }

    // MARK: Bodies

    /// Blocks until the next keyword line that `nested` does not accept.
    mutating func parseBody(nested: (Keyword) -> Bool) -> [BlockSyntax] {
        var blocks: [BlockSyntax] = []
        while !atEnd {
            let line = lines[index]
            switch line.kind {
            case .keyword(let keywordLine):
                guard nested(keywordLine.keyword) else { return blocks.trimmingCapacity() }
                blocks.append(.keyword(keywordLine))
                index += 1
            case .blank:
                index += 1
            case .comment:
                comments.append(line.range)
                index += 1
            case .tableRow:
                blocks.append(.table(parseTable()))
            case .listEntry(let indent, _, _, _):
                BlockSyntax.appendList(parseList(indent: indent, outerNumbers: []), to: &blocks)
            case .prose:
                blocks.append(.paragraph(parseParagraph()))
            }
        }
        return blocks.trimmingCapacity()
    }

    mutating func parseParagraph() -> ParagraphSyntax {
        var contents: [Range<Int>] = []
        var start = lines[index].range.lowerBound
        var end = start
        while !atEnd {
            let line = lines[index]
            if case .prose(_, let content) = line.kind {
                if contents.isEmpty { start = line.range.lowerBound }
                contents.append(content)
                end = line.range.upperBound
                index += 1
            } else if case .comment = line.kind {
                comments.append(line.range)
                index += 1
            } else if let above = contents.last, proseContinuation(at: index, above: above, openNumbers: []) != nil {
                continue  // the line now reads as prose
            } else {
                break
            }
        }
        return ParagraphSyntax(lines: contents.trimmingCapacity(), range: start..<end)
    }

    /// When the numbered line at `position`, directly below the prose line `above`,
    /// continues that prose (`WrappedNumber`), rewrites it to a prose line and returns its text.
    mutating func proseContinuation(at position: Int, above: Range<Int>, openNumbers: [Int]) -> Range<Int>? {
        guard case .listEntry(let indent, let marker, let number?, let content) = lines[position].kind,
              WrappedNumber.continuesProse(number: number, content: content, above: above, openNumbers: openNumbers,
                                           followedByTwo: numberOfLine(after: position, indent: indent) == 2, in: source.bytes)
        else { return nil }
        lines.readListEntryAsProse(position)
        return marker.lowerBound..<content.upperBound
    }

    /// The number of the line after `position` (comments aside) when it is a numbered line at about `indent`.
    func numberOfLine(after position: Int, indent: Int) -> Int? {
        var cursor = position + 1
        while cursor < lines.count, lines.isComment(cursor) { cursor += 1 }
        guard cursor < lines.count, case .listEntry(let nextIndent, _, let number?, _) = lines[cursor].kind,
              abs(nextIndent - indent) <= 1 else { return nil }
        return number
    }

    /// Whether the line before `position`, comments aside, holds text (no blank line between).
    func directlyBelowText(_ position: Int) -> Bool {
        var cursor = position - 1
        while cursor >= 0, lines.isComment(cursor) { cursor -= 1 }
        guard cursor >= 0 else { return false }
        switch lines[cursor].kind {
        case .prose, .listEntry: return true
        default: return false
        }
    }

    /// The last line of text an entry holds, when text (not a nested list or table) ends it.
    func lastText(_ entry: ListEntrySyntax) -> Range<Int>? {
        guard let last = entry.children.last else { return entry.lines.last }
        if case .paragraph(let paragraph) = last { return paragraph.lines.last }
        return nil
    }

    mutating func parseTable() -> TableSyntax {
        var rows: [TableRowSyntax] = []
        while !atEnd, case .tableRow = lines[index].kind {
            rows.append(tableRow(lines[index].range))
            index += 1
        }
        if let expected = rows.first?.cells.count {
            for row in rows.dropFirst() where !row.isSeparator && row.cells.count != expected {
                diagnostics.append(Diagnostic(.unevenTableRow, row.range,
                    "this row has \(row.cells.count) cell\(row.cells.count == 1 ? "" : "s"), the table's first row \(expected); add or remove cells (`| |` is an empty cell) so the columns line up"))
            }
        }
        let start = rows.first?.range.lowerBound ?? 0
        return TableSyntax(rows: rows.trimmingCapacity(), range: start..<(rows.last?.range.upperBound ?? start))
    }

    func tableRow(_ range: Range<Int>) -> TableRowSyntax {
        let bytes = source.bytes
        var cells: [Range<Int>] = []
        var cursor = range.lowerBound
        while cursor < range.upperBound, bytes[cursor] != UInt8(ascii: "|") { cursor += 1 }
        cursor += 1  // the leading pipe
        var cellStart = cursor
        while cursor <= range.upperBound {
            let atPipe = cursor < range.upperBound && bytes[cursor] == UInt8(ascii: "|") && bytes[cursor - 1] != UInt8(ascii: "\\")
            if cursor == range.upperBound || atPipe {
                let cell = trimmed(cellStart..<cursor)
                // text after the last pipe is a cell only when it is not blank
                if atPipe || !cell.isEmpty { cells.append(cell) }
                cellStart = cursor + 1
            }
            cursor += 1
        }
        let isSeparator = !cells.isEmpty && cells.allSatisfy { cell in
            !cell.isEmpty && bytes[cell].allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }
        }
        return TableRowSyntax(cells: cells, range: range, isSeparator: isSeparator)
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> { source.trimmingSpaces(range) }

    /// The first list line deeper than the deepest level allowed; later ones are not reported again.
    mutating func reportTooDeep(_ line: Range<Int>, _ marker: Range<Int>) {
        guard !reportedTooDeep else { return }
        reportedTooDeep = true
        diagnostics.append(Diagnostic(.listTooDeep, marker.lowerBound..<line.upperBound,
            "a list nested more than \(ListSyntax.maximumDepth) levels deep; this line and deeper ones are kept as text of the entry above. Indent it less, or split the list"))
    }

    /// A list whose entries stand at `indent`; deeper entries nest, down to
    /// `ListSyntax.maximumDepth` levels. An entry deeper than that is kept as
    /// text of the deepest entry (and reported once), so no later pass
    /// recurses deeper than that however the input is indented. `outerNumbers`:
    /// the numbers of the numbered entries this list is nested in.
    mutating func parseList(indent baseIndent: Int, outerNumbers: [Int], depth: Int = 1) -> ListSyntax {
        var entries: [ListEntrySyntax] = []
        var ordered: Bool?
        while !atEnd, case .listEntry(let indent, let marker, let number, let content) = lines[index].kind,
              abs(indent - baseIndent) <= 1
        {
            // a change between bullets and numbers starts a new list
            if let ordered, ordered != (number != nil) { break }
            ordered = number != nil
            var entry = ListEntrySyntax(marker: marker, number: number, lines: [content], children: [], range: lines[index].range)
            index += 1
            var sawBlank = false
            let openNumbers = outerNumbers + (number.map { [$0] } ?? [])
            continuation: while !atEnd {
                let line = lines[index]
                // a wrapped date (`… den` / `9. december`) continues the entry's text
                if !sawBlank, let above = lastText(entry), directlyBelowText(index),
                   let text = proseContinuation(at: index, above: above, openNumbers: openNumbers)
                {
                    if !entry.children.isEmpty, case .paragraph(var paragraph)? = entry.children.last {
                        paragraph.lines.append(text)
                        paragraph.range = paragraph.range.lowerBound..<line.range.upperBound
                        entry.children[entry.children.count - 1] = .paragraph(paragraph)
                    } else {
                        entry.lines.append(text)
                    }
                    entry.range = entry.range.lowerBound..<line.range.upperBound
                    index += 1
                    continue
                }
                switch line.kind {
                case .prose(let proseIndent, let proseContent):
                    // lazy continuation directly below, or indented text after a blank line
                    if (!sawBlank && (proseIndent > baseIndent || entry.children.isEmpty)) || (sawBlank && proseIndent >= baseIndent + 2) {
                        if sawBlank || !entry.children.isEmpty {
                            if !sawBlank, case .paragraph(var paragraph)? = entry.children.last {
                                paragraph.lines.append(proseContent)
                                paragraph.range = paragraph.range.lowerBound..<line.range.upperBound
                                entry.children[entry.children.count - 1] = .paragraph(paragraph)
                            } else {
                                entry.children.append(.paragraph(ParagraphSyntax(lines: [proseContent], range: line.range)))
                            }
                        } else {
                            entry.lines.append(proseContent)
                        }
                        entry.range = entry.range.lowerBound..<line.range.upperBound
                        sawBlank = false
                        index += 1
                    } else {
                        break continuation
                    }
                case .listEntry(let childIndent, let childMarker, _, let childContent)
                    where childIndent > baseIndent + 1 && depth >= ListSyntax.maximumDepth:
                    reportTooDeep(line.range, childMarker)
                    let text = childMarker.lowerBound..<max(childMarker.upperBound, childContent.upperBound)
                    if !entry.children.isEmpty, case .paragraph(var paragraph)? = entry.children.last {
                        paragraph.lines.append(text)
                        paragraph.range = paragraph.range.lowerBound..<line.range.upperBound
                        entry.children[entry.children.count - 1] = .paragraph(paragraph)
                    } else if entry.children.isEmpty {
                        entry.lines.append(text)
                    } else {
                        entry.children.append(.paragraph(ParagraphSyntax(lines: [text], range: line.range)))
                    }
                    entry.range = entry.range.lowerBound..<line.range.upperBound
                    sawBlank = false
                    index += 1
                case .listEntry(let childIndent, _, _, _) where childIndent > baseIndent + 1:
                    let child = parseList(indent: childIndent, outerNumbers: openNumbers, depth: depth + 1)
                    BlockSyntax.appendList(child, to: &entry.children)
                    entry.range = entry.range.lowerBound..<child.range.upperBound
                    sawBlank = false
                case .tableRow(let tableIndent) where tableIndent >= baseIndent + 2:
                    let table = parseTable()
                    entry.children.append(.table(table))
                    entry.range = entry.range.lowerBound..<table.range.upperBound
                    sawBlank = false
                case .comment:
                    comments.append(line.range)
                    index += 1
                case .blank:
                    // a blank line ends the entry unless indented text or a sibling entry follows
                    var lookahead = index
                    while lookahead < lines.count, lines.isBlank(lookahead) { lookahead += 1 }
                    guard lookahead < lines.count else { break continuation }
                    switch lines[lookahead].kind {
                    case .prose(let nextIndent, _) where nextIndent >= baseIndent + 2:
                        index = lookahead
                        sawBlank = true
                    case .listEntry(let nextIndent, _, _, _) where nextIndent > baseIndent + 1:
                        index = lookahead
                    default:
                        break continuation
                    }
                default:
                    break continuation
                }
            }
            entries.append(entry)
            // a blank line between sibling entries keeps the list together
            var lookahead = index
            while lookahead < lines.count, lines.isBlank(lookahead) { lookahead += 1 }
            if lookahead < lines.count, case .listEntry(let nextIndent, _, _, _) = lines[lookahead].kind, abs(nextIndent - baseIndent) <= 1 {
                index = lookahead
            }
        }
        let start = entries.first?.range.lowerBound ?? 0
        return ListSyntax(entries: entries.trimmingCapacity(), range: start..<(entries.last?.range.upperBound ?? start))
    }
}
