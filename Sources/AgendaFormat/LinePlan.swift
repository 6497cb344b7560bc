import AgendaBase
import AgendaSyntax

/// Where a line goes in the canonical layout, read from the syntax tree.
enum LineRole: Hashable {
    case keyword(KeywordLine)
    /// A prose line (paragraph or list continuation) at `column`.
    case prose(column: Int)
    case listEntry(column: Int, marker: Range<Int>, content: Range<Int>)
    /// A table row, already aligned.
    case tableRow(column: Int, text: String)

    var column: Int {
        switch self {
        case .keyword: 0
        case .prose(let column), .listEntry(let column, _, _), .tableRow(let column, _): column
        }
    }
}

/// The tree turned into per-line decisions. Lines the tree does not hold
/// (blanks, comments, and anything the parser set aside) have no role.
///
/// Kept sparse and small: one 16-byte record per placed line, sorted by line,
/// and `LineRole` built when asked for. What the scanned line already says (a
/// keyword line, a list entry's marker and content) is read from it again;
/// only what it does not (an aligned table row, a role that differs from the
/// line's own reading) is stored beside. A file of ten million blank lines
/// costs nothing here.
struct LinePlan {
    /// Placed lines, sorted by line, one each.
    private var placed: [PlacedLine] = []
    /// Roles the scanned line cannot give back, by line.
    private var storedRoles: [Int: LineRole] = [:]
    /// Keyword lines of an item's leading fields: no blank line above them.
    private(set) var tightLines: Set<Int> = []
    /// Top-level lists, as sorted, disjoint runs of lines: comments inside follow the list's indentation.
    private var listLines: [ClosedRange<Int>] = []
    /// Keyword lines in a body read line by line (`Keyword.readsBodyByLine`):
    /// the model reads them as text, so only their trailing space may change.
    private(set) var keywordLinesReadAsText: Set<Int> = []
    private let lines: ScannedLines
    private let source: SourceText

    private struct PlacedLine {
        enum Kind: UInt8 { case keyword, prose, listEntry, stored }
        var line: Int
        var column: Int32
        var kind: Kind
    }

    init(_ document: DocumentSyntax) {
        source = document.source
        lines = document.lines
        for entry in document.header { placeEntry(entry) }
        for item in document.items { placeItem(item) }
        if let signatures = document.signatures { placeEntry(signatures) }
        finish()
    }

    func role(_ line: Int) -> LineRole? {
        guard let position = placedPosition(line) else { return nil }
        let record = placed[position]
        let column = Int(record.column)
        switch record.kind {
        case .prose: return .prose(column: column)
        case .stored: return storedRoles[line]
        case .keyword:
            guard let keywordLine = lines.keywordLine(at: line) else { return storedRoles[line] }
            return .keyword(keywordLine)
        case .listEntry:
            guard case .listEntry(_, let marker, _, let content) = lines[line].kind else { return storedRoles[line] }
            return .listEntry(column: column, marker: marker, content: content)
        }
    }

    /// The column of the nearest placed line at or below `line` (0 when none is).
    func nextColumn(atOrBelow line: Int) -> Int {
        let position = firstPlacedPosition(atOrAfter: line)
        return position < placed.count ? Int(placed[position].column) : 0
    }

    /// Whether `line` lies inside a list that starts at column 1.
    func isInsideList(_ line: Int) -> Bool {
        var low = 0, high = listLines.count
        while low < high {
            let middle = (low + high) / 2
            if listLines[middle].upperBound < line { low = middle + 1 } else { high = middle }
        }
        return low < listLines.count && listLines[low].contains(line)
    }

    private func placedPosition(_ line: Int) -> Int? {
        let position = firstPlacedPosition(atOrAfter: line)
        return position < placed.count && placed[position].line == line ? position : nil
    }

    private func firstPlacedPosition(atOrAfter line: Int) -> Int {
        var low = 0, high = placed.count
        while low < high {
            let middle = (low + high) / 2
            if placed[middle].line < line { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func placeItem(_ item: ItemSyntax) {
        place(.keyword(item.line), at: item.line.range.lowerBound)
        var leading = true
        for entry in item.entries {
            if leading, let line = entry.line, line.keyword.role == .field || line.keyword.role == .flag {
                tightLines.insert(source.lineIndex(line.range.lowerBound))
            } else {
                leading = false
            }
            placeEntry(entry)
        }
    }

    private mutating func placeEntry(_ entry: EntrySyntax) {
        if let line = entry.line { place(.keyword(line), at: line.range.lowerBound) }
        placeBlocks(entry.body, column: 0)
        guard entry.keyword?.readsBodyByLine == true else { return }
        for case .keyword(let line) in entry.body { keywordLinesReadAsText.insert(source.lineIndex(line.range.lowerBound)) }
    }

    private mutating func placeBlocks(_ blocks: [BlockSyntax], column: Int) {
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                for content in paragraph.lines { place(.prose(column: column), at: content.lowerBound) }
            case .list(let list):
                if column == 0 { markInsideList(list.range) }
                placeList(list, column: column)
            case .table(let table):
                for (row, text) in zip(table.rows, TableLayout.rows(table, in: source)) {
                    place(.tableRow(column: column, text: text), at: row.range.lowerBound)
                }
            case .keyword(let line):
                place(.keyword(line), at: line.range.lowerBound)
            }
        }
    }

    /// Entries at `column`; what belongs to an entry stands at its content column.
    private mutating func placeList(_ list: ListSyntax, column: Int) {
        for entry in list.entries {
            place(.listEntry(column: column, marker: entry.marker, content: entry.lines.first ?? entry.marker.upperBound..<entry.marker.upperBound),
                  at: entry.marker.lowerBound)
            let contentColumn = column + Self.markerWidth(entry.marker) + 1
            for continuation in entry.lines.dropFirst() { place(.prose(column: contentColumn), at: continuation.lowerBound) }
            placeBlocks(entry.children, column: contentColumn)
        }
    }

    /// `-` and `*` are both written `-`; numbers keep their width.
    static func markerWidth(_ marker: Range<Int>) -> Int { max(1, marker.count) }

    private mutating func place(_ role: LineRole, at offset: Int) {
        let line = source.lineIndex(offset)
        guard line < lines.count, let column = Int32(exactly: role.column) else { return }
        let kind: PlacedLine.Kind
        switch role {
        case .prose: kind = .prose
        case .keyword(let keywordLine): kind = lines.keywordLine(at: line) == keywordLine ? .keyword : .stored
        case .listEntry(_, let marker, let content):
            if case .listEntry(_, let scannedMarker, _, let scannedContent) = lines[line].kind, scannedMarker == marker, scannedContent == content {
                kind = .listEntry
            } else {
                kind = .stored
            }
        case .tableRow: kind = .stored
        }
        if kind == .stored { storedRoles[line] = role } else { storedRoles[line] = nil }
        placed.append(PlacedLine(line: line, column: column, kind: kind))
    }

    private mutating func markInsideList(_ range: Range<Int>) {
        let first = source.lineIndex(range.lowerBound)
        let last = min(source.lineIndex(max(range.lowerBound, range.upperBound - 1)), lines.count - 1)
        guard first <= last else { return }
        listLines.append(first...last)
    }

    /// Sorts the records by line, the last placement of a line winning (as
    /// placing twice overwrote), and joins overlapping list runs.
    private mutating func finish() {
        if !zip(placed, placed.dropFirst()).allSatisfy({ $0.line < $1.line }) {
            // a stable sort: of two records for a line the later stays later
            placed = placed.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            var unique: [PlacedLine] = []
            unique.reserveCapacity(placed.count)
            for record in placed {
                if unique.last?.line == record.line { unique[unique.count - 1] = record } else { unique.append(record) }
            }
            placed = unique
        }
        guard !zip(listLines, listLines.dropFirst()).allSatisfy({ $0.upperBound < $1.lowerBound }) else { return }
        var joined: [ClosedRange<Int>] = []
        for run in listLines.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = joined.last, run.lowerBound <= last.upperBound + 1 {
                joined[joined.count - 1] = last.lowerBound...max(last.upperBound, run.upperBound)
            } else {
                joined.append(run)
            }
        }
        listLines = joined
    }
}
