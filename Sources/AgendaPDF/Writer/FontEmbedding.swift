import AgendaBase

// One face as used in a document: the glyphs its text needs, and at the end
// the Type 0 font, its CIDFont, descriptor, subset program and ToUnicode map.

struct FontEmbedding {
    let font: any EmbeddableFont
    /// The `/Type0` font, allocated at first use so pages can refer to it before it is written.
    let reference: PDFReference
    let resourceName: String
    /// The text each used glyph stands for (the first character that asked for it).
    private var texts: [UInt16: String] = [:]
    private let fallbackGlyph: UInt16

    init(font: any EmbeddableFont, reference: PDFReference, resourceName: String) {
        self.font = font
        self.reference = reference
        self.resourceName = resourceName
        fallbackGlyph = font.glyphID(for: "?")
    }

    /// Glyph codes (2 bytes, big-endian, Identity-H) for `text`, and whether
    /// any character had no glyph (drawn as `?`, told by `/ActualText`).
    mutating func encode(_ text: String) -> (codes: [UInt8], substituted: Bool) {
        var codes: [UInt8] = []
        codes.reserveCapacity(2 * text.unicodeScalars.count)
        var substituted = false
        for scalar in text.unicodeScalars {
            var glyph = font.glyphID(for: scalar)
            var meaning = String(Character(scalar))
            if glyph == 0 || scalar.value < 0x20 {
                // PDF/UA forbids `.notdef`; the glyph drawn is `?`, the text is kept in ActualText
                substituted = true
                glyph = fallbackGlyph
                meaning = "?"
                if glyph == 0 { continue }
            }
            if texts[glyph] == nil { texts[glyph] = meaning }
            codes.append(UInt8(glyph >> 8))
            codes.append(UInt8(glyph & 0xFF))
        }
        return (codes, substituted)
    }

    /// Writes the font's objects into `file`.
    func write(into file: inout PDFFile, compression: StreamCompression) throws {
        let glyphs = texts.keys.sorted()
        let tag = Self.subsetTag(glyphs)
        let baseFont = "\(tag)+\(font.postScriptName)"
        let program = try font.subsetProgram(keeping: glyphs)
        var programDictionary = PDFDictionary()
        programDictionary["Length1"] = .integer(program.count)
        let fontFile = compression.addStream(programDictionary, data: program, to: &file)

        var descriptor = PDFDictionary()
        descriptor["Type"] = .name("FontDescriptor")
        descriptor["FontName"] = .name(baseFont)
        for entry in font.descriptorEntries().entries { descriptor[entry.key] = entry.value }
        descriptor["FontFile2"] = .reference(fontFile)
        let descriptorReference = file.add(.dictionary(descriptor))

        var cidFont = PDFDictionary()
        cidFont["Type"] = .name("Font")
        cidFont["Subtype"] = .name("CIDFontType2")
        cidFont["BaseFont"] = .name(baseFont)
        cidFont["CIDSystemInfo"] = .dictionary(PDFDictionary(["Registry": .ascii("Adobe"), "Ordering": .ascii("Identity"), "Supplement": .integer(0)]))
        cidFont["FontDescriptor"] = .reference(descriptorReference)
        cidFont["W"] = font.widthsArray(for: glyphs)
        cidFont["CIDToGIDMap"] = .name("Identity")
        let cidFontReference = file.add(.dictionary(cidFont))

        let cmap = font.toUnicodeCMap(glyphs.map { ($0, texts[$0] ?? "") })
        let toUnicode = compression.addStream(PDFDictionary(), data: cmap, to: &file)

        var type0 = PDFDictionary()
        type0["Type"] = .name("Font")
        type0["Subtype"] = .name("Type0")
        type0["BaseFont"] = .name(baseFont)
        type0["Encoding"] = .name("Identity-H")
        type0["DescendantFonts"] = .array([.reference(cidFontReference)])
        type0["ToUnicode"] = .reference(toUnicode)
        file.set(reference, .dictionary(type0))
    }

    /// Six capital letters from the glyph set (9.6.4), the same for the same subset.
    static func subsetTag(_ glyphs: [UInt16]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 * glyphs.count)
        for glyph in glyphs { bytes += [UInt8(glyph >> 8), UInt8(glyph & 0xFF)] }
        let digest = SHA256.hash(bytes)
        return String(decoding: digest.prefix(6).map { UInt8(ascii: "A") + $0 % 26 }, as: UTF8.self)
    }
}
