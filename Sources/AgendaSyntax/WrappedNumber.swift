import AgendaBase

/// Decides whether a line starting with a number and a dot (or parenthesis),
/// directly below a line of prose, is that prose wrapped (`… den` /
/// `9. december 2026.`) or a deliberate list entry. Danish dates and ordinals
/// put a number and a dot at the start of wrapped lines all the time, so a
/// list may only interrupt prose when the writer plainly means one:
///
/// 1. a month name after the marker (`1. januar`, `9. dec.`, `23. og 24. oktober`,
///    `12. - 13. november`), or nothing after it (`2027.` ending a sentence), is
///    always the prose going on;
/// 2. otherwise, below the text of a numbered list entry, a number up to ten
///    above that entry's (`2.` or `4)` below entry `1.`) is the list's next entry;
/// 3. otherwise `1.` starts a list when its text starts with a capital letter,
///    the line above ends with `:` or with the word `at` (`indstiller, at`),
///    or a `2.` follows right below it;
/// 4. anything else is the prose going on.
///
/// A blank line above always makes a list (or the escape `\` keeps prose).
enum WrappedNumber {
    /// - Parameters:
    ///   - number: the line's number (`9` in `9. december`).
    ///   - content: the text after the marker.
    ///   - above: the prose line directly above (its text).
    ///   - openNumbers: the numbers of the numbered list entries the line stands in.
    ///   - followedByTwo: whether the next line, at the same indent, is numbered 2.
    static func continuesProse(number: Int, content: Range<Int>, above: Range<Int>, openNumbers: [Int], followedByTwo: Bool,
                               in bytes: [UInt8]) -> Bool {
        if content.isEmpty || startsWithDate(content, bytes) { return true }
        if openNumbers.contains(where: { number > $0 && number - $0 <= 10 }) { return false }
        if number == 1 && (startsWithCapital(content, bytes) || introducesList(above, bytes) || followedByTwo) { return false }
        return true
    }

    static let months: [[UInt8]] = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
    ].map { Array($0.utf8) }

    /// A month, possibly after a second day: `december`, `og 24. oktober`, `- 13. november`.
    static func startsWithDate(_ content: Range<Int>, _ bytes: [UInt8]) -> Bool {
        if startsWithMonth(content, bytes) { return true }
        guard let month = afterSecondDay(content, bytes) else { return false }
        return startsWithMonth(month..<content.upperBound, bytes)
    }

    static let connectors: [[UInt8]] = ["og", "til", "eller", "-", "–"].map { Array($0.utf8) }

    /// Where the text after `og 24. ` (or `- 13. `, `til 3. `) starts, if it starts so.
    static func afterSecondDay(_ content: Range<Int>, _ bytes: [UInt8]) -> Int? {
        var cursor = content.lowerBound
        while cursor < content.upperBound, bytes[cursor] != 0x20 { cursor += 1 }
        let word = bytes[content.lowerBound..<cursor].map { $0 < 0x80 ? $0 | 0x20 : $0 }
        guard connectors.contains(where: { $0 == word }) else { return nil }
        while cursor < content.upperBound, bytes[cursor] == 0x20 { cursor += 1 }
        let digits = cursor
        while cursor < content.upperBound, cursor - digits < 2, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 { cursor += 1 }
        guard cursor > digits, cursor < content.upperBound, bytes[cursor] == UInt8(ascii: ".") else { return nil }
        cursor += 1
        while cursor < content.upperBound, bytes[cursor] == 0x20 { cursor += 1 }
        return cursor
    }

    /// `december 2026`, `dec. 2026`, `Maj`: a month name followed by a non-letter.
    static func startsWithMonth(_ content: Range<Int>, _ bytes: [UInt8]) -> Bool {
        var end = content.lowerBound
        while end < content.upperBound, isASCIILetter(bytes[end]) { end += 1 }
        // a letter beyond ASCII (`marts` is ASCII, but `majestæt` is not a month)
        if end < content.upperBound, bytes[end] >= 0x80 { return false }
        let word = bytes[content.lowerBound..<end].map { $0 | 0x20 }
        return months.contains { $0 == word }
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// A capital A–Z, or À–Þ (Æ, Ø, Å) written in UTF-8.
    static func startsWithCapital(_ content: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard let first = content.first else { return false }
        let byte = bytes[first]
        if byte >= 0x41 && byte <= 0x5A { return true }
        guard byte == 0xC3, first + 1 < content.upperBound else { return false }
        let next = bytes[first + 1]
        return next >= 0x80 && next <= 0x9E && next != 0x97
    }

    /// The line above ends with `:` or with the word `at` (`Direktionen indstiller, at`).
    static func introducesList(_ above: Range<Int>, _ bytes: [UInt8]) -> Bool {
        var end = above.upperBound
        while end > above.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        guard end > above.lowerBound else { return false }
        if bytes[end - 1] == UInt8(ascii: ":") { return true }
        guard end - above.lowerBound >= 2, bytes[end - 2] | 0x20 == UInt8(ascii: "a"), bytes[end - 1] | 0x20 == UInt8(ascii: "t") else { return false }
        return end - above.lowerBound == 2 || !isASCIILetter(bytes[end - 3]) && bytes[end - 3] < 0x80
    }
}
