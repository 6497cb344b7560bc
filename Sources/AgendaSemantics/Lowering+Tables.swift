import AgendaBase
import AgendaSyntax

/// What a table means beyond its cells: each column's alignment and whether
/// the last row is a total. Decided here, once, so every renderer agrees.
extension Lowering {
    func table(_ table: TableSyntax) -> TableBlock {
        let rows = table.rows.filter { !$0.isSeparator }.map { row in row.cells.map { inlines($0) } }
        let columnCount = rows.map(\.count).max() ?? 0
        let written = table.rows.first(where: \.isSeparator).map(writtenAlignments) ?? []
        let body = table.hasHeader ? rows.dropFirst() : rows[...]
        let alignments = (0..<columnCount).map { column -> TableAlignment? in
            if column < written.count, let alignment = written[column] { return alignment }
            return TableFacts.isNumberColumn(body.map { column < $0.count ? $0[column].plainText : "" }) ? .right : nil
        }
        // a total needs rows above it to sum up
        let hasTotalRow = body.count > 1 && TableFacts.isTotalLabel(body.last?.first?.plainText ?? "")
        return TableBlock(rows: rows, hasHeader: table.hasHeader, alignments: alignments, hasTotalRow: hasTotalRow, range: table.range)
    }

    /// `:--` left, `:-:` centre, `--:` right, `---` nothing written.
    func writtenAlignments(_ separator: TableRowSyntax) -> [TableAlignment?] {
        separator.cells.map { cell in
            let bytes = source.bytes[cell]
            let left = bytes.first == UInt8(ascii: ":")
            let right = bytes.count > 1 && bytes.last == UInt8(ascii: ":")
            switch (left, right) {
            case (true, true): return .center
            case (true, false): return .left
            case (false, true): return .right
            case (false, false): return nil
            }
        }
    }
}

/// The Danish forms of numbers and totals that tables are read for.
public enum TableFacts {
    /// First-cell words that make a last row a total, compared without case.
    public static let totalLabels = ["i alt", "total", "totalt", "samlet", "samlede", "sum"]

    /// Units that may follow a number (`539.000 kr.`, `12 %`, `2,5 mio. kr.`) or, for `kr.`, stand before it.
    public static let units: Set<String> = ["%", "pct.", "pct", "kr.", "kr", "mio.", "mia.", "t.kr.", "tkr.", "mio", "mia"]

    /// A total's first cell: one of `totalLabels`, alone or followed by more words or a colon (`I alt 2026`, `Total:`).
    public static func isTotalLabel(_ text: String) -> Bool {
        let label = text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        return totalLabels.contains { word in
            guard label.hasPrefix(word) else { return false }
            let rest = label.dropFirst(word.count)
            return rest.isEmpty || rest.first == " " || rest.first == ":"
        }
    }

    /// A column of numbers: every cell a number (or empty, or a dash for none), and at least one number.
    public static func isNumberColumn(_ cells: [String]) -> Bool {
        var numbers = 0
        for cell in cells {
            let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || text == "-" || text == "–" { continue }
            guard isNumber(text) else { return false }
            numbers += 1
        }
        return numbers > 0
    }

    /// A Danish number, with its units: `-3,4`, `1.250,5`, `539.000 kr.`, `kr. 539.000`, `12 %`, `12%`, `100,-`.
    public static func isNumber(_ text: String) -> Bool {
        // a no-break space often stands between a number and its unit
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, first == "kr." || first == "kr", words.count > 1 { words.removeFirst() }
        guard let number = words.first else { return false }
        let units = words.dropFirst()
        guard units.count <= 2, units.allSatisfy({ Self.units.contains($0.lowercased()) }) else { return false }
        // `12%` and `12pct.` glued together
        if let percent = number.firstIndex(where: { $0 == "%" }) {
            return number[percent...] == "%" && isBareNumber(number[..<percent])
        }
        return isBareNumber(Substring(number))
    }

    /// Sign, digits (in groups of three after a `.` when grouped), then a decimal part (`,5`) or `,-`.
    static func isBareNumber(_ text: Substring) -> Bool {
        var rest = text
        if let sign = rest.first, "+-−±".contains(sign) { rest = rest.dropFirst() }
        var decimals: Substring = ""
        if let comma = rest.firstIndex(of: ",") {
            decimals = rest[rest.index(after: comma)...]
            rest = rest[..<comma]
            guard decimals == "-" || (!decimals.isEmpty && decimals.allSatisfy(\.isASCIIDigit)) else { return false }
        }
        let groups = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard let lead = groups.first, !lead.isEmpty, lead.allSatisfy(\.isASCIIDigit) else { return false }
        if groups.count == 1 { return true }
        return lead.count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
