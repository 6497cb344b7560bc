/// Inline markup inside prose: `**fed**`, `*kursiv*`, `[tekst](url)`, and `\|` in table cells.
public enum InlineSyntax: Hashable, Sendable {
    case text(Range<Int>)
    case strong([InlineSyntax], range: Range<Int>)
    case emphasis([InlineSyntax], range: Range<Int>)
    /// `text` is the label's inlines, `url` the target's range.
    case link([InlineSyntax], url: Range<Int>, range: Range<Int>)
    /// An escaped character such as `\|`: the range covers the backslash too, `character` is what it stands for.
    case escaped(UInt8, range: Range<Int>)
}

public enum InlineParser {
    /// Parses one line (or cell) of inline markup. Unmatched markers are plain text.
    public static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> [InlineSyntax] {
        var result: [InlineSyntax] = []
        var textStart = range.lowerBound
        var cursor = range.lowerBound
        let end = range.upperBound
        func flush(_ upTo: Int) {
            if upTo > textStart { result.append(.text(textStart..<upTo)) }
        }
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\"), cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "|") {
                flush(cursor)
                result.append(.escaped(bytes[cursor + 1], range: cursor..<(cursor + 2)))
                cursor += 2
                textStart = cursor
            } else if byte == UInt8(ascii: "*") {
                let isStrong = cursor + 1 < end && bytes[cursor + 1] == UInt8(ascii: "*")
                let width = isStrong ? 2 : 1
                let innerStart = cursor + width
                if innerStart < end, bytes[innerStart] != 0x20, let close = findClosing(bytes, from: innerStart, end: end, strong: isStrong) {
                    flush(cursor)
                    let inner = parse(bytes, innerStart..<close)
                    let whole = cursor..<(close + width)
                    result.append(isStrong ? .strong(inner, range: whole) : .emphasis(inner, range: whole))
                    cursor = close + width
                    textStart = cursor
                } else {
                    cursor += width
                }
            } else if byte == UInt8(ascii: "["), let (labelEnd, urlRange, linkEnd) = findLink(bytes, from: cursor, end: end) {
                flush(cursor)
                result.append(.link(parse(bytes, (cursor + 1)..<labelEnd), url: urlRange, range: cursor..<linkEnd))
                cursor = linkEnd
                textStart = cursor
            } else {
                cursor += 1
            }
        }
        flush(end)
        return result
    }

    /// The offset of the closing `*`/`**`, which must follow a non-space.
    static func findClosing(_ bytes: [UInt8], from start: Int, end: Int, strong: Bool) -> Int? {
        var cursor = start + 1
        while cursor < end {
            if bytes[cursor] == UInt8(ascii: "*") {
                if strong {
                    if cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "*"), bytes[cursor - 1] != 0x20 { return cursor }
                } else if bytes[cursor - 1] != 0x20, cursor + 1 >= end || bytes[cursor + 1] != UInt8(ascii: "*") {
                    return cursor
                } else if cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "*") {
                    cursor += 1  // skip a `**` inside emphasis
                }
            }
            cursor += 1
        }
        return nil
    }

    /// `[label](url)` from `start` (at `[`): the label's end, the url's range and the end of the link.
    static func findLink(_ bytes: [UInt8], from start: Int, end: Int) -> (Int, Range<Int>, Int)? {
        var cursor = start + 1
        while cursor < end, bytes[cursor] != UInt8(ascii: "]") {
            if bytes[cursor] == UInt8(ascii: "[") { return nil }
            cursor += 1
        }
        guard cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "(") else { return nil }
        let labelEnd = cursor
        let urlStart = cursor + 2
        var urlEnd = urlStart
        var depth = 0  // balanced parentheses belong to the address (Wikipedia-style URLs)
        while urlEnd < end, bytes[urlEnd] != UInt8(ascii: ")") || depth > 0 {
            if bytes[urlEnd] == 0x20 { return nil }
            if bytes[urlEnd] == UInt8(ascii: "(") { depth += 1 } else if bytes[urlEnd] == UInt8(ascii: ")") { depth -= 1 }
            urlEnd += 1
        }
        guard urlEnd < end else { return nil }
        return (labelEnd, urlStart..<urlEnd, urlEnd + 1)
    }
}
