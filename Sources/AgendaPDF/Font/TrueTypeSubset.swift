// A subset of a TrueType font for embedding in PDF as a CIDFontType2
// (ISO 32000-1, 9.9): only the glyphs used, plus .notdef and the components
// of composite glyphs, at their original IDs, so the writer can use
// `/CIDToGIDMap /Identity`. Only the tables PDF needs are kept; cmap, name and
// post are dropped, since the PDF's own `/W` and ToUnicode stand for them.

extension TrueTypeFont {
    /// Tables copied unchanged, when present (hinting programs and OS/2).
    private static let copiedTables = ["OS/2", "cvt ", "fpgm", "prep"]

    /// A TrueType program holding `glyphs` (IDs past the font's count are
    /// ignored), `.notdef` and every component they use. Empty for a font
    /// that was never read from a file (`fallback`).
    public func subset(keepingGlyphs glyphs: some Sequence<UInt16>) -> [UInt8] {
        guard let head = tables["head"], let hhea = tables["hhea"], let maxp = tables["maxp"],
              let headBytes = try? data.slice(head.offset, head.length),
              let hheaBytes = try? data.slice(hhea.offset, hhea.length),
              let maxpBytes = try? data.slice(maxp.offset, maxp.length)
        else { return [] }
        let kept = glyphClosure(glyphs)
        // IDs stay as they are; the glyph count stops after the last one kept.
        let newCount = (kept.lastIndex(of: true) ?? 0) + 1

        var glyf: [UInt8] = []
        var loca: [UInt8] = []
        var hmtx: [UInt8] = []
        for glyph in 0..<newCount {
            loca.appendU32(UInt32(glyf.count))
            if kept[glyph] {
                glyf += glyphData(glyph)
                while glyf.count % 4 != 0 { glyf.append(0) }
                hmtx.appendU16(UInt16(clamping: advanceWidth(ofGlyph: UInt16(glyph))))
                hmtx.appendU16(UInt16(bitPattern: leftSideBearing(ofGlyph: glyph)))
            } else {
                hmtx.appendU32(0)
            }
        }
        loca.appendU32(UInt32(glyf.count))

        var newHead = Array(headBytes)
        newHead.putU32(0, at: 8)  // checkSumAdjustment, set below
        newHead.putU16(1, at: 50)  // long loca offsets
        var newHhea = Array(hheaBytes)
        newHhea.putU16(UInt16(newCount), at: 34)
        var newMaxp = Array(maxpBytes)
        newMaxp.putU16(UInt16(newCount), at: 4)

        var out: [(String, [UInt8])] = [("glyf", glyf), ("head", newHead), ("hhea", newHhea), ("hmtx", hmtx), ("loca", loca), ("maxp", newMaxp)]
        for tag in Self.copiedTables {
            if let record = tables[tag], let bytes = try? data.slice(record.offset, record.length) { out.append((tag, Array(bytes))) }
        }
        return Self.assemble(out)
    }

    /// Which glyphs the subset holds, indexed by glyph ID: the requested ones,
    /// .notdef, and composite glyphs' components (each glyph read once).
    func glyphClosure(_ glyphs: some Sequence<UInt16>) -> [Bool] {
        var kept = [Bool](repeating: false, count: glyphCount)
        var pending: [Int] = [0]
        kept[0] = true
        for glyph in glyphs where Int(glyph) < glyphCount && !kept[Int(glyph)] {
            kept[Int(glyph)] = true
            pending.append(Int(glyph))
        }
        while let glyph = pending.popLast() {
            for component in componentGlyphs(of: glyph) where component < glyphCount && !kept[component] {
                kept[component] = true
                pending.append(component)
            }
        }
        return kept
    }

    /// The glyphs a composite glyph is built from; empty for a simple one.
    func componentGlyphs(of glyph: Int) -> [Int] {
        let outline = FontBytes(bytes: Array(glyphData(glyph)))
        guard let contours = try? outline.i16(0), contours < 0 else { return [] }
        var components: [Int] = []
        var at = 10
        while let flags = try? outline.u16(at), let component = try? outline.u16(at + 2) {
            components.append(Int(component))
            at += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 { at += 2 } else if flags & 0x0040 != 0 { at += 4 } else if flags & 0x0080 != 0 { at += 8 }
            guard flags & 0x0020 != 0 else { break }
        }
        return components
    }

    private func leftSideBearing(ofGlyph glyph: Int) -> Int16 {
        guard let hmtx = tables["hmtx"], let hhea = tables["hhea"], let metricCount = try? Int(data.u16(hhea.offset + 34)) else { return 0 }
        let at = glyph < metricCount ? hmtx.offset + glyph * 4 + 2 : hmtx.offset + metricCount * 4 + (glyph - metricCount) * 2
        return (try? data.i16(at)) ?? 0
    }

    /// An sfnt file of `tables`: directory sorted by tag, each table padded to
    /// four bytes with its checksum, and head's checkSumAdjustment.
    static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
        let sorted = tables.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        var power = 1, exponent = 0
        while power * 2 <= sorted.count { power *= 2; exponent += 1 }
        var out: [UInt8] = []
        out.appendU32(0x0001_0000)
        out.appendU16(UInt16(sorted.count))
        out.appendU16(UInt16(power * 16))
        out.appendU16(UInt16(exponent))
        out.appendU16(UInt16(sorted.count * 16 - power * 16))
        var offset = 12 + 16 * sorted.count
        var headOffset: Int?
        for (tag, bytes) in sorted {
            out += Array(tag.utf8.prefix(4))
            out.appendU32(checksum(bytes))
            out.appendU32(UInt32(offset))
            out.appendU32(UInt32(bytes.count))
            if tag == "head" { headOffset = offset }
            offset += (bytes.count + 3) / 4 * 4
        }
        for (_, bytes) in sorted {
            out += bytes
            while out.count % 4 != 0 { out.append(0) }
        }
        if let headOffset { out.putU32(0xB1B0_AFBA &- checksum(out), at: headOffset + 8) }
        return out
    }

    /// The sum of big-endian 32-bit words, the last one padded with zeros.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            var word: UInt32 = 0
            for offset in 0..<4 {
                word <<= 8
                if index + offset < bytes.count { word |= UInt32(bytes[index + offset]) }
            }
            sum &+= word
            index += 4
        }
        return sum
    }
}
