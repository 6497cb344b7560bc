// What the writer needs of a font face to embed it as a Type 0 font with a
// CIDFontType2 descendant (ISO 32000-1, 9.7). The bundled TrueType faces
// provide it (`TrueTypeFont+Embeddable.swift`); tests may pass others.

public protocol EmbeddableFont: Sendable {
    /// The PostScript name, without a subset tag.
    var postScriptName: String { get }
    /// The glyph for `scalar`, 0 (`.notdef`) when the face has none.
    func glyphID(for scalar: Unicode.Scalar) -> UInt16
    /// FontDescriptor entries (9.8): `/Flags`, `/FontBBox`, `/ItalicAngle`,
    /// `/Ascent`, `/Descent`, `/CapHeight`, `/StemV`.
    func descriptorEntries() -> PDFDictionary
    /// A TrueType program with only `glyphs` (and `.notdef`), glyph IDs unchanged.
    func subsetProgram(keeping glyphs: [UInt16]) throws -> [UInt8]
    /// The CIDFont's `/W` array for `glyphs` (ascending; CID = glyph ID).
    func widthsArray(for glyphs: [UInt16]) -> PDFObject
    /// A ToUnicode CMap (9.10.3) from each glyph (ascending) to its text.
    func toUnicodeCMap(_ mapping: [(glyph: UInt16, text: String)]) -> [UInt8]
}

/// The faces the writer embeds, by `FontFace`.
public typealias FontProvider = @Sendable (FontFace) -> (any EmbeddableFont)?
