import AgendaBase

/// One top-level piece of a document, parsed on its own: the meeting header
/// (the lines before the first item), one item (from its `punkt` line up to
/// the next item or the signature sheet) or the signature sheet.
///
/// Nothing above a segment's first line changes how it parses (an item or
/// signature line ends whatever text stands above it, and parsing never looks
/// past the next one), so after an edit only the segments it touches are
/// parsed again (`IncrementalAnalysis`). Findings that are made once for the
/// whole document (bytes that are not text, a list nested too deep) are kept
/// apart, for the document to pick from.
public struct SegmentSyntax: Sendable {
    public enum Kind: Sendable { case header, item, signatures }

    public var kind: Kind
    /// The index of the segment's first line in the document.
    public var firstLine: Int
    /// The segment's lines, as the parser left them (index 0 is `firstLine`).
    public var lines: ScannedLines
    /// The header's entries.
    public var header: [EntrySyntax] = []
    public var item: ItemSyntax?
    public var signatures: EntrySyntax?
    /// Entries after the signature sheet's body (a keyword line below it).
    public var trailing: [EntrySyntax] = []
    public var comments: [Range<Int>] = []
    /// The scanner's and parser's findings, but for the two below.
    public var diagnostics: [Diagnostic] = []
    /// Bytes that are not text (AG100; the document reports the first few).
    public var unreadableText: [Diagnostic] = []
    /// The first list nested too deep (the document reports only its first).
    public var tooDeep: Diagnostic?
}

extension Parser {
    /// Whether a scanned line starts a segment.
    static func startsSegment(_ line: KeywordLine?) -> Bool {
        guard let line else { return false }
        return line.keyword.role == .itemStart || line.keyword.role == .signatures
    }

    /// The segments of the lines `lineRange`, whose first line is the document's
    /// first or starts a segment.
    public static func parseSegments(_ source: SourceText, lines lineRange: Range<Int>) -> [SegmentSyntax] {
        var scanner = LineScanner(source: source)
        let lines = scanner.scan(lineRange)
        var segments: [SegmentSyntax] = []
        var scannerFindings = scanner.diagnostics[...]
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count, !startsSegment(lines.keywordLine(at: end)) { end += 1 }
            let endOffset = lineRange.lowerBound + end < source.lineCount ? source.lineStart(lineRange.lowerBound + end) : source.bytes.count
            var own: [Diagnostic] = []
            while let first = scannerFindings.first, first.range.lowerBound < endOffset {
                own.append(first)
                scannerFindings = scannerFindings.dropFirst()
            }
            segments.append(parseSegment(source, firstLine: lineRange.lowerBound + start, lines: lines.extracting(start..<end),
                                         bytes: source.lineStart(lineRange.lowerBound + start)..<endOffset, scannerFindings: own))
            start = end
        }
        return segments
    }

    static func parseSegment(_ source: SourceText, firstLine: Int, lines: ScannedLines, bytes: Range<Int>,
                             scannerFindings: [Diagnostic]) -> SegmentSyntax {
        var state = ParserState(source: source, lines: lines)
        state.typoLineStarts = Set(scannerFindings.lazy.filter { $0.rule == .possibleKeywordTypo }.map(\.range.lowerBound))
        var segment = SegmentSyntax(kind: .header, firstLine: firstLine, lines: ScannedLines())
        if let line = state.keywordLine(at: 0), line.keyword.role == .itemStart {
            segment.kind = .item
            segment.item = state.parseItem(line)
        } else if let line = state.keywordLine(at: 0), line.keyword.role == .signatures {
            segment.kind = .signatures
            state.index = 1
            segment.signatures = state.finishEntry(line, body: state.parseBody(nested: { _ in false }))
            while !state.atEnd {
                let entry = state.parseEntry(context: .meeting)
                if entry.line != nil || !entry.body.isEmpty { segment.trailing.append(entry) }
            }
        } else {
            while !state.atEnd {
                let entry = state.parseEntry(context: .meeting)
                if entry.line != nil || !entry.body.isEmpty { segment.header.append(entry) }
            }
        }
        segment.lines = state.lines
        segment.comments = state.comments
        segment.diagnostics = scannerFindings
        for finding in state.diagnostics {
            if finding.rule == .listTooDeep { segment.tooDeep = finding } else { segment.diagnostics.append(finding) }
        }
        segment.unreadableText = TextValidator.diagnostics(for: source, in: bytes)
        return segment
    }

    /// The first line after `firstLine` that starts a segment and for which
    /// `stop` (given the line's start offset) holds; `lineCount` when there is none.
    /// `firstLine` is the document's first line or one that starts a segment.
    public static func segmentEnd(_ source: SourceText, from firstLine: Int, stop: (Int) -> Bool) -> Int {
        var scanner = LineScanner(source: source)
        var belowText = false
        var index = firstLine
        while index < source.lineCount {
            let range = source.lineRange(index)
            let kind = scanner.classify(range, belowText: belowText)
            if index > firstLine, case .keyword(let line) = kind, startsSegment(line), stop(range.lowerBound) { return index }
            belowText = LineScanner.belowText(after: kind, belowText)
            scanner.diagnostics.removeAll(keepingCapacity: true)
            index += 1
        }
        return source.lineCount
    }
}
