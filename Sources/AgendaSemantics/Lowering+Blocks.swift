import AgendaBase
import AgendaSyntax

extension Lowering {
    func blocks(_ syntax: [BlockSyntax]) -> [Block] {
        syntax.map(block)
    }

    func block(_ syntax: BlockSyntax) -> Block {
        switch syntax {
        case .paragraph(let paragraph):
            return .paragraph(inlines(lines: paragraph.lines), range: paragraph.range)
        case .list(let list):
            return .list(self.list(list))
        case .table(let table):
            return .table(self.table(table))
        case .keyword(let line):
            if let level = line.keyword.headingLevel { return .heading(text(line.valueRange), level: level, range: line.range) }
            // a misplaced keyword line (reported by the parser): keep its words as prose
            return kept(line)
        }
    }

    /// A keyword line that has no place where it stands, kept as prose in its
    /// canonical form (the form `fmt` writes), so that formatting cannot change it.
    func kept(_ line: KeywordLine) -> Block {
        .paragraph([.text(line.canonicalText(in: source))], range: line.range)
    }

    func list(_ list: ListSyntax) -> ListBlock {
        let entries = list.entries.map { entry in
            ListEntry(marker: entry.markerText(in: source), text: inlines(lines: entry.lines), children: blocks(entry.children), range: entry.range)
        }
        return ListBlock(ordered: list.entries.first?.number != nil, entries: entries, range: list.range)
    }

    /// Lines of one paragraph, a `lineBreak` between them (a soft wrap, read as a space unless the house style keeps lines).
    func inlines(lines: [Range<Int>]) -> [Inline] {
        // fast path: no markup characters, so each line is one run of text
        if !lines.contains(where: hasMarkup) {
            if lines.count == 1, let only = lines.first { return [.text(text(only))] }
            var result: [Inline] = []
            result.reserveCapacity(lines.count * 2)
            for (index, line) in lines.enumerated() {
                if index > 0 { result.append(.lineBreak) }
                result.append(.text(text(line)))
            }
            return result
        }
        var result: [Inline] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append(.lineBreak) }
            result += inlines(line)
        }
        return merged(result)
    }

    /// Whether a range holds any byte that can start inline markup (`*`, `[`, `\`).
    func hasMarkup(_ range: Range<Int>) -> Bool {
        source.bytes.withUnsafeBufferPointer { buffer in
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = buffer[index]
                if byte == 0x2A || byte == 0x5B || byte == 0x5C { return true }
                index += 1
            }
            return false
        }
    }

    func inlines(_ range: Range<Int>) -> [Inline] {
        if !hasMarkup(range) { return [.text(text(range))] }
        return InlineParser.parse(source.bytes, range).map(inline)
    }

    func inline(_ syntax: InlineSyntax) -> Inline {
        switch syntax {
        case .text(let range): .text(text(range))
        case .strong(let inner, _): .strong(merged(inner.map(inline)))
        case .emphasis(let inner, _): .emphasis(merged(inner.map(inline)))
        case .link(let inner, let url, _): .link(merged(inner.map(inline)), url: text(url))
        case .escaped(let byte, _): .text(String(UnicodeScalar(byte)))
        }
    }

    /// Joins neighbouring text runs.
    func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }
}
