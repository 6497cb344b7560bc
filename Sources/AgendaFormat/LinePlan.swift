import AgendaBase
import AgendaSyntax

/// Where a line goes in the canonical layout, read from the syntax tree.
enum LineRole: Hashable {
    // boxed: every line has a role, most are not keyword lines
    indirect case keyword(KeywordLine)
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
struct LinePlan {
    private(set) var roles: [LineRole?]
    /// Keyword lines of an item's leading fields: no blank line above them.
    private(set) var tightLines: Set<Int> = []
    /// Lines inside a list that starts at column 1, where comments follow the list's indentation.
    private(set) var insideList: [Bool]
    /// Keyword lines in a body read line by line (`Keyword.readsBodyByLine`):
    /// the model reads them as text, so only their trailing space may change.
    private(set) var keywordLinesReadAsText: Set<Int> = []
    private let source: SourceText

    init(_ document: DocumentSyntax) {
        source = document.source
        roles = Array(repeating: nil, count: document.lines.count)
        insideList = Array(repeating: false, count: document.lines.count)
        for entry in document.header { placeEntry(entry) }
        for item in document.items { placeItem(item) }
        if let signatures = document.signatures { placeEntry(signatures) }
    }

    func role(_ line: Int) -> LineRole? { line >= 0 && line < roles.count ? roles[line] : nil }

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
        if line < roles.count { roles[line] = role }
    }

    private mutating func markInsideList(_ range: Range<Int>) {
        let first = source.lineIndex(range.lowerBound)
        let last = min(source.lineIndex(max(range.lowerBound, range.upperBound - 1)), insideList.count - 1)
        guard first <= last else { return }
        for line in first...last { insideList[line] = true }
    }
}
