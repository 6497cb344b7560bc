import AgendaBase

/// Byte-level trimming shared by the layout and the shape check, so both agree
/// on what "the same text" is.
extension SourceText {
    /// The first offset after the line's indentation (spaces and tabs, as the scanner reads them).
    func indentEnd(_ range: Range<Int>) -> Int {
        var cursor = range.lowerBound
        while cursor < range.upperBound, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        return cursor
    }

    /// The indentation width as the scanner counts it (a tab is 4).
    func indentWidth(_ range: Range<Int>) -> Int {
        var width = 0
        for offset in range.lowerBound..<indentEnd(range) { width += bytes[offset] == 0x09 ? 4 : 1 }
        return width
    }

    /// The end of the range without trailing spaces, tabs and carriage returns.
    func trailingTrimmedEnd(_ range: Range<Int>) -> Int {
        var cursor = range.upperBound
        while cursor > range.lowerBound, bytes[cursor - 1] == 0x20 || bytes[cursor - 1] == 0x09 || bytes[cursor - 1] == 0x0D {
            cursor -= 1
        }
        return cursor
    }

    /// The range without indentation and without trailing whitespace.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        let start = indentEnd(range)
        return start..<max(start, trailingTrimmedEnd(start..<range.upperBound))
    }

    func trimmedText(_ range: Range<Int>) -> String { text(trimmed(range)) }

    /// The 0-based index of the line holding `offset`.
    func lineIndex(_ offset: Int) -> Int { line(containing: offset) }

    /// The bytes of line `index` including its terminator: what an edit of that whole line replaces.
    func lineUnit(_ index: Int) -> Range<Int> {
        guard index >= 0, index < lineCount else { return bytes.count..<bytes.count }
        let end = index + 1 < lineCount ? lineStart(index + 1) : bytes.count
        return lineStart(index)..<end
    }

    /// Whether the bytes are valid UTF-8, so a `String` can hold them without loss.
    var isValidUTF8: Bool {
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes)
    }
}
