import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// A readable dump of the syntax tree, one node a line with its 1-based
/// `line:column` span (columns in Unicode scalars). Golden tests compare it;
/// people read it to see what the parser made of a file.
public enum SyntaxTreePrinter {
    public static func print(_ document: DocumentSyntax) -> String {
        var printer = Printer(source: document.source)
        printer.line(0, "document", 0..<document.source.bytes.count)
        for entry in document.header { printer.entry(entry, depth: 1) }
        for item in document.items {
            printer.keywordLine(item.line, depth: 1, node: "item", range: item.range)
            for entry in item.entries { printer.entry(entry, depth: 2) }
        }
        if let signatures = document.signatures { printer.entry(signatures, depth: 1) }
        for comment in document.comments { printer.line(1, "comment \(quoted(document.source.text(comment)))", comment) }
        return printer.out
    }

    static func quoted(_ text: String) -> String {
        let limit = 60
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "\"" + shown.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private struct Printer {
        let source: SourceText
        var out = ""

        mutating func line(_ depth: Int, _ text: String, _ range: Range<Int>) {
            let start = source.position(of: range.lowerBound, unit: .unicodeScalars)
            let end = source.position(of: range.upperBound, unit: .unicodeScalars)
            out += String(repeating: "  ", count: depth) + text + " @\(start.line + 1):\(start.column + 1)-\(end.line + 1):\(end.column + 1)\n"
        }

        mutating func keywordLine(_ keywordLine: KeywordLine, depth: Int, node: String, range: Range<Int>) {
            var text = "\(node) \(keywordLine.keyword.rawValue)"
            if let number = keywordLine.number { text += " #\(number)" } else if keywordLine.numberRange != nil { text += " #invalid" }
            let value = source.text(keywordLine.valueRange)
            if !value.isEmpty { text += " " + SyntaxTreePrinter.quoted(value) }
            line(depth, text, range)
        }

        mutating func entry(_ entry: EntrySyntax, depth: Int) {
            if let line = entry.line {
                keywordLine(line, depth: depth, node: "entry", range: entry.range)
            } else {
                line(depth, "stray", entry.range)
            }
            for block in entry.body { self.block(block, depth: depth + 1) }
        }

        mutating func block(_ block: BlockSyntax, depth: Int) {
            switch block {
            case .paragraph(let paragraph):
                line(depth, "paragraph (\(paragraph.lines.count) line\(paragraph.lines.count == 1 ? "" : "s")) " + SyntaxTreePrinter.quoted(source.text(paragraph.lines.first ?? 0..<0)), paragraph.range)
            case .list(let list):
                line(depth, "list", list.range)
                for entry in list.entries {
                    line(depth + 1, "entry \(source.text(entry.marker)) " + SyntaxTreePrinter.quoted(entry.lines.map { source.text($0) }.joined(separator: " ")), entry.range)
                    for child in entry.children { self.block(child, depth: depth + 2) }
                }
            case .table(let table):
                line(depth, "table\(table.hasHeader ? " with header" : "")", table.range)
                for row in table.rows {
                    line(depth + 1, row.isSeparator ? "separator" : "row " + row.cells.map { SyntaxTreePrinter.quoted(source.text($0)) }.joined(separator: " "), row.range)
                }
            case .keyword(let nested):
                keywordLine(nested, depth: depth, node: "nested", range: nested.range)
            }
        }
    }
}
