@testable import AgendaPDF
import Foundation
import Testing

/// Subsets of the bundled font, checked by the reader itself and by fontTools.
@Suite struct FontSubsetTests {
    static let text = "Byrådet godkendte æøå ÆØÅ é “citat” – så…"

    static func glyphs(_ font: TrueTypeFont, _ text: String) -> Set<UInt16> {
        Set(text.unicodeScalars.map(font.glyphID(for:)))
    }

    @Test func theSubsetKeepsTheUsedGlyphsAtTheirIDs() throws {
        let font = BundledFonts.face(.regular)
        let used = Self.glyphs(font, Self.text)
        let subset = try TrueTypeFont(bytes: font.subset(keepingGlyphs: used), requiringCharacterMap: false)
        #expect(subset.glyphCount == Int(used.max() ?? 0) + 1)
        #expect(subset.unitsPerEm == font.unitsPerEm)
        for glyph in used {
            #expect(subset.glyphData(Int(glyph)) == font.glyphData(Int(glyph)), "outline of glyph \(glyph)")
            #expect(subset.advanceWidth(ofGlyph: glyph) == font.advanceWidth(ofGlyph: glyph))
        }
        // é (171) is a composite of e (72) and acute (grave-like mark): its parts come along.
        #expect(font.componentGlyphs(of: 171).count == 2)
        for component in font.componentGlyphs(of: 171) { #expect(!subset.glyphData(component).isEmpty) }
        #expect(!subset.glyphData(0).isEmpty, ".notdef is kept")
        // An unused glyph with an outline is dropped.
        let unused = Int(font.glyphID(for: "Q"))
        #expect(!font.glyphData(unused).isEmpty && subset.glyphData(unused).isEmpty)
        // The subset is a fraction of the font.
        #expect(font.subset(keepingGlyphs: used).count < 40_000)
    }

    @Test func tablesAndChecksumsAreConsistent() throws {
        let bytes = BundledFonts.face(.bold).subset(keepingGlyphs: Self.glyphs(BundledFonts.face(.bold), Self.text))
        #expect(TrueTypeFont.checksum(bytes) == 0xB1B0_AFBA, "checkSumAdjustment makes the file sum to the magic number")
        let data = FontBytes(bytes: bytes)
        var tags: [String] = []
        for index in 0..<Int(try data.u16(4)) {
            let record = 12 + index * 16
            let tag = String(decoding: try data.slice(record, 4), as: UTF8.self)
            tags.append(tag)
            let offset = Int(try data.u32(record + 8)), length = Int(try data.u32(record + 12))
            let table = Array(try data.slice(offset, length))
            #expect(offset % 4 == 0)
            if tag != "head" { #expect(TrueTypeFont.checksum(table) == (try data.u32(record + 4)), "checksum of \(tag)") }
        }
        #expect(tags == ["OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"])
    }

    @Test func glyphIDsPastTheFontAndEmptyRequestsStillGiveAFont() throws {
        let font = BundledFonts.face(.italic)
        let onlyNotdef = try TrueTypeFont(bytes: font.subset(keepingGlyphs: [UInt16]()), requiringCharacterMap: false)
        #expect(onlyNotdef.glyphCount == 1)
        let past = try TrueTypeFont(bytes: font.subset(keepingGlyphs: [65_000, 68]), requiringCharacterMap: false)
        #expect(past.glyphCount == 69)
        #expect(TrueTypeFont.fallback.subset(keepingGlyphs: [1]).isEmpty)
        #expect(throws: TrueTypeFontError.self) { try TrueTypeFont(bytes: font.subset(keepingGlyphs: [68])) }
    }

    /// fontTools (PyPI `fonttools`, installed by scripts/test) reads the subset
    /// with checksums enforced, and each kept glyph's outline (composites
    /// resolved through their components) and advance equal the original's.
    @Test(arguments: FontFace.allCases)
    func fontToolsReadsTheSubsetAsTheOriginal(face: FontFace) throws {
        let font = BundledFonts.face(face)
        let used = Self.glyphs(font, Self.text)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-subset-\(ProcessInfo.processInfo.processIdentifier)-\(face)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let subsetFile = directory.appendingPathComponent("subset.ttf")
        try Data(font.subset(keepingGlyphs: used)).write(to: subsetFile)
        let original = TrueTypeFontTests.files.appendingPathComponent(TrueTypeFontTests.shipped[face] ?? "")
        let script = """
        import sys
        from fontTools.ttLib import TTFont
        original = TTFont(sys.argv[1])
        subset = TTFont(sys.argv[2], checkChecksums=2)
        for tag in subset.keys():
            subset[tag]
        kept = [int(x) for x in sys.argv[3].split(",")]
        for gid in kept:
            a, b = original.getGlyphName(gid), subset.getGlyphName(gid)
            ca = original["glyf"][a].getCoordinates(original["glyf"])[0]
            cb = subset["glyf"][b].getCoordinates(subset["glyf"])[0]
            if list(ca) != list(cb):
                print("outline differs", gid)
            if original["hmtx"][a][0] != subset["hmtx"][b][0]:
                print("advance differs", gid)
        print("glyphs", subset["maxp"].numGlyphs)
        """
        let result = try RunProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                        ["python3", "-c", script, original.path, subsetFile.path, used.sorted().map(String.init).joined(separator: ",")],
                                        timeoutSeconds: 60)
        #expect(result.code == 0, "fontTools refused the subset (python3 -m pip install fonttools): \(result.errors)")
        #expect(result.output == "glyphs \(Int(used.max() ?? 0) + 1)\n")
    }
}

@Suite struct ToUnicodeAndWidthsTests {
    @Test func theCMapMapsGlyphsToUTF16IncludingSurrogatePairsAndLigatures() {
        let cmap = String(decoding: ToUnicodeCMap.build([
            0: "x", 36: "A", 37: "B", 38: "C", 168: "æ", 186: "ø", 2024: "\u{201C}", 3000: "\u{1F600}", 3001: "fi", 3002: "",
        ]), as: UTF8.self)
        #expect(cmap.contains("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange"))
        #expect(cmap.contains("5 beginbfchar\n<00A8> <00E6>\n<00BA> <00F8>\n<07E8> <201C>\n<0BB8> <D83DDE00>\n<0BB9> <00660069>\nendbfchar"))
        #expect(cmap.contains("1 beginbfrange\n<0024> <0026> <0041>\nendbfrange"))
        #expect(!cmap.contains("<0000> <0078>"), ".notdef maps to nothing")
        #expect(cmap.hasPrefix("/CIDInit /ProcSet findresource begin\n"))
        #expect(cmap.hasSuffix("CMapName currentdict /CMap defineresource pop\nend\nend\n"))
    }

    @Test func rangesStayWithinOneHighByteAndBlocksHoldAtMostAHundred() {
        // 0x00FE…0x0101 crosses a high byte in source: two ranges.
        var mapping: [UInt16: String] = [:]
        for glyph in UInt16(0xFE)...0x101 { mapping[glyph] = String(Character(Unicode.Scalar(UInt32(glyph) + 0x100) ?? "?")) }
        let cmap = String(decoding: ToUnicodeCMap.build(mapping), as: UTF8.self)
        #expect(cmap.contains("2 beginbfrange\n<00FE> <00FF> <01FE>\n<0100> <0101> <0200>\nendbfrange"))
        // 250 unrelated glyphs: three bfchar blocks.
        var scattered: [UInt16: String] = [:]
        for index in 0..<250 { scattered[UInt16(index * 2 + 1)] = "a" }
        let blocks = String(decoding: ToUnicodeCMap.build(scattered), as: UTF8.self)
        #expect(blocks.components(separatedBy: "beginbfchar").count - 1 == 3)
        #expect(blocks.contains("100 beginbfchar") && blocks.contains("50 beginbfchar"))
    }

    @Test func widthsAreCompact() {
        #expect(GlyphWidths.array([:]) == "[]")
        #expect(GlyphWidths.array([3: 278]) == "[3 [278]]")
        #expect(GlyphWidths.array([3: 278, 4: 500, 5: 500, 6: 500, 7: 600, 9: 1000, 10: 222]) == "[3 [278] 4 6 500 7 [600] 9 [1000 222]]")
        #expect(GlyphWidths.array([1: 10, 2: 20, 3: 20, 5: 5]) == "[1 [10 20 20] 5 [5]]")
        let font = BundledFonts.face(.regular)
        #expect(font.widthsArray(for: [68, 168, 3]) == "[3 [278] 68 [556] 168 [889]]")
    }
}

@Suite struct GlyphEncoderTests {
    @Test func encodesDanishTextAndRemembersItForToUnicode() {
        var encoder = GlyphEncoder(font: BundledFonts.face(.regular))
        let glyphs = encoder.glyphs(for: "Aæ\u{1F600}\tø")
        #expect(glyphs == [36, 168, 34, 186], "the missing emoji is drawn as ?, the tab dropped")
        #expect(GlyphEncoder.hexString(glyphs) == "<002400A80022 00BA>".replacingOccurrences(of: " ", with: ""))
        #expect(encoder.textOfGlyph == [36: "A", 168: "æ", 34: "?", 186: "ø"])
        #expect(encoder.usedGlyphs == [34, 36, 168, 186])
        #expect(encoder.widthsArray == "[34 [556] 36 [667] 168 [889] 186 [611]]")
        #expect(String(decoding: encoder.toUnicodeCMap, as: UTF8.self).contains("<00A8> <00E6>"))
        #expect(!encoder.subsetFont.isEmpty)
    }
}
