// What a PDF FontDescriptor (ISO 32000-1, 9.8) says about a font, in glyph
// space units (thousandths of an em), ready for the writer.

public struct FontDescriptorValues: Sendable, Hashable {
    public var ascent: Int
    /// Negative: below the baseline.
    public var descent: Int
    public var capHeight: Int
    /// `/FontBBox`: xMin, yMin, xMax, yMax.
    public var boundingBox: [Int]
    public var italicAngle: Double
    /// TrueType fonts do not record stem widths; this is the usual estimate from the weight class.
    public var stemV: Int
    /// `/Flags` (Table 123): FixedPitch 1, Serif 2, Symbolic 4, Italic 64.
    public var flags: Int
}

extension TrueTypeFont {
    public var descriptor: FontDescriptorValues {
        // A CIDFont's glyphs are addressed by ID, not by a standard Latin
        // encoding, and the font has glyphs outside that set: Symbolic.
        var flags = 4
        if isFixedPitch { flags |= 1 }
        if isSerif { flags |= 2 }
        if isItalic || italicAngle != 0 { flags |= 64 }
        return FontDescriptorValues(
            ascent: pdfUnits(ascender), descent: pdfUnits(descender), capHeight: pdfUnits(capHeight),
            boundingBox: [pdfUnits(boundingBox.xMin), pdfUnits(boundingBox.yMin), pdfUnits(boundingBox.xMax), pdfUnits(boundingBox.yMax)],
            italicAngle: italicAngle,
            stemV: 10 + 220 * max(0, min(weightClass, 1000) - 50) / 900,
            flags: flags)
    }
}
