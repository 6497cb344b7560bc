// The ToUnicode CMap of an embedded font (ISO 32000-1, 9.10.3): which text
// each glyph stands for, so that text copies, searches and reads aloud
// correctly. Codes are two-byte glyph IDs (Identity-H); destinations are
// UTF-16BE, with surrogate pairs beyond the BMP and several characters where
// one glyph stands for more than one (a ligature).

public enum ToUnicodeCMap {
    /// At most this many entries per `beginbfchar`/`beginbfrange` block (the limit PDF readers expect).
    static let blockLimit = 100

    /// The CMap stream's content for `mapping` (glyph ID → the text it stands for).
    /// Glyph 0 (.notdef) and empty strings are left out.
    public static func build(_ mapping: [UInt16: String]) -> [UInt8] {
        let entries = mapping.filter { $0.key != 0 && !$0.value.isEmpty }
            .map { (glyph: $0.key, units: Array($0.value.utf16)) }
            .sorted { $0.glyph < $1.glyph }
        var ranges: [(first: UInt16, last: UInt16, unit: UInt16)] = []
        var singles: [(glyph: UInt16, units: [UInt16])] = []
        var index = 0
        while index < entries.count {
            // A range: consecutive glyphs standing for consecutive single UTF-16
            // units, within one high byte of source and destination.
            var end = index
            if entries[index].units.count == 1 {
                while end + 1 < entries.count,
                      entries[end + 1].glyph == entries[end].glyph &+ 1,
                      entries[end + 1].glyph >> 8 == entries[index].glyph >> 8,
                      entries[end + 1].units.count == 1,
                      entries[end].units[0] < 0xFFFF,
                      entries[end + 1].units[0] == entries[end].units[0] + 1,
                      entries[end + 1].units[0] >> 8 == entries[index].units[0] >> 8 {
                    end += 1
                }
            }
            if end > index {
                ranges.append((entries[index].glyph, entries[end].glyph, entries[index].units[0]))
            } else {
                singles.append((entries[index].glyph, entries[index].units))
            }
            index = end + 1
        }

        var text = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """
        for start in stride(from: 0, to: singles.count, by: blockLimit) {
            let block = singles[start..<min(start + blockLimit, singles.count)]
            text += "\(block.count) beginbfchar\n"
            for single in block { text += "<\(hex(single.glyph))> <\(single.units.map(hex).joined())>\n" }
            text += "endbfchar\n"
        }
        for start in stride(from: 0, to: ranges.count, by: blockLimit) {
            let block = ranges[start..<min(start + blockLimit, ranges.count)]
            text += "\(block.count) beginbfrange\n"
            for range in block { text += "<\(hex(range.first))> <\(hex(range.last))> <\(hex(range.unit))>\n" }
            text += "endbfrange\n"
        }
        text += """
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end

        """
        return Array(text.utf8)
    }

    static func hex(_ value: UInt16) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        let nibbles = [value >> 12, (value >> 8) & 0xF, (value >> 4) & 0xF, value & 0xF]
        return String(decoding: nibbles.map { digits[Int($0)] }, as: UTF8.self)
    }
}
