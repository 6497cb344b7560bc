/// Tables in `-layout` text: lines whose pieces stand in columns, two spaces
/// or more apart, over several lines (blank lines between rows allowed, as a
/// typeset table pads its rows). They become the language's table rows
/// (`| a | b |`, a `| --- |` line under a header row), so the recogniser keeps
/// them as tables and every cell's words stay in their row.
enum LayoutTable {
    /// A table starting at `start`: the index after its last line and its rows
    /// as language lines; nil when the lines there are no table (label and
    /// value lines such as "Mødedato   mandag …" are not: two columns count
    /// only when the second holds numbers).
    /// `end` is where the lines that looked like rows end, table or not, so a
    /// caller asks again only after them (which keeps the whole pass linear).
    static func table(in lines: [LayoutLine], at start: Int) -> (end: Int, rows: [ImportLine]?)? {
        guard start < lines.count, isRowCandidate(lines[start]) else { return nil }
        var members: [Int] = [start]
        var candidates = 1, maxCells = lines[start].cells.count
        var blankSeparated = false
        var minIndent = lines[start].indent, maxEnd = lines[start].end
        let header = lines[start].collapsed
        var skipped = Set<Int>()
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            let separated = line.blankBefore || line.pageBreakBefore
            if isRowCandidate(line) {
                // A table split across pages repeats its header row on the next page: taken once.
                if line.pageBreakBefore, line.collapsed == header { skipped.insert(index) }
                if separated { blankSeparated = true }
                members.append(index)
                candidates += 1
                maxCells = max(maxCells, line.cells.count)
                minIndent = min(minIndent, line.indent)
                maxEnd = max(maxEnd, line.end)
            } else if blankSeparated, !separated, line.indent >= minIndent, line.end <= maxEnd {
                // A cell's text wrapped onto the next line of a padded row ("September" / "2025").
                members.append(index)
            } else {
                break
            }
            index += 1
        }
        guard candidates >= 2 else { return (index, nil) }
        let rowLines = members.filter { !skipped.contains($0) }
        if maxCells < 3 {
            // two columns: numbers beside labels in three rows or more (label and value lines are no table)
            let rows = rowLines.map { lines[$0].cells }.filter { $0.count >= 2 }
            guard rows.count >= 3 else { return (index, nil) }
            let numeric = rows.dropFirst().filter { isNumeric($0.last?.text ?? "") }.count
            let labelled = rows.contains { $0.first?.text.hasSuffix(":") == true }
            guard !labelled, numeric * 2 >= max(1, rows.count - 1) else { return (index, nil) }
        }
        // The fullest rows (the body's, as a rule) give the columns; the words
        // of the other rows (a header set closer, a row with empty cells) go
        // to the column they overlap most, or the nearest.
        let fullest = rowLines.map { lines[$0] }.filter { $0.cells.count == maxCells }
        let columns = columnRanges(fullest, from: minIndent)
        let numeric = numericColumns(fullest, columns)
        var rows: [(line: ImportLine, cells: [String])] = []
        for member in rowLines {
            let line = lines[member]
            let cells = cellTexts(line, columns, numeric: numeric)
            let startsRow = rows.isEmpty || !blankSeparated || line.blankBefore || line.pageBreakBefore
            if startsRow {
                rows.append((line.line, cells))
            } else if var last = rows.popLast() {
                for column in cells.indices where !cells[column].isEmpty && column < last.cells.count {
                    last.cells[column] += last.cells[column].isEmpty ? cells[column] : " " + cells[column]
                }
                rows.append(last)
            }
        }
        var output: [ImportLine] = []
        for (number, row) in rows.enumerated() {
            output.append(ImportLine(text: rowText(row.cells), sourceLine: row.line.sourceLine, page: row.line.page))
            // A first row of words (or of years over amounts) above rows of numbers is the header.
            if number == 0, rows.count > 1, !row.cells.contains(where: { isNumeric($0) && !isYear($0) }),
               rows.dropFirst().contains(where: { $0.cells.contains(where: { isNumeric($0) && !isYear($0) }) }) {
                output.append(ImportLine(text: rowText(row.cells.map { _ in "---" }), sourceLine: row.line.sourceLine, page: row.line.page))
            }
        }
        return (index, output)
    }

    /// A line that can be a table row: two pieces or more, and no contents entry's dot leader.
    static func isRowCandidate(_ line: LayoutLine) -> Bool {
        line.cells.count >= 2 && !Reflow.isLeader(line.characters)
    }

    /// The columns: the stretches of positions that hold text in some line,
    /// split where every line has two spaces or more.
    static func columnRanges(_ lines: [LayoutLine], from indent: Int) -> [Range<Int>] {
        let width = lines.map(\.end).max() ?? 0
        guard width > indent else { return [] }
        var occupied = [Bool](repeating: false, count: width)
        for line in lines {
            for position in line.indent..<line.end where !line.characters[position].isWhitespace {
                occupied[position] = true
            }
        }
        var columns: [Range<Int>] = []
        var position = indent
        while position < width {
            guard occupied[position] else { position += 1; continue }
            let lower = position
            var upper = position
            while position < width {
                if occupied[position] {
                    upper = position + 1
                    position += 1
                } else if position + 1 < width, occupied[position + 1] {
                    position += 1   // one space inside a cell
                } else {
                    break
                }
            }
            columns.append(lower..<upper)
        }
        return columns
    }

    /// Each word of the line put in its column. Text columns align left:
    /// a word goes past one when it starts after that column's text. Columns
    /// of numbers align right, and a header above them may be centred or
    /// reach further left: a word goes past one when it starts after its
    /// right edge or ends nearer the next one's.
    static func cellTexts(_ line: LayoutLine, _ columns: [Range<Int>], numeric: [Bool]) -> [String] {
        var cells = [String](repeating: "", count: columns.count)
        guard !columns.isEmpty else { return cells }
        var column = 0
        var index = line.indent
        while index < line.end {
            guard !line.characters[index].isWhitespace else { index += 1; continue }
            let start = index
            while index < line.end, !line.characters[index].isWhitespace { index += 1 }
            while column + 1 < columns.count {
                let here = columns[column], next = columns[column + 1]
                let moves: Bool
                if !numeric[column] {
                    moves = start > here.upperBound && (numeric[column + 1] || start + 1 >= next.lowerBound)
                } else if numeric[column + 1] {
                    moves = start >= here.upperBound || abs(index - next.upperBound) < abs(index - here.upperBound)
                } else {
                    moves = start + 1 >= next.lowerBound
                }
                guard moves else { break }
                column += 1
            }
            let text = String(line.characters[start..<index])
            cells[column] += cells[column].isEmpty ? text : " " + text
        }
        return cells
    }

    /// Whether most of the column's text in these lines are numbers.
    static func numericColumns(_ lines: [LayoutLine], _ columns: [Range<Int>]) -> [Bool] {
        columns.map { column in
            var numbers = 0, texts = 0
            for line in lines {
                let lower = min(column.lowerBound, line.characters.count), upper = min(column.upperBound, line.characters.count)
                let text = LayoutLine.collapse(line.characters[lower..<upper])
                guard !text.isEmpty else { continue }
                if isNumeric(text) { numbers += 1 } else { texts += 1 }
            }
            return numbers > texts
        }
    }

    static func rowText(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }

    static func isYear(_ text: String) -> Bool {
        text.count == 4 && (text.hasPrefix("19") || text.hasPrefix("20")) && text.allSatisfy(\.isNumber)
    }

    /// A cell that reads as a number or amount: `612,4`, `-2,5`, `35%`, `1.250`, `2024`, `3,5 mio. kr.`.
    static func isNumeric(_ text: String) -> Bool {
        let units: Set<String> = ["kr", "kr.", "mio", "mio.", "mia", "mia.", "pct", "pct.", "%", "t.kr.", "dkk"]
        var digits = false
        for token in text.lowercased().split(separator: " ") {
            if token.allSatisfy({ $0.isNumber || ",.%-−+".contains($0) }) {
                digits = digits || token.contains(where: \.isNumber)
            } else if !units.contains(String(token)) {
                return false
            }
        }
        return digits
    }
}
