import AgendaBase
import AgendaSyntax

/// Aligns a table: every cell padded to its column's width so the pipes line
/// up, `| a | b |` with single spaces. Widths count grapheme clusters (what a
/// reader sees as one character: `æ`, `å`, an emoji).
enum TableLayout {
    /// Separator columns are at least this wide, so a dash row always reads as one.
    static let minimumSeparatorWidth = 3

    /// The rows' text, without indentation, in the table's order.
    static func rows(_ table: TableSyntax, in source: SourceText) -> [String] {
        let texts = table.rows.map { row in row.cells.map { source.text($0) } }
        let widths = columnWidths(table, texts)
        return zip(table.rows, texts).map { row, cells in
            guard !cells.isEmpty else { return "|" }
            let padded = cells.enumerated().map { column, cell in
                let width = column < widths.count ? widths[column] : cell.count
                return row.isSeparator ? separatorCell(cell, width: width) : pad(cell, to: width)
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
    }

    static func columnWidths(_ table: TableSyntax, _ texts: [[String]]) -> [Int] {
        let hasSeparator = table.rows.contains { $0.isSeparator }
        let columnCount = texts.map(\.count).max() ?? 0
        var widths = [Int](repeating: hasSeparator ? minimumSeparatorWidth : 0, count: columnCount)
        for (row, cells) in zip(table.rows, texts) {
            for (column, cell) in cells.enumerated() {
                // a dash row takes the width of its column; only its colons need room
                let width = row.isSeparator ? SeparatorCell(cell).minimumWidth : cell.count
                widths[column] = max(widths[column], width)
            }
        }
        return widths
    }

    static func pad(_ cell: String, to width: Int) -> String {
        cell + String(repeating: " ", count: max(0, width - cell.count))
    }

    /// Dashes across the column, keeping an alignment colon at either end.
    static func separatorCell(_ cell: String, width: Int) -> String {
        let separator = SeparatorCell(cell)
        let dashes = max(1, width - (separator.left ? 1 : 0) - (separator.right ? 1 : 0))
        return (separator.left ? ":" : "") + String(repeating: "-", count: dashes) + (separator.right ? ":" : "")
    }
}

/// A cell of a dash row (`---`, `:--`, `--:`, `:-:`), read for its alignment colons.
struct SeparatorCell: Hashable {
    var left: Bool
    var right: Bool

    init(_ text: String) {
        left = text.hasPrefix(":")
        // a lone `:` is one colon, on the left
        right = text.count > 1 && text.hasSuffix(":")
    }

    var minimumWidth: Int { 1 + (left ? 1 : 0) + (right ? 1 : 0) }

    /// The cell as its alignment alone: what the formatter must keep.
    var shape: String { (left ? ":" : "") + "-" + (right ? ":" : "") }
}
