import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// A foldable stretch of whole lines.
public struct FoldingRange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// An item, a section, a list or a table.
        case region
        /// Two or more comment lines in a row.
        case comment
    }

    /// From the start of the first line to the end of the last (its terminator excluded).
    public var range: Range<Int>
    public var kind: Kind
}

/// Folding: items, sections and fields with a body, lists, tables and runs
/// of comment lines. Only ranges of two lines or more; at most one a start
/// line (the outermost), as editors keep only one.
public enum FoldingRanges {
    public static func ranges(in document: AnalyzedDocument) -> [FoldingRange] {
        let source = document.source
        let syntax = document.syntax
        var found: [FoldingRange] = []
        func add(_ range: Range<Int>, _ kind: FoldingRange.Kind = .region) {
            let first = source.line(containing: range.lowerBound)
            let last = source.line(containing: max(range.lowerBound, range.upperBound))
            guard last > first else { return }
            found.append(FoldingRange(range: source.lineRange(first).lowerBound..<source.lineRange(last).upperBound, kind: kind))
        }
        func visit(_ blocks: [BlockSyntax]) {
            for block in blocks {
                switch block {
                case .list(let list):
                    add(list.range)
                    for entry in list.entries {
                        add(entry.range)
                        visit(entry.children)
                    }
                case .table(let table): add(table.range)
                case .paragraph, .keyword: break
                }
            }
        }
        let entries = syntax.header + syntax.items.flatMap(\.entries) + (syntax.signatures.map { [$0] } ?? [])
        for item in syntax.items { add(item.range) }
        for entry in entries {
            add(entry.range)
            visit(entry.body)
            if entry.keyword?.role == .section {
                for heading in DocumentSymbols.headings(in: entry, source: source) {
                    add(heading.range)
                    for subheading in heading.children { add(subheading.range) }
                }
            }
        }
        // runs of comment lines
        var runStart: Int?
        for (index, line) in syntax.lines.enumerated() {
            if case .comment = line.kind {
                if runStart == nil { runStart = index }
            } else if let start = runStart {
                add(syntax.lines[start].range.lowerBound..<syntax.lines[index - 1].range.upperBound, .comment)
                runStart = nil
            }
        }
        if let start = runStart, let last = syntax.lines.last {
            add(syntax.lines[start].range.lowerBound..<last.range.upperBound, .comment)
        }
        // outermost first, then one range per start line
        found.sort { ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound) }
        var result: [FoldingRange] = []
        var lastStartLine = -1
        for range in found {
            let startLine = source.line(containing: range.range.lowerBound)
            if startLine != lastStartLine { result.append(range) }
            lastStartLine = startLine
        }
        return result
    }
}
