import AgendaPDF
import AgendaSemantics

/// Tables: columns as wide as their text allows, numeric columns right-aligned
/// (the model's alignment), split across pages between rows (a row taller than
/// a page between its lines) with the header row repeated on each new page as
/// an artifact. A table whose columns cannot all be read side by side is set
/// as several tables of neighbouring columns. Tagged `Table`, `THead`/`TBody`,
/// `TR`, `TH` (column scope) and `TD`.
extension PDFComposer {
    static let cellPadding = 4.0

    struct TableRow {
        var cells: [[TypesetLine]]
        var slots: Int
        var face: FontFace
        /// Each cell's link targets.
        var links: [[PDFLinkTarget]]
    }

    mutating func writeTable(_ table: TableBlock, parent: StructureElementID, x: Double, width: Double) {
        let columnCount = table.rows.map(\.count).max() ?? 0
        guard columnCount > 0 else { return }
        let style = styles.small
        let padding = Self.cellPadding
        let lastRow = table.rows.count - 1
        func face(_ row: Int) -> FontFace { (table.hasHeader && row == 0) || (table.hasTotalRow && row == lastRow && row > 0) ? .bold : .regular }
        let texts: [[StyledText]] = table.rows.enumerated().map { row, cells in cells.map { linkable(StyledText($0, face: face(row))) } }
        // each column's width on one line, and its longest word
        var natural = Array(repeating: 0.0, count: columnCount)
        var least = Array(repeating: 3 * style.size, count: columnCount)
        for row in texts {
            for (column, text) in row.enumerated() {
                let measured = measure(text, size: style.size)
                natural[column] = max(natural[column], measured.total)
                least[column] = max(least[column], measured.longestWord)
            }
        }
        least = least.map { min($0 + 2 * padding, width) }
        natural = zip(natural, least).map { max($0 + 2 * padding, $1) }
        for group in columnGroups(least, width: width) {
            let sumLeast = group.reduce(0) { $0 + least[$1] }
            let sumNatural = group.reduce(0) { $0 + natural[$1] }
            let widths: [Double] = group.map { column in
                if sumNatural <= width { return natural[column] }
                let spare = sumNatural - sumLeast
                return spare > 0 ? least[column] + (width - sumLeast) * (natural[column] - least[column]) / spare : least[column]
            }
            writeTablePart(table, texts: texts, columns: group, widths: widths, parent: parent, x: x, faces: face)
        }
    }

    /// Neighbouring columns that fit side by side at their least widths.
    func columnGroups(_ least: [Double], width: Double) -> [[Int]] {
        var groups: [[Int]] = []
        var current: [Int] = []
        var used = 0.0
        for (column, columnWidth) in least.enumerated() {
            if !current.isEmpty && used + columnWidth > width + 0.001 {
                groups.append(current)
                current = []
                used = 0
            }
            current.append(column)
            used += columnWidth
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// The width of the text on one line and of its longest word, at `size`.
    func measure(_ text: StyledText, size: Double) -> (total: Double, longestWord: Double) {
        var total = 0.0, word = 0.0, longest = 0.0
        for piece in text.pieces {
            let metrics = flow.faces[piece.face]
            for scalar in piece.text.unicodeScalars {
                let advance = metrics.advance(of: scalar) * size
                total += advance
                if LineBreaker.isSpace(scalar) {
                    longest = max(longest, word)
                    word = 0
                } else {
                    word += advance
                }
            }
        }
        return (total, max(longest, word))
    }

    mutating func writeTablePart(_ table: TableBlock, texts: [[StyledText]], columns: [Int], widths: [Double], parent: StructureElementID,
                                 x: Double, faces face: (Int) -> FontFace) {
        let style = styles.small
        let padding = Self.cellPadding
        let tableWidth = widths.reduce(0, +)
        var offsets: [Double] = []
        var offset = 0.0
        for width in widths {
            offsets.append(offset)
            offset += width
        }
        func row(_ index: Int) -> TableRow {
            let cells: [[TypesetLine]] = columns.enumerated().map { position, column in
                guard column < texts[index].count else { return [] }
                var cellStyle = style
                cellStyle.face = face(index)
                return flow.lines(texts[index][column], style: cellStyle, width: max(widths[position] - 2 * padding, 1))
            }
            let links = columns.map { column in column < texts[index].count ? texts[index][column].links : [] }
            return TableRow(cells: cells, slots: max(1, cells.map(\.count).max() ?? 1), face: face(index), links: links)
        }
        func height(_ row: TableRow) -> Double { Double(row.slots) * style.leading + 2 * padding }

        let element = flow.element(.table, parent: parent)
        let header = table.hasHeader && !table.rows.isEmpty ? row(0) : nil
        let headerHeight = header.map(height) ?? 0
        let firstBody = table.hasHeader ? 1 : 0
        var section: StructureElementID
        if let header {
            let head = flow.element(.tHead, parent: element)
            let rowElement = flow.element(.tr, parent: head)
            let cells = columns.map { _ in flow.element(.th, parent: rowElement, scope: .column) }
            // the header and the first row (or a few lines of it) stay together
            let firstHeight = firstBody < table.rows.count ? min(height(row(firstBody)), 3 * style.leading + 2 * padding) : 0
            flow.keep(headerHeight + firstHeight)
            placeRow(header, slots: 0..<header.slots, cells: cells, x: x, offsets: offsets, widths: widths, columns: columns,
                     table: table, artifact: false, isHeader: true, tableWidth: tableWidth)
        } else if firstBody < table.rows.count {
            flow.keep(min(height(row(firstBody)), 3 * style.leading + 2 * padding))
        }
        section = flow.element(.tBody, parent: element)
        guard firstBody < table.rows.count else { return flow.gap(styles.paragraphGap) }
        for index in firstBody..<table.rows.count {
            let current = row(index)
            let rowElement = flow.element(.tr, parent: section)
            let cells = columns.map { _ in flow.element(.td, parent: rowElement) }
            let isTotal = table.hasTotalRow && index == table.rows.count - 1 && index > 0
            var slot = 0
            let fullPage = flow.geometry.contentHeight - headerHeight
            if height(current) > flow.room + 0.001 && height(current) <= fullPage {
                flow.newPage()
                if let header { repeatHeader(header, x: x, offsets: offsets, widths: widths, columns: columns, table: table, tableWidth: tableWidth) }
            }
            if isTotal {
                flow.pages[flow.pageIndex].rules.append(RuleLine(x1: x, y1: flow.cursor, x2: x + tableWidth, y2: flow.cursor, width: 0.8, color: styles.ink))
            }
            while slot < current.slots {
                let fit = max(0, Int((flow.room - 2 * padding + 0.001) / style.leading))
                if fit == 0 {
                    flow.newPage()
                    if let header { repeatHeader(header, x: x, offsets: offsets, widths: widths, columns: columns, table: table, tableWidth: tableWidth) }
                    // a page that cannot hold one line of the row still takes one, so the table always moves on
                    if Int((flow.room - 2 * padding + 0.001) / style.leading) == 0 {
                        placeRow(current, slots: slot..<(slot + 1), cells: cells, x: x, offsets: offsets, widths: widths, columns: columns,
                                 table: table, artifact: false, isHeader: false, tableWidth: tableWidth)
                        slot += 1
                    }
                    continue
                }
                let end = min(current.slots, slot + fit)
                placeRow(current, slots: slot..<end, cells: cells, x: x, offsets: offsets, widths: widths, columns: columns,
                         table: table, artifact: false, isHeader: false, tableWidth: tableWidth)
                slot = end
            }
        }
        flow.gap(styles.paragraphGap + 2)
    }

    mutating func repeatHeader(_ header: TableRow, x: Double, offsets: [Double], widths: [Double], columns: [Int], table: TableBlock, tableWidth: Double) {
        placeRow(header, slots: 0..<header.slots, cells: [], x: x, offsets: offsets, widths: widths, columns: columns,
                 table: table, artifact: true, isHeader: true, tableWidth: tableWidth)
    }

    /// Some lines (`slots`) of a row at the cursor, its cells padded; a rule below it.
    mutating func placeRow(_ row: TableRow, slots: Range<Int>, cells: [StructureElementID], x: Double, offsets: [Double], widths: [Double],
                           columns: [Int], table: TableBlock, artifact: Bool, isHeader: Bool, tableWidth: Double) {
        var style = styles.small
        style.face = row.face
        let padding = Self.cellPadding
        let top = flow.cursor - padding
        for (position, lines) in row.cells.enumerated() {
            let owner = position < cells.count ? cells[position] : 0
            var links = ParagraphLinks(position < row.links.count ? row.links[position] : [], parent: owner)
            let alignment = table.alignment(ofColumn: columns[position]) ?? .left
            let cellWidth = widths[position] - 2 * padding
            for slot in slots where slot < lines.count {
                let line = lines[slot]
                let shift = alignment == .right ? cellWidth - line.width : alignment == .center ? (cellWidth - line.width) / 2 : 0
                let lineTop = top - Double(slot - slots.lowerBound) * style.leading
                if artifact || cells.isEmpty {
                    flow.place(line, x: x + offsets[position] + padding + max(0, shift), top: lineTop, style: style, owner: 0, links: &links, artifact: true)
                } else {
                    flow.place(line, x: x + offsets[position] + padding + max(0, shift), top: lineTop, style: style, owner: owner, links: &links)
                }
            }
        }
        flow.cursor -= Double(slots.count) * style.leading + 2 * padding
        let ruleWidth = isHeader ? 0.8 : 0.3
        let color = isHeader ? styles.ink : RGBColor(red: 0.7, green: 0.7, blue: 0.7)
        flow.pages[flow.pageIndex].rules.append(RuleLine(x1: x, y1: flow.cursor, x2: x + tableWidth, y2: flow.cursor, width: ruleWidth, color: color))
    }
}
