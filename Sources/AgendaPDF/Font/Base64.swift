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

    static let skipped: UInt8 = 0xFF
    static let padding: UInt8 = 0xFE

    /// The value of each byte as a base64 digit; `skipped` for bytes outside the alphabet.
    static let values: [UInt8] = {
        var table = [UInt8](repeating: skipped, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "="))] = padding
        return table
    }()
}

/// Base64 laid out as `scripts/embed-fonts` writes it, lines of 76 characters
/// (19 groups) joined by line feeds, read at any byte without decoding what
/// comes before: a font's directory, its small tables and the glyphs a document
/// uses are a few percent of the file.
struct Base64Lines: Sendable {
    static let groupsPerLine = 19
    static let lineCharacters = 77  // with its line feed

    let text: String
    /// The decoded length.
    let byteCount: Int

    /// Nil when `text` is not in that layout (the caller then decodes all of it).
    init?(_ text: String) {
        let layout: Int? = text.utf8.withContiguousStorageIfAvailable { characters in
            let fullLines = characters.count / Self.lineCharacters, last = characters.count % Self.lineCharacters
            guard last > 0, last % 4 == 0 else { return nil }
            for line in 0..<fullLines where characters[line * Self.lineCharacters + 76] != UInt8(ascii: "\n") { return nil }
            var padding = 0
            while padding < 2, characters[characters.count - 1 - padding] == UInt8(ascii: "=") { padding += 1 }
            return fullLines * Self.groupsPerLine * 3 + last / 4 * 3 - padding
        } ?? nil
        guard let layout else { return nil }
        self.text = text
        byteCount = layout
    }

    /// The bytes at `range`, or nil when it runs past the end or the text holds a character outside the alphabet there.
    func bytes(_ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 0, range.upperBound <= byteCount else { return nil }
        guard !range.isEmpty else { return [] }
        let firstGroup = range.lowerBound / 3, lastGroup = (range.upperBound - 1) / 3
        let decoded: [UInt8]?? = text.utf8.withContiguousStorageIfAvailable { characters in
            Base64.values.withUnsafeBufferPointer { table in
                var out = [UInt8]()
                out.reserveCapacity((lastGroup - firstGroup + 1) * 3)
                for group in firstGroup...lastGroup {
                    let at = group / Self.groupsPerLine * Self.lineCharacters + group % Self.groupsPerLine * 4
                    guard at + 4 <= characters.count else { return nil }
                    var bits: UInt32 = 0
                    for character in characters[at..<(at + 4)] {
                        var value = table[Int(character)]
                        if value == Base64.padding { value = 0 }  // past `byteCount`, cut below
                        guard value < 64 else { return nil }
                        bits = bits << 6 | UInt32(value)
                    }
                    out.append(UInt8(truncatingIfNeeded: bits >> 16))
                    out.append(UInt8(truncatingIfNeeded: bits >> 8))
                    out.append(UInt8(truncatingIfNeeded: bits))
                }
                return out
            }
        }
        guard let decoded = decoded ?? nil else { return nil }
        let skip = range.lowerBound - firstGroup * 3
        return Array(decoded[skip..<(skip + range.count)])
    }
}
