// The font's `cmap`: Unicode scalar → glyph ID, from a format 12 subtable
// (all of Unicode) or else a format 4 one (the Basic Multilingual Plane).
// The BMP is expanded into a table for constant-time lookups while setting
// type; scalars beyond it are found by binary search in the format 12 groups.
// Overlapping or unsorted ranges are clipped, so building is linear in the
// subtable's size whatever it holds.

struct CharacterMap: Sendable {
    /// Glyph ID of each BMP code point, 0 where the font has none.
    private var basic: [UInt16]
    /// Sorted, disjoint ranges above U+FFFF.
    private var supplementary: [Group]

    struct Group: Sendable {
        var first: UInt32, last: UInt32, firstGlyph: UInt32
    }

    static let empty = CharacterMap(basic: [UInt16](repeating: 0, count: 0x10000), supplementary: [])

    private init(basic: [UInt16], supplementary: [Group]) {
        self.basic = basic
        self.supplementary = supplementary
    }

    func glyphID(for scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        if value < 0x10000 { return basic.indices.contains(Int(value)) ? basic[Int(value)] : 0 }
        var low = 0, high = supplementary.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let group = supplementary[middle]
            if value < group.first { high = middle - 1 } else if value > group.last { low = middle + 1 } else {
                let glyph = UInt64(group.firstGlyph) + UInt64(value - group.first)
                return glyph <= UInt64(UInt16.max) ? UInt16(glyph) : 0
            }
        }
        return 0
    }

    /// Every mapped scalar with its glyph, in scalar order (for tests and tools).
    func forEach(_ body: (Unicode.Scalar, UInt16) -> Void) {
        for (value, glyph) in basic.enumerated() where glyph != 0 {
            if let scalar = Unicode.Scalar(UInt32(value)) { body(scalar, glyph) }
        }
        for group in supplementary {
            var value = group.first
            while value <= group.last {
                let glyph = UInt64(group.firstGlyph) + UInt64(value - group.first)
                if glyph > UInt64(UInt16.max) { break }
                if let scalar = Unicode.Scalar(value) { body(scalar, UInt16(glyph)) }
                value += 1
            }
        }
    }

    /// Reads the best Unicode subtable of the `cmap` table at `table`.
    /// Glyph IDs at or beyond `glyphCount` count as missing.
    static func read(_ data: FontBytes, table: TableRecord, glyphCount: Int) throws -> CharacterMap {
        let base = table.offset
        let subtableCount = Int(try data.u16(base + 2))
        var format12: Int?
        var format4: Int?
        for index in 0..<subtableCount {
            let record = base + 4 + index * 8
            let platform = try data.u16(record)
            let encoding = try data.u16(record + 2)
            let offset = base + Int(try data.u32(record + 4))
            guard offset < base + table.length else { continue }
            let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard isUnicode else { continue }
            switch try data.u16(offset) {
            case 12 where format12 == nil: format12 = offset
            case 4 where format4 == nil: format4 = offset
            default: break
            }
        }
        if let offset = format12 { return try readFormat12(data, at: offset, end: base + table.length, glyphCount: glyphCount) }
        if let offset = format4 { return try readFormat4(data, at: offset, end: base + table.length, glyphCount: glyphCount) }
        throw TrueTypeFontError("the cmap table has no Unicode subtable of format 4 or 12")
    }

    private static func readFormat4(_ data: FontBytes, at offset: Int, end: Int, glyphCount: Int) throws -> CharacterMap {
        var basic = [UInt16](repeating: 0, count: 0x10000)
        let segmentCount = Int(try data.u16(offset + 6)) / 2
        let ends = offset + 14
        let starts = ends + segmentCount * 2 + 2
        let deltas = starts + segmentCount * 2
        let rangeOffsets = deltas + segmentCount * 2
        guard rangeOffsets + segmentCount * 2 <= end else { throw TrueTypeFontError("the cmap format 4 subtable is cut short") }
        var nextFree = 0  // segments must ascend; anything below this was already mapped
        for segment in 0..<segmentCount {
            let last = Int(try data.u16(ends + segment * 2))
            let first = Int(try data.u16(starts + segment * 2))
            let delta = Int(try data.u16(deltas + segment * 2))
            let rangeOffsetAt = rangeOffsets + segment * 2
            let rangeOffset = Int(try data.u16(rangeOffsetAt))
            let from = max(first, nextFree)
            guard from <= last else { continue }
            for code in from...last {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    // A missing entry (past the table) maps to nothing rather than failing the font.
                    guard let raw = try? data.u16(rangeOffsetAt + rangeOffset + 2 * (code - first)) else { continue }
                    glyph = raw == 0 ? 0 : (Int(raw) + delta) & 0xFFFF
                }
                if glyph >= glyphCount { glyph = 0 }
                basic[code] = UInt16(glyph)
            }
            nextFree = last + 1
        }
        return CharacterMap(basic: basic, supplementary: [])
    }

    private static func readFormat12(_ data: FontBytes, at offset: Int, end: Int, glyphCount: Int) throws -> CharacterMap {
        var basic = [UInt16](repeating: 0, count: 0x10000)
        var supplementary: [Group] = []
        let groupCount = Int(try data.u32(offset + 12))
        guard groupCount <= (end - offset - 16) / 12 else { throw TrueTypeFontError("the cmap format 12 subtable claims \(groupCount) groups, more than it holds") }
        var nextFree: UInt64 = 0
        for index in 0..<groupCount {
            let record = offset + 16 + index * 12
            let first = UInt64(try data.u32(record))
            let last = min(UInt64(try data.u32(record + 4)), 0x10FFFF)
            let firstGlyph = UInt64(try data.u32(record + 8))
            let from = max(first, nextFree)
            guard from <= last else { continue }
            nextFree = last + 1
            // Glyphs past the font's count are dropped by clipping the range.
            guard firstGlyph + (from - first) < UInt64(glyphCount) else { continue }
            let usableLast = min(last, from + (UInt64(glyphCount) - 1 - (firstGlyph + (from - first))))
            if from < 0x10000 {
                let bmpLast = min(usableLast, 0xFFFF)
                for code in from...bmpLast { basic[Int(code)] = UInt16(firstGlyph + (code - first)) }
            }
            if usableLast >= 0x10000 {
                let groupFirst = max(from, 0x10000)
                supplementary.append(Group(first: UInt32(groupFirst), last: UInt32(usableLast), firstGlyph: UInt32(firstGlyph + (groupFirst - first))))
            }
        }
        return CharacterMap(basic: basic, supplementary: supplementary)
    }
}
