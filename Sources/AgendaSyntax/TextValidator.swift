import AgendaBase

/// Finds bytes that are not text: invalid UTF-8 and control characters.
/// Reports each run once and at most a handful in all, so binary garbage gives
/// a short, useful list instead of thousands of findings.
public enum TextValidator {
    public static let maximumReports = 10

    static func diagnostics(for source: SourceText) -> [Diagnostic] { diagnostics(for: source, in: 0..<source.bytes.count) }

    /// The findings in `range`, which starts at a line's start and ends at one's end
    /// (a run of bytes that are not text never spans a line break).
    static func diagnostics(for source: SourceText, in range: Range<Int>) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let bytes = source.bytes
        var index = range.lowerBound
        var runStart: Int?
        func close(_ end: Int) {
            if let start = runStart, result.count < maximumReports {
                result.append(Diagnostic(.unreadableText, start..<end,
                    "\(end - start) byte\(end - start == 1 ? " is" : "s are") not UTF-8 text; save the file as UTF-8 (the part shows as �)"))
            }
            runStart = nil
        }
        let count = min(range.upperBound, bytes.count)
        while index < count {
            // fast path: printable ASCII, tab, LF and CR are by far the most common bytes
            let fastEnd = bytes.withUnsafeBufferPointer { buffer -> Int in
                var cursor = index
                // eight bytes at a time while none is ≥ 0x80 or < 0x20
                if let base = UnsafeRawPointer(buffer.baseAddress) {
                    while cursor + 8 <= count {
                        let word = base.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
                        let high: UInt64 = 0x8080_8080_8080_8080
                        let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
                        let hasDelete = ((word ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(word ^ 0x7F7F_7F7F_7F7F_7F7F) & high
                        if (word & high) | belowSpace | hasDelete != 0 { break }
                        cursor += 8
                    }
                }
                while cursor < count {
                    let byte = buffer[cursor]
                    if (byte >= 0x20 && byte < 0x7F) || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        cursor += 1
                    } else if byte >= 0xC2, byte <= 0xDF, cursor + 1 < count, buffer[cursor + 1] & 0xC0 == 0x80 {
                        cursor += 2  // a two-byte letter such as æ, ø, å: valid, and common in Danish
                    } else {
                        break
                    }
                }
                return cursor
            }
            if fastEnd > index {
                close(index)
                index = fastEnd
                continue
            }
            let byte = bytes[index]
            var length = 1
            var valid = true
            if byte < 0x80 {
                valid = byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
                if byte == 0x7F { valid = false }
            } else {
                length = UTF8Sequence.length(leadingByte: byte)
                if byte < 0xC2 || byte > 0xF4 || index + length > count {
                    valid = false
                    length = 1
                } else {
                    for offset in 1..<length where (bytes[index + offset] & 0xC0) != 0x80 { valid = false }
                    // overlongs and surrogates
                    if valid, byte == 0xE0, bytes[index + 1] < 0xA0 { valid = false }
                    if valid, byte == 0xED, bytes[index + 1] > 0x9F { valid = false }
                    if valid, byte == 0xF0, bytes[index + 1] < 0x90 { valid = false }
                    if valid, byte == 0xF4, bytes[index + 1] > 0x8F { valid = false }
                    if !valid { length = 1 }
                }
            }
            if valid {
                close(index)
            } else if runStart == nil {
                runStart = index
            }
            index += length
        }
        close(count)
        return result
    }
}
