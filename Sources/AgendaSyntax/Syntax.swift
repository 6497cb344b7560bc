import AgendaBase

/// The parsed file: every line accounted for, every node with its exact byte range.
///
/// The tree is shallow by design — a document is a meeting header, items and a
/// signature sheet; each of those is a list of entries (a keyword line and the
/// body below it); bodies are blocks (paragraphs, lists, tables and nested
/// keyword lines). What an entry *means* is the semantic layer's business.
public struct DocumentSyntax: Sendable {
    public var source: SourceText
    /// Every physical line's kind, indexed by line number.
    public var lines: ScannedLines
    /// Entries before the first item: the meeting's fields (and stray text, `line == nil`).
    public var header: [EntrySyntax]
    public var items: [ItemSyntax]
    public var signatures: EntrySyntax?
    /// Comment lines (`// …`), whole-line ranges.
    public var comments: [Range<Int>]
    /// What the grammar could not read.
    public var diagnostics: [Diagnostic]

    public init(source: SourceText, lines: ScannedLines, header: [EntrySyntax], items: [ItemSyntax], signatures: EntrySyntax?,
                comments: [Range<Int>], diagnostics: [Diagnostic]) {
        self.source = source
        self.lines = lines
        self.header = header
        self.items = items
        self.signatures = signatures
        self.comments = comments
        self.diagnostics = diagnostics
    }
}

/// A keyword line and the body below it, up to the next keyword line that is
/// not nested in it. `line == nil` marks text that stands where no keyword
/// opened a place for it (reported, and kept).
public struct EntrySyntax: Sendable, Hashable {
    public var line: KeywordLine?
    public var body: [BlockSyntax]
    public var range: Range<Int>

    public var keyword: Keyword? { line?.keyword }
}

public struct ItemSyntax: Sendable, Hashable {
    /// The `punkt N: title` line.
    public var line: KeywordLine
    public var entries: [EntrySyntax]
    public var range: Range<Int>
}

public enum BlockSyntax: Sendable, Hashable {
    case paragraph(ParagraphSyntax)
    case list(ListSyntax)
    case table(TableSyntax)
    /// A keyword line nested in a section body: a sub-heading, or a decision field.
    case keyword(KeywordLine)

    public var range: Range<Int> {
        switch self {
        case .paragraph(let paragraph): paragraph.range
        case .list(let list): list.range
        case .table(let table): table.range
        case .keyword(let line): line.range
        }
    }
}

public struct ParagraphSyntax: Sendable, Hashable {
    /// Each line's text, without indent, trailing spaces and tabs (and without a leading escape backslash).
    public var lines: [Range<Int>]
    public var range: Range<Int>
}

public struct ListSyntax: Sendable, Hashable {
    /// Lists nest at most this deep; deeper lines are text of the deepest entry.
    public static let maximumDepth = 10
    public var entries: [ListEntrySyntax]
    public var range: Range<Int>

    /// Whether the list's entries are numbered.
    public var isOrdered: Bool { entries.first?.number != nil }
}

extension BlockSyntax {
    /// Appends a list, joining it to a list of the same kind (bullets or
    /// numbers) that ends `blocks`. The parser ends a list where an entry is
    /// outdented by two or more (`    - a` / `  - b`); indented alike, as `fmt`
    /// writes them, they are one list, so they are read as one from the start.
    static func appendList(_ list: ListSyntax, to blocks: inout [BlockSyntax]) {
        if case .list(var previous)? = blocks.last, previous.isOrdered == list.isOrdered {
            blocks.removeLast()  // so the entries are appended in place, not copied
            previous.entries += list.entries
            previous.range = previous.range.lowerBound..<list.range.upperBound
            blocks.append(.list(previous))
        } else {
            blocks.append(.list(list))
        }
    }
}

public struct ListEntrySyntax: Sendable, Hashable {
    /// A list number has at most this many digits; a longer one makes the line text (AG121).
    public static let maximumNumberDigits = 6
    /// How a bullet is written, whether `-` or `*` was typed.
    public static let bullet = "-"
    /// `-`, `*`, `1.` or `1)`.
    public var marker: Range<Int>
    /// The number of a numbered entry as written.
    public var number: Int?
    /// The entry's first paragraph, one range a line.
    public var lines: [Range<Int>]
    /// Further paragraphs and nested lists, indented below the entry.
    public var children: [BlockSyntax]
    public var range: Range<Int>

    /// The marker as read: a bullet is `-` (`*` means the same and `fmt` writes `-`), a number as written.
    public func markerText(in source: SourceText) -> String {
        number == nil ? Self.bullet : source.text(marker)
    }
}

public struct TableSyntax: Sendable, Hashable {
    public var rows: [TableRowSyntax]
    public var range: Range<Int>
    /// Whether the second row is a separator (`|---|`), making the first a header.
    public var hasHeader: Bool { rows.count > 1 && rows[1].isSeparator }
}

public struct TableRowSyntax: Sendable, Hashable {
    /// Each cell's text, trimmed.
    public var cells: [Range<Int>]
    public var range: Range<Int>
    public var isSeparator: Bool
}
