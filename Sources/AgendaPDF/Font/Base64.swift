// Base64 (RFC 4648) decoding of the embedded font files: one table lookup a
// character over the literal's UTF-8 in place, line breaks skipped. Foundation's
// decoder took several milliseconds a face, a good part of a small PDF's time.

enum Base64 {
    /// The bytes of `text`; characters outside the alphabet (line breaks) are skipped, `=` ends the data.
    static func decode(_ text: String) -> [UInt8] {
        if let bytes = text.utf8.withContiguousStorageIfAvailable({ decode($0) }) { return bytes }
        return Array(text.utf8).withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ characters: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(characters.count / 4 * 3)
        var bits: UInt32 = 0
        var count = 0
        for character in characters {
            let value = values[Int(character)]
            if value == padding { break }
            if value == skipped { continue }
            bits = bits << 6 | UInt32(value)
            count += 1
            if count == 4 {
                out.append(UInt8(truncatingIfNeeded: bits >> 16))
                out.append(UInt8(truncatingIfNeeded: bits >> 8))
                out.append(UInt8(truncatingIfNeeded: bits))
                bits = 0
                count = 0
            }
        }
        // a last group of two or three characters holds one or two bytes
        if count == 3 {
            out.append(UInt8(truncatingIfNeeded: bits >> 10))
            out.append(UInt8(truncatingIfNeeded: bits >> 2))
        } else if count == 2 {
            out.append(UInt8(truncatingIfNeeded: bits >> 4))
        }
        return out
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
