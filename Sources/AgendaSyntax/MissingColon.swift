import AgendaBase

/// Keyword lines written without their colon: `punkt 1 Godkendelse af dagsorden`,
/// `udfald 2 tiltrådt`, `Resume` or `Beslutning` alone on the line. Such a line is
/// read as if the colon were there and reported once, with the fix. Prose that
/// merely starts with a keyword's word (`Beslutning om …`) stays prose:
///
/// - a keyword alone on its line counts only for keywords whose value may be
///   empty (sections other than `afsnit:`, `underskrifter:`, the people fields),
///   and not when it is written in lowercase directly below a line of text
///   (then it is a wrapped word of that sentence);
/// - a text after the keyword counts only for the numbered keywords, `punkt N`
///   and `udfald N`, and for `punkt N` only when the title starts with a capital
///   letter or a digit, as titles do (`Punkt 2 blev godkendt …` is a sentence);
///   `punkt 3` alone is an item without a title (AG103 says to add the colon).
extension LineScanner {
    mutating func missingColonLine(_ range: Range<Int>, belowText: Bool) -> KeywordLine? {
        let bytes = source.bytes
        let start = range.lowerBound
        let end = trimmedEnd(start, range.upperBound)
        guard end > start else { return nil }
        if end - start <= KeywordMatcher.longestSpelling, let keyword = KeywordMatcher.match(bytes, start..<end) {
            guard Self.mayStandAlone(keyword), !(belowText && startsLowercase(start, end)) else { return nil }
            report(start..<end, as: source.text(start..<end), keyword: keyword, number: nil, value: nil)
            return KeywordLine(keyword: keyword, range: range, keywordRange: start..<end, number: nil, numberRange: nil,
                               colon: nil, valueRange: end..<end)
        }
        // `punkt 3 Titel`, `udfald 2 tiltrådt`: the keyword, a space, a number, then the value
        var space = start
        while space < end, space - start <= KeywordMatcher.longestSpelling, bytes[space] != 0x20, bytes[space] != 0x09 { space += 1 }
        guard space < end, let keyword = KeywordMatcher.match(bytes, start..<space), keyword.takesNumber else { return nil }
        let numberStart = trimmedStart(space, end)
        var numberEnd = numberStart
        while numberEnd < end, bytes[numberEnd] >= 0x30, bytes[numberEnd] <= 0x39 { numberEnd += 1 }
        guard numberEnd > numberStart, numberEnd == end || bytes[numberEnd] == 0x20 || bytes[numberEnd] == 0x09 else { return nil }
        let valueStart = trimmedStart(numberEnd, end)
        if keyword == .item, valueStart < end, !startsCapitalOrDigit(valueStart, end) { return nil }
        // a number too long to read (`punkt 9223372036854775807`) is still this keyword's, and reported
        let digitCount = numberEnd - numberStart
        let number = digitCount <= KeywordLine.maximumNumberDigits ? bytes[numberStart..<numberEnd].reduce(0) { $0 * 10 + Int($1 - 0x30) } : nil
        if number == nil { reportTooManyDigits(numberStart..<numberEnd, keyword: keyword) }
        // with nothing after the number, the missing title or outcome is the finding (and its fix adds the colon)
        if valueStart < end {
            report(start..<numberEnd, as: source.text(start..<space) + " " + source.text(numberStart..<numberEnd), keyword: keyword,
                   number: number, value: source.text(valueStart..<end))
        }
        return KeywordLine(keyword: keyword, range: range, keywordRange: start..<space, number: number,
                           numberRange: numberStart..<numberEnd, colon: nil, valueRange: valueStart..<end)
    }

    /// Keywords whose value may be empty, so that the word alone on its line is plainly the keyword.
    static func mayStandAlone(_ keyword: Keyword) -> Bool {
        (keyword.role == .section && keyword != .customSection) || keyword.role == .signatures || keyword.takesPeople
    }

    func startsCapitalOrDigit(_ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        let byte = source.bytes[start]
        if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) { return true }
        // À..Þ in UTF-8 (Æ, Ø, Å), except ×
        guard byte == 0xC3, start + 1 < end else { return false }
        let next = source.bytes[start + 1]
        return next >= 0x80 && next <= 0x9E && next != 0x97
    }

    func startsLowercase(_ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        let byte = source.bytes[start]
        if byte >= 0x61 && byte <= 0x7A { return true }
        // à..þ in UTF-8 (æ, ø, å), except ÷
        guard byte == 0xC3, start + 1 < end else { return false }
        let next = source.bytes[start + 1]
        return next >= 0xA0 && next <= 0xBE && next != 0xB7
    }

    mutating func report(_ range: Range<Int>, as written: String, keyword: Keyword, number: Int?, value: String?) {
        let meant = written + ":" + (value.map { " " + $0 } ?? "")
        diagnostics.append(Diagnostic(.missingColon, range,
            "`\(written)` is missing its colon, so this line is read as `\(meant)`; write the colon (or start the line with `\\` to keep it as prose)",
            fixes: [Fix(title: "Insert `:` after `\(written)`", edits: [TextEdit(range: range.upperBound..<range.upperBound, replacement: ":")])]))
    }
}
