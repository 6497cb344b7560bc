@testable import AgendaPDF
import Foundation
import Testing

/// The bundled font: embedded unchanged, read correctly, safe on bad bytes.
@Suite struct TrueTypeFontTests {
    static let files = Golden.packageRoot.appendingPathComponent("Sources/AgendaPDF/Font/Files")
    static let shipped: [FontFace: String] = [
        .regular: "LiberationSans-Regular.ttf", .bold: "LiberationSans-Bold.ttf",
        .italic: "LiberationSans-Italic.ttf", .boldItalic: "LiberationSans-BoldItalic.ttf",
    ]

    /// One source of truth: the binary's copies are the shipped files, byte for byte (`scripts/embed-fonts`).
    @Test(arguments: FontFace.allCases)
    func embeddedBytesAreTheShippedFiles(face: FontFace) throws {
        let file = try #require(Self.shipped[face])
        let shipped = Golden.bytes(Self.files.appendingPathComponent(file))
        let embedded = BundledFonts.fileBytes(face)
        #expect(shipped.count > 100_000)
        #expect(embedded == shipped, "run scripts/embed-fonts: the embedded \(file) differs from the shipped file")
        let licence = Golden.read(Self.files.appendingPathComponent("OFL.txt"))
        #expect(licence.contains("SIL OPEN FONT LICENSE Version 1.1"))
        #expect(licence.contains("Reserved Font Name Liberation"))
    }

    /// A bundled face is read in part (directory, small tables, glyphs when taken); it is the face
    /// parsed from the whole file: the same mappings, widths, descriptor and, for every glyph, subset bytes.
    @Test(arguments: FontFace.allCases)
    func readingInPartIsReadingTheWholeFile(face: FontFace) throws {
        let whole = try TrueTypeFont(bytes: BundledFonts.fileBytes(face))
        let lines = try #require(Base64Lines(BundledFonts.base64(face)))
        #expect(lines.byteCount == BundledFonts.fileBytes(face).count)
        let part = try BundledFonts.readInPart(lines)
        #expect(part.data.count * 5 < whole.data.count, "only the small tables are decoded: \(part.data.count) bytes")
        #expect(part.glyphCount == whole.glyphCount && part.postScriptName == whole.postScriptName)
        #expect(part.descriptor == whole.descriptor && part.italicAngle == whole.italicAngle && part.weightClass == whole.weightClass)
        var wholeMappings: [UInt32: UInt16] = [:], partMappings: [UInt32: UInt16] = [:]
        whole.forEachMapping { wholeMappings[$0.value] = $1 }
        part.forEachMapping { partMappings[$0.value] = $1 }
        #expect(partMappings == wholeMappings)
        let every = (0..<UInt16(whole.glyphCount)).map { $0 }
        #expect(part.subset(keepingGlyphs: every) == whole.subset(keepingGlyphs: every))
        let danish = "Byrådet Æble Øre å é ü – “” …".unicodeScalars.map { whole.glyphID(for: $0) }
        #expect(part.subset(keepingGlyphs: danish) == whole.subset(keepingGlyphs: danish))
        #expect(BundledFonts.face(face).subset(keepingGlyphs: danish) == whole.subset(keepingGlyphs: danish))
    }

    /// Any byte range decodes on its own; ranges past the end and text in another layout are refused.
    @Test func base64LinesDecodeAnyRange() throws {
        let text = BundledFonts.base64(.italic)
        let whole = Base64.decode(text)
        let lines = try #require(Base64Lines(text))
        var random = SplitMix(seed: 76)
        for _ in 0..<500 {
            let start = Int(random.next() % UInt64(whole.count)), length = Int(random.next() % 300)
            let end = min(whole.count, start + length)
            #expect(lines.bytes(start..<end) == Array(whole[start..<end]), "\(start)..<\(end)")
        }
        #expect(lines.bytes((whole.count - 5)..<whole.count) == Array(whole.suffix(5)))
        #expect(lines.bytes(0..<(whole.count + 1)) == nil)
        #expect(lines.bytes(whole.count..<whole.count) == [])
        #expect(Base64Lines("QUJD")?.bytes(0..<3) == Array("ABC".utf8))
        #expect(Base64Lines("QUI=")?.byteCount == 2)
        #expect(Base64Lines("QUJD\nQUJD") == nil, "lines of 76 characters")
        #expect(Base64Lines("QUJ") == nil)
        #expect(Base64Lines("") == nil)
        #expect(Base64Lines("QU\nD")?.bytes(0..<3) == nil)
    }

    @Test func theFourFacesAreTheFamily() {
        #expect(BundledFonts.face(.regular).postScriptName == "LiberationSans")
        #expect(BundledFonts.face(.bold).postScriptName == "LiberationSans-Bold")
        #expect(BundledFonts.face(.italic).postScriptName == "LiberationSans-Italic")
        #expect(BundledFonts.face(.boldItalic).postScriptName == "LiberationSans-BoldItalic")
        #expect(BundledFonts.face(.bold).weightClass == 700)
        #expect(BundledFonts.face(.italic).italicAngle < -10)
        #expect(BundledFonts.face(.regular).italicAngle == 0)
        // Bold is wider than regular: the faces are not all one file.
        #expect(BundledFonts.face(.bold).width(of: "Byrådet", size: 10) > BundledFonts.face(.regular).width(of: "Byrådet", size: 10))
    }

    /// Glyph IDs and advances as fontTools reports them for LiberationSans-Regular.ttf.
    @Test func danishLettersAndPunctuationMapToTheirGlyphs() {
        let font = BundledFonts.face(.regular)
        let expected: [(Character, UInt16, Int)] = [
            ("a", 68, 1139), ("æ", 168, 1821), ("ø", 186, 1251), ("å", 167, 1139),
            ("Æ", 136, 2048), ("Ø", 154, 1593), ("Å", 135, 1366), ("é", 171, 1139),
            ("\u{201C}", 2024, 682), ("\u{201D}", 2025, 682), ("\u{2013}", 2015, 1139), ("\u{2026}", 2031, 2048),
            (" ", 3, 569),
        ]
        for (character, glyph, advance) in expected {
            let scalar = character.unicodeScalars[character.unicodeScalars.startIndex]
            #expect(font.glyphID(for: scalar) == glyph, "glyph of \(character)")
            #expect(font.advanceWidth(ofGlyph: glyph) == advance, "advance of \(character)")
        }
        #expect(font.unitsPerEm == 2048)
        #expect(font.glyphCount == 2620)
        #expect(abs(font.advance(of: "æ") - 1821.0 / 2048) < 1e-12)
        #expect(abs(font.width(of: "æøå", size: 10) - (1821 + 1251 + 1139) * 10.0 / 2048) < 1e-9)
    }

    /// A character the font lacks (here beyond the BMP) is `.notdef` and measures as it.
    @Test func aMissingCharacterIsNotdef() {
        let font = BundledFonts.face(.regular)
        #expect(font.glyphID(for: "\u{1F600}") == 0)
        #expect(font.glyphID(for: "\u{E000}") == 0)
        #expect(font.advance(of: "\u{1F600}") == Double(font.advanceWidth(ofGlyph: 0)) / 2048)
        #expect(font.advanceWidth(ofGlyph: 60_000) == 0)
    }

    @Test func descriptorValuesAreInThousandthsOfAnEm() {
        let regular = BundledFonts.face(.regular)
        #expect(abs(regular.ascent - 1854.0 / 2048) < 1e-12)
        #expect(abs(regular.descent - 434.0 / 2048) < 1e-12)
        let descriptor = regular.descriptor
        #expect(descriptor.ascent == 905)
        #expect(descriptor.descent == -212)
        #expect(descriptor.capHeight == 688)
        #expect(descriptor.boundingBox == [-544, -303, 1302, 980])
        #expect(descriptor.flags == 4)
        #expect(descriptor.stemV == 95)
        #expect(BundledFonts.face(.italic).descriptor.flags & 64 != 0)
        #expect(BundledFonts.face(.bold).descriptor.stemV > descriptor.stemV)
        #expect(regular.pdfWidth(ofGlyph: 168) == 889)
    }

    /// A format 12 subtable (all of Unicode) is preferred to format 4 and reaches beyond the BMP.
    @Test func aFormat12CmapReachesBeyondTheBasicPlane() throws {
        let bytes = try FontSurgery.replacingCmap(of: BundledFonts.fileBytes(.regular), groups: [
            (0x41, 0x42, 36), (0xE6, 0xE6, 168), (0x1F600, 0x1F601, 36),
        ])
        let font = try TrueTypeFont(bytes: bytes)
        #expect(font.glyphID(for: "A") == 36)
        #expect(font.glyphID(for: "B") == 37)
        #expect(font.glyphID(for: "æ") == 168)
        #expect(font.glyphID(for: "\u{1F600}") == 36)
        #expect(font.glyphID(for: "\u{1F601}") == 37)
        #expect(font.glyphID(for: "\u{1F602}") == 0)
        #expect(font.glyphID(for: "a") == 0)
    }

    /// The fuzzer's seeds (small subsets made by fontTools, one with a format 12 cmap) read as fonts.
    @Test func theFuzzSeedsRead() throws {
        let folder = Golden.packageRoot.appendingPathComponent("Fuzz/corpus/truetype")
        let regular = try TrueTypeFont(bytes: Golden.bytes(folder.appendingPathComponent("subset-Regular.ttf")))
        #expect(regular.advance(of: "æ") == BundledFonts.face(.regular).advance(of: "æ"))
        #expect(regular.glyphID(for: "Q") == 0)
        let format12 = try TrueTypeFont(bytes: Golden.bytes(folder.appendingPathComponent("subset-format12.ttf")))
        #expect(format12.glyphID(for: "\u{1F600}") == format12.glyphID(for: "A"))
        #expect(format12.glyphID(for: "A") != 0)
        _ = try TrueTypeFont(bytes: Golden.bytes(folder.appendingPathComponent("subset-Bold.ttf")))
    }

    /// Cut, corrupted and random files throw or read; they never trap.
    @Test func malformedBytesThrowAndNeverTrap() throws {
        let good = BundledFonts.fileBytes(.regular)
        #expect(throws: TrueTypeFontError.self) { try TrueTypeFont(bytes: []) }
        #expect(throws: TrueTypeFontError.self) { try TrueTypeFont(bytes: Array(good.prefix(300))) }
        #expect(throws: TrueTypeFontError.self) { try TrueTypeFont(bytes: Array("OTTO and more bytes than that".utf8)) }
        var generator = SplitMix(seed: 9)
        for _ in 0..<300 {
            var bytes = Array(good.prefix(Int(generator.next() % UInt64(good.count))))
            // Corrupt a few bytes in the table directory and the tables.
            for _ in 0..<8 where !bytes.isEmpty {
                let at = Int(generator.next() % UInt64(min(bytes.count, 4096)))
                bytes[at] = UInt8(truncatingIfNeeded: generator.next())
            }
            if let font = try? TrueTypeFont(bytes: bytes) {
                _ = font.glyphID(for: "æ")
                _ = font.subset(keepingGlyphs: [1, 2, 68, 168])
            }
        }
    }
}

/// Deterministic pseudo-random numbers for the robustness tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Rewrites a font's tables for tests.
enum FontSurgery {
    /// `font` with its cmap replaced by a single (3,10) format 12 subtable of `groups` (first, last, first glyph).
    static func replacingCmap(of font: [UInt8], groups: [(UInt32, UInt32, UInt32)]) throws -> [UInt8] {
        var bytes = font
        while bytes.count % 4 != 0 { bytes.append(0) }
        let cmapOffset = bytes.count
        var cmap: [UInt8] = []
        cmap.appendU16(0); cmap.appendU16(1)
        cmap.appendU16(3); cmap.appendU16(10); cmap.appendU32(12)
        cmap.appendU16(12); cmap.appendU16(0); cmap.appendU32(UInt32(16 + 12 * groups.count)); cmap.appendU32(0)
        cmap.appendU32(UInt32(groups.count))
        for (first, last, glyph) in groups { cmap.appendU32(first); cmap.appendU32(last); cmap.appendU32(glyph) }
        bytes += cmap
        let tableCount = Int(UInt16(bytes[4]) << 8 | UInt16(bytes[5]))
        for index in 0..<tableCount {
            let record = 12 + index * 16
            if Array(bytes[record..<(record + 4)]) == Array("cmap".utf8) {
                bytes.putU32(UInt32(cmapOffset), at: record + 8)
                bytes.putU32(UInt32(cmap.count), at: record + 12)
                return bytes
            }
        }
        throw TrueTypeFontError("no cmap to replace")
    }
}
