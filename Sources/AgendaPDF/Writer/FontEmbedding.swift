import AgendaBase

// One face as used in a document: its `GlyphEncoder` (codes, used glyphs and
// the text of each) and at the end the Type 0 font, its CIDFontType2, the
// descriptor, the subset program and the ToUnicode map (ISO 32000-1, 9.7).

/// The faces the writer embeds, by `FontFace`; nil refuses text in that face.
public typealias FontProvider = @Sendable (FontFace) -> TrueTypeFont?

struct FontEmbedding {
    /// The `/Type0` font, allocated at first use so pages can refer to it before it is written.
    let reference: PDFReference
    let resourceName: String
    private var encoder: GlyphEncoder

    init(font: TrueTypeFont, reference: PDFReference, resourceName: String) {
        self.reference = reference
        self.resourceName = resourceName
        encoder = GlyphEncoder(font: font)
    }

    /// Glyph codes (2 bytes, big-endian, Identity-H) for `text`, and whether
    /// a character had no glyph (the encoder draws `?`; the caller keeps the
    /// real text in `/ActualText`).
    mutating func encode(_ text: String) -> (codes: [UInt8], substituted: Bool) {
        let glyphs = encoder.glyphs(for: text)
        var codes: [UInt8] = []
        codes.reserveCapacity(2 * glyphs.count)
        for glyph in glyphs {
            codes.append(UInt8(glyph >> 8))
            codes.append(UInt8(glyph & 0xFF))
        }
        let font = encoder.font   // once: reading it inside the closure would copy the font for every character
        let substituted = text.unicodeScalars.contains { $0.value >= 0x20 && font.glyphID(for: $0) == 0 }
        return (codes, substituted)
    }

    /// Writes the font's objects into `file`.
    func write(into file: inout PDFFile, streams: inout DeferredStreams) {
        let font = encoder.font
        let baseFont = "\(Self.subsetTag(encoder.usedGlyphs))+\(font.postScriptName)"
        let program = encoder.subsetFont
        let fontFile = streams.add(PDFDictionary(["Length1": .integer(program.count)]), data: program, to: &file)

        let values = font.descriptor
        var descriptor = PDFDictionary()
        descriptor["Type"] = .name("FontDescriptor")
        descriptor["FontName"] = .name(baseFont)
        descriptor["Flags"] = .integer(values.flags)
        descriptor["FontBBox"] = .array(values.boundingBox.map { .integer($0) })
        descriptor["ItalicAngle"] = .number(values.italicAngle)
        descriptor["Ascent"] = .integer(values.ascent)
        descriptor["Descent"] = .integer(values.descent)
        descriptor["CapHeight"] = .integer(values.capHeight)
        descriptor["StemV"] = .integer(values.stemV)
        descriptor["FontFile2"] = .reference(fontFile)
        let descriptorReference = file.add(.dictionary(descriptor))

        var cidFont = PDFDictionary()
        cidFont["Type"] = .name("Font")
        cidFont["Subtype"] = .name("CIDFontType2")
        cidFont["BaseFont"] = .name(baseFont)
        cidFont["CIDSystemInfo"] = .dictionary(PDFDictionary(["Registry": .ascii("Adobe"), "Ordering": .ascii("Identity"), "Supplement": .integer(0)]))
        cidFont["FontDescriptor"] = .reference(descriptorReference)
        cidFont["W"] = .syntax(encoder.widthsArray)
        cidFont["CIDToGIDMap"] = .name("Identity")
        let cidFontReference = file.add(.dictionary(cidFont))

        let toUnicode = streams.add(PDFDictionary(), data: encoder.toUnicodeCMap, to: &file)

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
