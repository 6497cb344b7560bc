// Base64 (RFC 4648) decoding of the embedded font files: table lookups over
// the literal's UTF-8 in place, four characters at a time between line breaks,
// written straight into the result, line breaks skipped.

enum Base64 {
    /// The bytes of `text`; characters outside the alphabet (line breaks) are skipped, `=` ends the data.
    static func decode(_ text: String) -> [UInt8] {
        if let bytes = text.utf8.withContiguousStorageIfAvailable({ decode($0) }) { return bytes }
        return Array(text.utf8).withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ characters: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let capacity = characters.count / 4 * 3 + 3
        return values.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
                var bits: UInt32 = 0
                var count = 0
                var at = 0
                var next = 0
                let end = characters.count
                decoding: while next < end {
                    // four digits at once between groups (the embedded lines are 19 whole groups)
                    if count == 0, next + 4 <= end {
                        let a = table[Int(characters[next])], b = table[Int(characters[next + 1])]
                        let c = table[Int(characters[next + 2])], d = table[Int(characters[next + 3])]
                        if a | b | c | d < 64 {
                            let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            out[at] = UInt8(truncatingIfNeeded: group >> 16)
                            out[at + 1] = UInt8(truncatingIfNeeded: group >> 8)
                            out[at + 2] = UInt8(truncatingIfNeeded: group)
                            at += 3
                            next += 4
                            continue decoding
                        }
                    }
                    // one character: a line break, padding, or a group split by them
                    let value = table[Int(characters[next])]
                    next += 1
                    if value == padding { break }
                    if value == skipped { continue }
                    bits = bits << 6 | UInt32(value)
                    count += 1
                    if count == 4 {
                        out[at] = UInt8(truncatingIfNeeded: bits >> 16)
                        out[at + 1] = UInt8(truncatingIfNeeded: bits >> 8)
                        out[at + 2] = UInt8(truncatingIfNeeded: bits)
                        at += 3
                        bits = 0
                        count = 0
                    }
                }
                // a last group of two or three characters holds one or two bytes
                if count == 3 {
                    out[at] = UInt8(truncatingIfNeeded: bits >> 10)
                    out[at + 1] = UInt8(truncatingIfNeeded: bits >> 2)
                    at += 2
                } else if count == 2 {
                    out[at] = UInt8(truncatingIfNeeded: bits >> 4)
                    at += 1
                }
                written = at
            }
        }
    }

    private static let skipped: UInt8 = 0xFF
    private static let padding: UInt8 = 0xFE

    /// The value of each byte as a base64 digit; `skipped` for bytes outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: skipped, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "="))] = padding
        return table
    }()
}
