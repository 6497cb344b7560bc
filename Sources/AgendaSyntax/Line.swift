import AgendaBase

/// A keyword line as written: `punkt 3: Titel`, `sagsnr: 21/24526`, `lukket`.
///
/// Kept in 56 bytes rather than seven full ranges (112): every keyword line is
/// held by the scanned lines and by the tree, and a block of the tree is as
/// large as its largest case, this one. Offsets are stored relative to the
/// line's start (exact within ±2 GiB of it; a longer line is clamped, never a crash).
public struct KeywordLine: Hashable, Sendable {
    /// Item and outcome numbers have at most this many digits; a longer one is reported, not read.
    public static let maximumNumberDigits = 9
    public var keyword: Keyword
    private var start: Int
    private var storedNumber: Int
    private var lineEnd: Int32
    private var keywordStart: Int32, keywordEnd: Int32
    private var numberStart: Int32, numberEnd: Int32
    private var colonOffset: Int32
    private var valueStart: Int32, valueEnd: Int32

    private static let absent = Int32.min
    private static let noNumber = Int.min

    public init(keyword: Keyword, range: Range<Int>, keywordRange: Range<Int>, number: Int?, numberRange: Range<Int>?,
                colon: Int?, valueRange: Range<Int>) {
        self.keyword = keyword
        start = range.lowerBound
        storedNumber = number ?? Self.noNumber
        lineEnd = 0; keywordStart = 0; keywordEnd = 0; numberStart = Self.absent; numberEnd = Self.absent
        colonOffset = Self.absent; valueStart = 0; valueEnd = 0
        self.range = range
        self.keywordRange = keywordRange
        self.numberRange = numberRange
        self.colon = colon
        self.valueRange = valueRange
    }

    /// Moves the whole line by `delta` bytes: every part is stored relative to its start.
    mutating func moveStart(by delta: Int) { start += delta }

    private func relative(_ offset: Int) -> Int32 {
        Int32(clamping: offset - start).clampedAbove(Self.absent)
    }

    private func absolute(_ offset: Int32) -> Int { start + Int(offset) }

    /// The whole line, without its terminator.
    public var range: Range<Int> {
        get { start..<max(start, absolute(lineEnd)) }
        set {
            let keyword = keywordRange, number = numberRange, colon = colon, value = valueRange
            start = newValue.lowerBound
            lineEnd = relative(newValue.upperBound)
            (keywordRange, numberRange, self.colon, valueRange) = (keyword, number, colon, value)
        }
    }

    /// The keyword as written (`Sagsresume`), for labels and semantic tokens.
    public var keywordRange: Range<Int> {
        get { Self.range(absolute(keywordStart), absolute(keywordEnd)) }
        set { (keywordStart, keywordEnd) = (relative(newValue.lowerBound), relative(newValue.upperBound)) }
    }

    /// `punkt 3`, `udfald 2`: the number and where it stands.
    public var number: Int? {
        get { storedNumber == Self.noNumber ? nil : storedNumber }
        set { storedNumber = newValue ?? Self.noNumber }
    }

    public var numberRange: Range<Int>? {
        get { numberStart == Self.absent ? nil : Self.range(absolute(numberStart), absolute(numberEnd)) }
        set {
            guard let newValue else { (numberStart, numberEnd) = (Self.absent, Self.absent); return }
            (numberStart, numberEnd) = (relative(newValue.lowerBound), relative(newValue.upperBound))
        }
    }

    /// The offset of the colon, nil for flags.
    public var colon: Int? {
        get { colonOffset == Self.absent ? nil : absolute(colonOffset) }
        set { colonOffset = newValue.map(relative) ?? Self.absent }
    }

    /// The value after the colon, trimmed (empty when there is none).
    public var valueRange: Range<Int> {
        get { Self.range(absolute(valueStart), absolute(valueEnd)) }
        set { (valueStart, valueEnd) = (relative(newValue.lowerBound), relative(newValue.upperBound)) }
    }

    private static func range(_ lower: Int, _ upper: Int) -> Range<Int> { lower..<max(lower, upper) }
}

private extension Int32 {
    /// Never the value that marks an absent offset.
    func clampedAbove(_ marker: Int32) -> Int32 { self == marker ? marker + 1 : self }
}

/// What one physical line is, decided from its first bytes alone.
///
/// Every line of the input has one, so it is kept small: the large payloads
/// (keyword lines, list entries) are boxed, and a blank or prose line costs
/// a few words, not the size of the largest case.
public enum LineKind: Hashable, Sendable {
    case blank
    case comment
    indirect case keyword(KeywordLine)
    /// `- x`, `* x`, `1. x`, `1) x`: `marker` is the marker's range, `content` the rest without surrounding spaces.
    indirect case listEntry(indent: Int, marker: Range<Int>, number: Int?, content: Range<Int>)
    case tableRow(indent: Int)
    /// Prose; `content` excludes the indent, a leading escape backslash and trailing spaces and tabs.
    case prose(indent: Int, content: Range<Int>)
}

public struct ScannedLine: Hashable, Sendable {
    public var range: Range<Int>
    public var kind: LineKind
}

/// Classifies lines. Keyword lines are recognised only at column 1.
struct LineScanner {
    let source: SourceText
    var diagnostics: [Diagnostic] = []

    init(source: SourceText) { self.source = source }

    mutating func scan() -> ScannedLines { scan(0..<source.lineCount) }

    /// The lines of `lineRange`, whose first line is the document's first or
    /// starts an item or the signature sheet (so no text above it continues into it).
    mutating func scan(_ lineRange: Range<Int>) -> ScannedLines {
        var lines = ScannedLines(source: source, firstLine: lineRange.lowerBound)
        lines.reserveCapacity(lineRange.count)
        var belowText = false
        for index in lineRange {
            let kind = classify(source.lineRange(index), belowText: belowText)
            lines.append(kind)
            belowText = Self.belowText(after: kind, belowText)
        }
        lines.trimCapacity()
        return lines
    }

    /// Whether the line after one of `kind` stands below text; `current`: whether this one does.
    static func belowText(after kind: LineKind, _ current: Bool) -> Bool {
        switch kind {
        case .comment: current  // comments never break a paragraph
        case .prose, .listEntry: true
        default: false
        }
    }

    /// `belowText`: the line above (comments aside) is prose or a list entry, so this
    /// line may be the wrapped rest of a sentence.
    mutating func classify(_ range: Range<Int>, belowText: Bool = false) -> LineKind {
        let bytes = source.bytes
        let (indent, start) = LineShape.indent(bytes, range)
        let end = range.upperBound
        if LineShape.isBlank(bytes, start, end) { return .blank }
        let first = bytes[start]
        if first == UInt8(ascii: "/"), start + 1 < end, bytes[start + 1] == UInt8(ascii: "/") { return .comment }
        if first == UInt8(ascii: "|") { return .tableRow(indent: indent) }
        if first == UInt8(ascii: "\\") { return LineShape.prose(bytes, indent: indent, start, end) }
        if let entry = LineShape.listEntry(bytes, indent: indent, start, end) { return entry }
        if !belowText, first >= 0x30, first <= 0x39 { reportLongListNumber(start, end) }
        if indent == 0, let keyword = keywordLine(range) ?? missingColonLine(range, belowText: belowText) { return .keyword(keyword) }
        return LineShape.prose(bytes, indent: indent, start, end)
    }

    /// `1234567. tekst`: a list marker but for its length (at most
    /// `ListEntrySyntax.maximumNumberDigits` digits), so the line is text; said
    /// so (AG121) rather than read silently as a paragraph. Below a line of text
    /// any number and a dot may be that text wrapped, so it is not reported there.
    mutating func reportLongListNumber(_ start: Int, _ end: Int) {
        let bytes = source.bytes
        var cursor = start
        while cursor < end, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        guard cursor - start > ListEntrySyntax.maximumNumberDigits, LineShape.endsListMarker(bytes, cursor, end) else { return }
        diagnostics.append(Diagnostic(.numberTooLarge, start..<(cursor + 1),
            "\(cursor - start) digits is too long for a list number (at most \(ListEntrySyntax.maximumNumberDigits)), so this line is read as text; number the list from 1, or start the line with `\\` to keep it as text"))
    }

    func trimmedStart(_ start: Int, _ end: Int) -> Int { LineShape.trimmedStart(source.bytes, start, end) }

    func trimmedEnd(_ start: Int, _ end: Int) -> Int { LineShape.trimmedEnd(source.bytes, start, end) }

    /// An item or outcome number longer than `KeywordLine.maximumNumberDigits` (AG121).
    mutating func reportTooManyDigits(_ digits: Range<Int>, keyword: Keyword) {
        diagnostics.append(Diagnostic(.numberTooLarge, digits,
            "\(digits.count) digits is too long for a number (at most \(KeywordLine.maximumNumberDigits)), so it is not read; write the number meant, such as `\(keyword.canonical) 3:`, or leave the number out"))
    }

    /// Reads `keyword: value`, `keyword N: value` or a bare flag at the line start.
    mutating func keywordLine(_ range: Range<Int>) -> KeywordLine? {
        let bytes = source.bytes
        let start = range.lowerBound
        let first = bytes[start]
        // keywords start with a letter (ASCII or a two-byte Latin letter such as ø)
        guard (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A || first == 0xC3 else { return nil }
        let searchEnd = min(range.upperBound, start + KeywordMatcher.longestSpelling + 12)
        var colon: Int?
        var cursor = start
        while cursor < searchEnd {
            if bytes[cursor] == UInt8(ascii: ":") { colon = cursor; break }
            cursor += 1
        }
        if colon == nil { colon = colonAfterLongNumber(range) }
        guard let colon else { return flagLine(range) }
        let nameEnd = trimmedEnd(start, colon)
        let valueStart = trimmedStart(colon + 1, range.upperBound)
        let valueRange = valueStart..<max(valueStart, trimmedEnd(valueStart, range.upperBound))
        if let keyword = KeywordMatcher.match(bytes, start..<nameEnd) {
            return KeywordLine(keyword: keyword, range: range, keywordRange: start..<nameEnd, number: nil, numberRange: nil, colon: colon, valueRange: valueRange)
        }
        if let counted = countedKeywordLine(range, nameEnd: nameEnd, colon: colon, valueRange: valueRange) { return counted }
        // `punkt 12:` / `udfald 2:` — a keyword, a space, then the number
        if let spaceOffset = bytes[start..<nameEnd].lastIndex(of: 0x20) {
            let space = spaceOffset - start
            let headEnd = trimmedEnd(start, spaceOffset)  // `punkt   2:`
            if let keyword = KeywordMatcher.match(bytes, start..<headEnd), keyword.takesNumber {
                let numberStart = trimmedStart(start + space + 1, nameEnd)
                let digits = bytes[numberStart..<nameEnd]
                let allDigits = !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                let number = allDigits && digits.count <= KeywordLine.maximumNumberDigits ? digits.reduce(0) { $0 * 10 + Int($1 - 0x30) } : nil
                if allDigits && number == nil {
                    reportTooManyDigits(numberStart..<nameEnd, keyword: keyword)
                } else if number == nil {
                    diagnostics.append(Diagnostic(.invalidItemNumber, numberStart..<nameEnd,
                        "'\(source.text(numberStart..<nameEnd))' is not a number; write a whole number such as `\(keyword.canonical) 3:`, or leave the number out"))
                }
                return KeywordLine(keyword: keyword, range: range, keywordRange: start..<headEnd, number: number,
                                   numberRange: numberStart..<nameEnd, colon: colon, valueRange: valueRange)
            }
            if let misspelt = misspeltNumberedLine(range, headEnd: headEnd, numberStart: trimmedStart(start + space + 1, nameEnd),
                                                   nameEnd: nameEnd, colon: colon, valueRange: valueRange) {
                return misspelt
            }
        }
        let folded = nameEnd - start <= KeywordMatcher.longestSpelling + 2 ? KeywordMatcher.fold(bytes[start..<nameEnd]) : []
        if !folded.isEmpty, !folded.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
           let (spelling, _) = KeywordMatcher.nearMiss(folded)
        {
            diagnostics.append(Diagnostic(.possibleKeywordTypo, start..<nameEnd,
                "'\(source.text(start..<nameEnd))' is not a keyword, so this line is read as prose; did you mean `\(spelling):`? (start the line with `\\` to keep it as prose)",
                fixes: [Fix(title: "Change to `\(spelling)`", edits: [TextEdit(range: start..<nameEnd, replacement: spelling)])]))
        }
        return nil
    }

    /// `Bilag (3):` — a count in parentheses after a keyword that takes one; `number` is the count,
    /// `numberRange` the parenthesis.
    func countedKeywordLine(_ range: Range<Int>, nameEnd: Int, colon: Int, valueRange: Range<Int>) -> KeywordLine? {
        let bytes = source.bytes
        let start = range.lowerBound
        guard nameEnd - start >= 4, bytes[nameEnd - 1] == UInt8(ascii: ")"),
              let open = bytes[start..<nameEnd].lastIndex(of: UInt8(ascii: "(")) else { return nil }
        let headEnd = trimmedEnd(start, open)
        let digits = source.trimmingSpaces((open + 1)..<(nameEnd - 1))
        guard headEnd > start, !digits.isEmpty, digits.count <= 6, bytes[digits].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let keyword = KeywordMatcher.match(bytes, start..<headEnd), keyword.takesCount else { return nil }
        let number = bytes[digits].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return KeywordLine(keyword: keyword, range: range, keywordRange: start..<headEnd, number: number,
                           numberRange: open..<nameEnd, colon: colon, valueRange: valueRange)
    }

    /// `pukt 3: Titel`, `udfaldd 2: tiltrådt`: a near miss of a numbered keyword with its
    /// number and colon is plainly that keyword, so it is read as it (one AG105 finding,
    /// with the fix) rather than as prose that would merge the item into the one above.
    mutating func misspeltNumberedLine(_ range: Range<Int>, headEnd: Int, numberStart: Int, nameEnd: Int, colon: Int,
                                       valueRange: Range<Int>) -> KeywordLine? {
        let bytes = source.bytes
        let start = range.lowerBound
        let digits = bytes[numberStart..<nameEnd]
        guard headEnd > start, headEnd - start <= KeywordMatcher.longestSpelling + 2, !digits.isEmpty, digits.count <= 9,
              digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let head = KeywordMatcher.fold(bytes[start..<headEnd])
        guard !head.contains(where: { $0 >= 0x30 && $0 <= 0x39 || $0 == 0x20 }),
              let (spelling, keyword) = KeywordMatcher.nearMiss(head), keyword.takesNumber else { return nil }
        let written = source.text(start..<headEnd)
        diagnostics.append(Diagnostic(.possibleKeywordTypo, start..<headEnd,
            "'\(written)' is not a keyword; with its number and colon this line is read as `\(spelling) \(source.text(numberStart..<nameEnd)):`, so correct the spelling (or start the line with `\\` to keep it as prose)",
            fixes: [Fix(title: "Change to `\(spelling)`", edits: [TextEdit(range: start..<headEnd, replacement: spelling)])]))
        return KeywordLine(keyword: keyword, range: range, keywordRange: start..<headEnd, number: digits.reduce(0) { $0 * 10 + Int($1 - 0x30) },
                           numberRange: numberStart..<nameEnd, colon: colon, valueRange: valueRange)
    }

    /// The colon of `punkt 123…: x` whose number is too long for the usual
    /// search, so that the line is still read (and the number reported) rather
    /// than silently taken as prose.
    func colonAfterLongNumber(_ range: Range<Int>) -> Int? {
        let bytes = source.bytes
        let searchEnd = min(range.upperBound, range.lowerBound + KeywordMatcher.longestSpelling + 1)
        guard let space = bytes[range.lowerBound..<searchEnd].firstIndex(of: 0x20),
              let keyword = KeywordMatcher.match(bytes, range.lowerBound..<space), keyword.takesNumber else { return nil }
        var cursor = trimmedStart(space, range.upperBound)
        let digitsStart = cursor
        while cursor < range.upperBound, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        guard cursor > digitsStart else { return nil }
        cursor = trimmedStart(cursor, range.upperBound)
        return cursor < range.upperBound && bytes[cursor] == UInt8(ascii: ":") ? cursor : nil
    }

    func flagLine(_ range: Range<Int>) -> KeywordLine? {
        let end = trimmedEnd(range.lowerBound, range.upperBound)
        guard end - range.lowerBound <= KeywordMatcher.longestSpelling else { return nil }
        guard let keyword = KeywordMatcher.match(source.bytes, range.lowerBound..<end), keyword.role == .flag else { return nil }
        return KeywordLine(keyword: keyword, range: range, keywordRange: range.lowerBound..<end, number: nil, numberRange: nil, colon: nil, valueRange: end..<end)
    }
}
