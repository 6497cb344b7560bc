import AgendaBase
import AgendaSyntax

/// What a document says, independent of its layout: keyword lines, blocks,
/// list nesting, cells and comments, all as trimmed text. The formatter checks
/// that its output has the same shape as its input, so a layout can never
/// change how a file reads.
///
/// The parts are kept as one byte string (each part's length, then its bytes),
/// about the size of the text, not a `String` a line.
struct DocumentShape: Equatable {
    private var parts = Parts()
    private let source: SourceText

    init(_ document: DocumentSyntax) {
        source = document.source
        for entry in document.header { add(entry) }
        for item in document.items {
            add(item.line)
            for entry in item.entries { add(entry) }
        }
        if let signatures = document.signatures { add(signatures) }
        for comment in document.comments { parts.append("comment " + source.trimmedText(comment)) }
    }

    static func == (a: DocumentShape, b: DocumentShape) -> Bool { a.parts.bytes == b.parts.bytes }

    private mutating func add(_ entry: EntrySyntax) {
        if let line = entry.line { add(line) } else { parts.append("stray text") }
        add(entry.body)
        parts.append("end entry")
    }

    private mutating func add(_ line: KeywordLine) {
        let number = line.numberRange.map { " " + source.trimmedText($0) } ?? ""
        // a line missing its colon (AG111) says the same as the line with it
        let value = line.colon == nil && line.keyword.role == .flag ? "" : ": " + source.trimmedText(line.valueRange)
        parts.append("keyword \(line.keyword.rawValue)\(number)\(value)")
    }

    private mutating func add(_ blocks: [BlockSyntax]) {
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                parts.append("paragraph")
                for line in paragraph.lines { parts.append("line " + source.trimmedText(line)) }
            case .list(let list):
                parts.append("list")
                for entry in list.entries { add(entry) }
                parts.append("end list")
            case .table(let table):
                parts.append("table")
                for row in table.rows { add(row) }
            case .keyword(let line):
                add(line)
            }
        }
    }

    private mutating func add(_ entry: ListEntrySyntax) {
        parts.append("entry " + entry.markerText(in: source))
        for line in entry.lines { parts.append("line " + source.trimmedText(line)) }
        add(entry.children)
        parts.append("end entry")
    }

    private mutating func add(_ row: TableRowSyntax) {
        let cells = row.cells.map { cell in
            row.isSeparator ? SeparatorCell(source.text(cell)).shape : source.trimmedText(cell)
        }
        parts.append("row " + (row.isSeparator ? "separator " : "") + cells.joined(separator: " | "))
    }
}

/// A sequence of strings as one byte array, each string preceded by its
/// length (seven bits a byte), so that no two sequences read the same.
private struct Parts {
    var bytes: [UInt8] = []

    mutating func append(_ part: String) {
        var length = part.utf8.count
        repeat {
            bytes.append(UInt8(length & 0x7F) | (length > 0x7F ? 0x80 : 0))
            length >>= 7
        } while length > 0
        bytes.append(contentsOf: part.utf8)
    }
}
