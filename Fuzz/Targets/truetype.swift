// The TrueType reader (fonts may come from a style file): any bytes are read
// or refused without a crash or a hang; a font that reads gives a subset that
// reads back with the same glyphs and widths.
import AgendaPDF

func fuzzTrueType(_ input: UnsafeBufferPointer<UInt8>) {
    guard let font = try? TrueTypeFont(bytes: Array(input)) else { return }
    let probe: [Unicode.Scalar] = ["A", "æ", "Ø", "é", "\u{201C}", "\u{2026}", "\u{1F600}", "\u{FFFF}"]
    var glyphs = probe.map(font.glyphID(for:))
    // A few glyph IDs taken from the input, so subsets reach every glyph.
    for index in stride(from: 0, to: min(input.count, 64), by: 8) { glyphs.append(UInt16(input[index]) << 8 | UInt16(input[index + 1 < input.count ? index + 1 : index])) }
    _ = font.descriptor
    _ = font.width(of: "Byrådet godkendte", size: 10)
    _ = font.widthsArray(for: glyphs)
    let subsetBytes = font.subset(keepingGlyphs: glyphs)
    guard let subset = try? TrueTypeFont(bytes: subsetBytes, requiringCharacterMap: false) else {
        propertyFailed("the subset of a font that reads does not read back")
    }
    for glyph in glyphs where Int(glyph) < font.glyphCount {
        if subset.advanceWidth(ofGlyph: glyph) != font.advanceWidth(ofGlyph: glyph) {
            propertyFailed("glyph \(glyph)'s advance changed in the subset")
        }
    }
    if subset.unitsPerEm != font.unitsPerEm { propertyFailed("unitsPerEm changed in the subset") }
}
