import AgendaBase

/// Finds bytes that are not text: invalid UTF-8 and control characters.
/// Reports each run once and at most a handful in all, so binary garbage gives
/// a short, useful list instead of thousands of findings.
enum TextValidator {
    static let maximumReports = 10

    static func diagnostics(for source: SourceText) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let bytes = source.bytes
        var index = 0
        var runStart: Int?
        func close(_ end: Int) {
            if let start = runStart, result.count < maximumReports {
                result.append(Diagnostic(.unreadableText, start..<end,
                    "\(end - start) byte\(end - start == 1 ? " is" : "s are") not UTF-8 text; save the file as UTF-8 (the part shows as �)"))
            }
            runStart = nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            var length = 1
            var valid = true
            if byte < 0x80 {
                valid = byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
                if byte == 0x7F { valid = false }
            } else {
                length = UTF8Sequence.length(leadingByte: byte)
                if byte < 0xC2 || byte > 0xF4 || index + length > bytes.count {
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
        close(bytes.count)
        return result
    }
}
