import AgendaBase

/// Moving a parsed segment by a number of bytes, for a segment that an edit
/// above it moved without changing it (`IncrementalAnalysis` keeps it rather
/// than parsing it again). Lists nest at most `ListSyntax.maximumDepth`, so
/// the walk is bounded.
extension Range where Bound == Int {
    /// The range moved by `delta` bytes.
    public func shifted(by delta: Int) -> Range<Int> { (lowerBound + delta)..<(upperBound + delta) }
}

extension KeywordLine {
    /// The line moved by `delta` bytes (its parts are stored relative to its start).
    public func shifted(by delta: Int) -> KeywordLine {
        var moved = self
        moved.moveStart(by: delta)
        return moved
    }
}

extension EntrySyntax {
    public func shifted(by delta: Int) -> EntrySyntax {
        guard delta != 0 else { return self }
        return EntrySyntax(line: line?.shifted(by: delta), body: body.map { $0.shifted(by: delta) }, range: range.shifted(by: delta))
    }
}

extension ItemSyntax {
    public func shifted(by delta: Int) -> ItemSyntax {
        guard delta != 0 else { return self }
        return ItemSyntax(line: line.shifted(by: delta), entries: entries.map { $0.shifted(by: delta) }, range: range.shifted(by: delta))
    }
}

extension BlockSyntax {
    public func shifted(by delta: Int) -> BlockSyntax {
        switch self {
        case .paragraph(let paragraph):
            .paragraph(ParagraphSyntax(lines: paragraph.lines.map { $0.shifted(by: delta) }, range: paragraph.range.shifted(by: delta)))
        case .list(let list):
            .list(ListSyntax(entries: list.entries.map { $0.shifted(by: delta) }, range: list.range.shifted(by: delta)))
        case .table(let table):
            .table(TableSyntax(rows: table.rows.map { row in
                TableRowSyntax(cells: row.cells.map { $0.shifted(by: delta) }, range: row.range.shifted(by: delta), isSeparator: row.isSeparator)
            }, range: table.range.shifted(by: delta)))
        case .keyword(let line):
            .keyword(line.shifted(by: delta))
        }
    }
}

extension ListEntrySyntax {
    func shifted(by delta: Int) -> ListEntrySyntax {
        ListEntrySyntax(marker: marker.shifted(by: delta), number: number, lines: lines.map { $0.shifted(by: delta) },
                        children: children.map { $0.shifted(by: delta) }, range: range.shifted(by: delta))
    }
}
