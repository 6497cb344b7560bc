import AgendaBase
import AgendaSemantics
import AgendaSyntax

/// Expand-selection: the ranges around an offset, each holding the one before.
public enum SelectionRanges {
    /// Innermost first: word → run of non-spaces → line text → line →
    /// paragraph, list entry, list, table row, table → section or field →
    /// item → document. Steps that add nothing are left out.
    public static func ranges(in document: AnalyzedDocument, at offset: Int) -> [Range<Int>] {
        let lookup = DocumentLookup(document)
        let pieces = TextPieces(source: document.source)
        let offset = lookup.clamp(offset)
        var candidates: [Range<Int>] = []
        if let (_, line) = lookup.line(at: offset) {
            if let word = pieces.word(at: offset, within: line.range) { candidates.append(word) }
            if let token = pieces.token(at: offset, within: line.range) { candidates.append(token) }
            if case .keyword(let keywordLine) = line.kind {
                candidates += [keywordLine.keywordRange, keywordLine.valueRange]
            }
            candidates += [pieces.trim(line.range), line.range]
        }
        let region = lookup.region(at: offset)
        if let entry = lookup.entry(containing: offset, in: region) {
            candidates.append(entry.range)
            collect(entry.body, around: offset, into: &candidates)
        }
        if case .item(let index) = region, let item = lookup.item(index) { candidates.append(item.syntax.range) }
        candidates.append(0..<document.source.bytes.count)

        // each step must hold the offset and the step before, and be larger
        let holding = candidates.filter { $0.lowerBound <= offset && offset <= $0.upperBound }
            .sorted { ($0.count, -$0.lowerBound) < ($1.count, -$1.lowerBound) }
        var result: [Range<Int>] = []
        for range in holding {
            if let previous = result.last {
                guard range.count > previous.count, range.lowerBound <= previous.lowerBound, previous.upperBound <= range.upperBound else { continue }
            } else if range.isEmpty {
                continue
            }
            result.append(range)
        }
        return result
    }

    static func collect(_ blocks: [BlockSyntax], around offset: Int, into candidates: inout [Range<Int>]) {
        for block in blocks where block.range.lowerBound <= offset && offset <= block.range.upperBound {
            candidates.append(block.range)
            switch block {
            case .list(let list):
                for entry in list.entries where entry.range.lowerBound <= offset && offset <= entry.range.upperBound {
                    candidates.append(entry.range)
                    collect(entry.children, around: offset, into: &candidates)
                }
            case .table(let table):
                for row in table.rows where row.range.lowerBound <= offset && offset <= row.range.upperBound {
                    candidates.append(row.range)
                    candidates += row.cells.filter { $0.lowerBound <= offset && offset <= $0.upperBound }
                }
            case .paragraph, .keyword:
                break
            }
        }
    }
}
