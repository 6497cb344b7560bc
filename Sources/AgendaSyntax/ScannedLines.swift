import AgendaBase

/// The kind of every physical line of a run of lines, in one byte a line.
///
/// A line's kind, indent, list marker and content are read again from its
/// bytes when asked for (a few byte comparisons, `LineShape`, the same code the
/// scanner decides with), so a document of ten million blank lines costs ten
/// megabytes here, not half a gigabyte of per-line values. Only keyword lines
/// are kept whole: their reading depends on the line above, and it was paid
/// for once already.
///
/// Indices count from 0; line `i` here is the document's line `firstLine + i`
/// (a segment's lines start where the segment does).
public struct ScannedLines: RandomAccessCollection, Sendable {
    public let source: SourceText
    /// The document's line number of the line at index 0.
    public let firstLine: Int
    private var tags: [Tag]
    /// The keyword lines, in line order, and the index each stands at.
    private var keywordLines: [KeywordLine]
    private var keywordLineIndices: [Int]

    enum Tag: UInt8, Sendable {
        case blank, comment, keyword, listEntry, tableRow, prose
    }

    init(source: SourceText, firstLine: Int) {
        self.source = source
        self.firstLine = firstLine
        tags = []
        keywordLines = []
        keywordLineIndices = []
    }

    /// No lines.
    public init() { self.init(source: SourceText(bytes: []), firstLine: 0) }

    mutating func reserveCapacity(_ lineCount: Int) { tags.reserveCapacity(lineCount) }

    mutating func append(_ kind: LineKind) {
        switch kind {
        case .blank: tags.append(.blank)
        case .comment: tags.append(.comment)
        case .keyword(let line):
            keywordLineIndices.append(tags.count)
            keywordLines.append(line)
            tags.append(.keyword)
        case .listEntry: tags.append(.listEntry)
        case .tableRow: tags.append(.tableRow)
        case .prose: tags.append(.prose)
        }
    }

    /// Gives back the room the keyword lines grew by while being scanned.
    mutating func trimCapacity() {
        keywordLines = keywordLines.trimmingCapacity()
        keywordLineIndices = keywordLineIndices.trimmingCapacity()
    }

    /// How many keyword lines satisfy `predicate`.
    public func keywordLineCount(where predicate: (KeywordLine) -> Bool) -> Int {
        keywordLines.reduce(0) { $0 + (predicate($1) ? 1 : 0) }
    }

    /// A numbered line found to continue the prose above is read as prose
    /// from its first byte on (the marker is text).
    mutating func readListEntryAsProse(_ index: Int) {
        guard tags.indices.contains(index), tags[index] == .listEntry else { return }
        tags[index] = .prose
    }

    /// The lines at `indices` as lines of their own (index 0 is `indices.lowerBound` here).
    public func extracting(_ indices: Range<Int>) -> ScannedLines {
        let lower = Swift.max(0, Swift.min(indices.lowerBound, tags.count))
        let upper = Swift.max(lower, Swift.min(indices.upperBound, tags.count))
        var lines = ScannedLines(source: source, firstLine: firstLine + lower)
        lines.tags = Array(tags[lower..<upper])
        let first = firstKeywordPosition(atOrAfter: lower)
        let end = firstKeywordPosition(atOrAfter: upper)
        lines.keywordLines = Array(keywordLines[first..<end])
        lines.keywordLineIndices = keywordLineIndices[first..<end].map { $0 - lower }
        return lines
    }

    /// The same lines without their text, to be kept apart from it (no old
    /// version of a document is held alive by them); `joined` gives them a text again.
    public func detached() -> ScannedLines {
        var lines = ScannedLines(source: Self.noText, firstLine: firstLine)
        lines.tags = tags
        lines.keywordLines = keywordLines
        lines.keywordLineIndices = keywordLineIndices
        return lines
    }

    private static let noText = SourceText(bytes: [])

    /// Runs of lines one after another as the lines of `source` from line 0,
    /// each run's keyword lines moved by its `delta` bytes (where its text now stands).
    public static func joined(_ runs: [(lines: ScannedLines, delta: Int)], source: SourceText) -> ScannedLines {
        var joined = ScannedLines(source: source, firstLine: 0)
        joined.tags.reserveCapacity(runs.reduce(0) { $0 + $1.lines.count })
        for (run, delta) in runs {
            let offset = joined.tags.count
            joined.tags += run.tags
            joined.keywordLineIndices += run.keywordLineIndices.lazy.map { $0 + offset }
            joined.keywordLines += delta == 0 ? run.keywordLines : run.keywordLines.map { $0.shifted(by: delta) }
        }
        return joined
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { tags.count }

    public subscript(index: Int) -> ScannedLine {
        let range = source.lineRange(firstLine + index)
        return ScannedLine(range: range, kind: kind(index, range))
    }

    /// The keyword line at `index`, without building anything for other lines.
    public func keywordLine(at index: Int) -> KeywordLine? {
        guard tags.indices.contains(index), tags[index] == .keyword else { return nil }
        return storedKeywordLine(index)
    }

    /// Whether the line at `index` is blank (only spaces, tabs and stray carriage returns).
    public func isBlank(_ index: Int) -> Bool { tags.indices.contains(index) && tags[index] == .blank }

    /// Whether the line at `index` is a comment.
    public func isComment(_ index: Int) -> Bool { tags.indices.contains(index) && tags[index] == .comment }

    /// The position in `keywordLineIndices` of the first keyword line at or after `index`.
    private func firstKeywordPosition(atOrAfter index: Int) -> Int {
        var low = 0, high = keywordLineIndices.count
        while low < high {
            let middle = (low + high) / 2
            if keywordLineIndices[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func storedKeywordLine(_ index: Int) -> KeywordLine? {
        let position = firstKeywordPosition(atOrAfter: index)
        guard position < keywordLineIndices.count, keywordLineIndices[position] == index else { return nil }
        return keywordLines[position]
    }

    private func kind(_ index: Int, _ range: Range<Int>) -> LineKind {
        guard tags.indices.contains(index) else { return .blank }
        let bytes = source.bytes
        switch tags[index] {
        case .blank: return .blank
        case .comment: return .comment
        case .keyword: return storedKeywordLine(index).map(LineKind.keyword) ?? .blank
        case .tableRow: return .tableRow(indent: LineShape.indent(bytes, range).width)
        case .listEntry:
            let (indent, start) = LineShape.indent(bytes, range)
            return LineShape.listEntry(bytes, indent: indent, start, range.upperBound) ?? LineShape.prose(bytes, indent: indent, start, range.upperBound)
        case .prose:
            let (indent, start) = LineShape.indent(bytes, range)
            return LineShape.prose(bytes, indent: indent, start, range.upperBound)
        }
    }
}

/// What a line is from its bytes alone, for the kinds that need nothing else:
/// the scanner decides with these, and `ScannedLines` reads a line again with them.
enum LineShape {
    /// The indent's width (a tab counts four) and the first byte after it.
    static func indent(_ bytes: [UInt8], _ range: Range<Int>) -> (width: Int, start: Int) {
        var start = range.lowerBound
        var width = 0
        while start < range.upperBound {
            let byte = bytes[start]
            if byte == 0x20 { width += 1 } else if byte == 0x09 { width += 4 } else { break }
            start += 1
        }
        return (width, start)
    }

    /// Whether `start..<end` holds only spaces, tabs and stray carriage returns.
    static func isBlank(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        start >= end || bytes[start..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Prose from `start` (after the indent): a leading `\` escapes, trailing spaces and tabs are not content.
    static func prose(_ bytes: [UInt8], indent: Int, _ start: Int, _ end: Int) -> LineKind {
        let contentStart = start < end && bytes[start] == UInt8(ascii: "\\") ? start + 1 : start
        return .prose(indent: indent, content: contentStart..<trimmedEnd(bytes, contentStart, end))
    }

    /// `- x`, `* x`, `1. x`, `1) x` from `start` (after the indent), or nil when the line is no list entry.
    static func listEntry(_ bytes: [UInt8], indent: Int, _ start: Int, _ end: Int) -> LineKind? {
        guard start < end else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") {
            if start + 1 == end || bytes[start + 1] == 0x20 || bytes[start + 1] == 0x09 {
                return .listEntry(indent: indent, marker: start..<(start + 1), number: nil, content: trimmed(bytes, start + 1, end))
            }
        }
        if first >= 0x30, first <= 0x39 {
            var cursor = start
            var number = 0
            while cursor < end, cursor - start < ListEntrySyntax.maximumNumberDigits, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                number = number * 10 + Int(bytes[cursor] - 0x30)
                cursor += 1
            }
            if endsListMarker(bytes, cursor, end) {
                return .listEntry(indent: indent, marker: start..<(cursor + 1), number: number, content: trimmed(bytes, cursor + 1, end))
            }
        }
        return nil
    }

    /// Whether `.` or `)` stands at `cursor`, followed by a space, a tab or the line's end.
    static func endsListMarker(_ bytes: [UInt8], _ cursor: Int, _ end: Int) -> Bool {
        cursor < end && (bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: ")"))
            && (cursor + 1 == end || bytes[cursor + 1] == 0x20 || bytes[cursor + 1] == 0x09)
    }

    static func trimmedStart(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var cursor = start
        while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        return cursor
    }

    static func trimmedEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var cursor = end
        while cursor > start, bytes[cursor - 1] == 0x20 || bytes[cursor - 1] == 0x09 { cursor -= 1 }
        return cursor
    }

    /// Without spaces and tabs at either end: `fmt` removes trailing ones, so no reading may depend on them.
    static func trimmed(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Range<Int> {
        let contentEnd = trimmedEnd(bytes, start, end)
        return trimmedStart(bytes, start, contentEnd)..<contentEnd
    }
}
