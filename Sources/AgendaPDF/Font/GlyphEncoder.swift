// Text to glyph IDs for one embedded face, remembering which text each glyph
// stands for: the codes of a Type0 font with Identity-H encoding, the
// glyphs to subset, and the ToUnicode map, from one pass over the text.

public struct GlyphEncoder: Sendable {
    public let font: TrueTypeFont
    /// The text each used glyph stands for (first use wins).
    public private(set) var textOfGlyph: [UInt16: String] = [:]
    /// The glyph drawn for characters the font lacks: `?`. `.notdef` is never
    /// drawn (PDF/UA-1 and PDF/A forbid it); the ToUnicode map keeps `?` for it.
    public let substitute: UInt16
    /// Whether `textOfGlyph` has the glyph yet, by glyph ID: one array read per character instead of a hash lookup.
    private var recorded: [Bool]

    public init(font: TrueTypeFont) {
        self.font = font
        recorded = [Bool](repeating: false, count: font.glyphCount)
        let question = font.glyphID(for: "?")
        substitute = question != 0 ? question : font.glyphID(for: " ")
    }

    /// The glyphs of `text`, one per Unicode scalar; control characters are dropped.
    public mutating func glyphs(for text: some StringProtocol) -> [UInt16] {
        var result: [UInt16] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) {
            var glyph = font.glyphID(for: scalar)
            var text: String?
            if glyph == 0 {
                glyph = substitute
                if glyph == 0 { continue }
                text = "?"
            }
            if !recorded.indices.contains(Int(glyph)) || !recorded[Int(glyph)] {
                if textOfGlyph[glyph] == nil { textOfGlyph[glyph] = text ?? String(Character(scalar)) }
                if recorded.indices.contains(Int(glyph)) { recorded[Int(glyph)] = true }
            }
            result.append(glyph)
        }
        return result
    }

    /// `glyphs` as a PDF hex string of two-byte codes, `<0024002500A8>`.
    public static func hexString(_ glyphs: [UInt16]) -> String {
        "<" + glyphs.map(ToUnicodeCMap.hex).joined() + ">"
    }

    /// Every glyph used so far.
    public var usedGlyphs: [UInt16] { textOfGlyph.keys.sorted() }

    /// The subset font program, the `/W` array and the ToUnicode CMap of what was encoded.
    public var subsetFont: [UInt8] { font.subset(keepingGlyphs: usedGlyphs) }
    public var widthsArray: String { font.widthsArray(for: usedGlyphs) }
    public var toUnicodeCMap: [UInt8] { ToUnicodeCMap.build(textOfGlyph) }
}
