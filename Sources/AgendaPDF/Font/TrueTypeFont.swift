// A TrueType font (glyf outlines) read for typesetting and embedding in PDF:
// widths, vertical metrics, the character map, the descriptor values and the
// glyph data for subsetting. Safe on any bytes: malformed input throws.

struct TableRecord: Sendable {
    var tag: String
    var offset: Int
    var length: Int
}

/// A font's bounding box or a glyph's, in font units.
public struct FontBox: Sendable, Hashable {
    public var xMin: Int, yMin: Int, xMax: Int, yMax: Int
}

public struct TrueTypeFont: Sendable {
    /// Bytes of a byte range of the file (nil when it lies outside), for fonts kept elsewhere.
    typealias GlyphSource = @Sendable (Range<Int>) -> [UInt8]?

    let data: FontBytes
    let tables: [String: TableRecord]
    /// Where glyph outlines are read when `data` lacks glyf: the bundled faces decode only the glyphs a document uses.
    let glyphSource: GlyphSource?
    let characterMap: CharacterMap
    /// Advance of each glyph in font units.
    let advances: [UInt16]
    /// Start of each glyph in `glyf`, relative to the table; `glyphCount + 1` entries.
    let glyphOffsets: [Int]

    public let unitsPerEm: Int
    public var glyphCount: Int { advances.count }
    /// hhea's ascender and descender (descender negative), in font units.
    public let ascender: Int
    public let descender: Int
    public let lineGap: Int
    /// Height of capital letters (OS/2, or the ascender when the font lacks it), in font units.
    public let capHeight: Int
    public let boundingBox: FontBox
    /// Degrees counter-clockwise from the vertical (negative for a forward slant).
    public let italicAngle: Double
    /// usWeightClass of OS/2: 400 regular, 700 bold.
    public let weightClass: Int
    public let isFixedPitch: Bool
    public let isItalic: Bool
    public let isSerif: Bool
    /// The PostScript name, reduced to the characters a PDF name may carry unescaped.
    public let postScriptName: String

    public init(bytes: [UInt8]) throws { try self.init(bytes: bytes, requiringCharacterMap: true) }

    /// A subset made for PDF has no cmap (the PDF maps codes itself); reading one back needs none.
    public init(bytes: [UInt8], requiringCharacterMap: Bool) throws {
        let data = FontBytes(bytes: bytes)
        try self.init(data: data, tables: Self.readDirectory(data, fileLength: data.count), glyphSource: nil, requiringCharacterMap: requiringCharacterMap)
    }

    /// The table records of the file that starts with `data` and is `fileLength` bytes long.
    static func readDirectory(_ data: FontBytes, fileLength: Int) throws -> [String: TableRecord] {
        let version = try data.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else {
            throw TrueTypeFontError(version == 0x4F54_544F ? "CFF (OpenType) outlines are not supported; use a font with TrueType outlines" : "the file does not start with a TrueType header")
        }
        var tables: [String: TableRecord] = [:]
        for index in 0..<Int(try data.u16(4)) {
            let record = 12 + index * 16
            let tagBytes = try data.slice(record, 4)
            let tag = String(decoding: tagBytes, as: Unicode.ASCII.self)
            let offset = Int(try data.u32(record + 8))
            let length = Int(try data.u32(record + 12))
            guard offset <= fileLength, length <= fileLength - offset else { throw TrueTypeFontError("table '\(tag)' lies outside the file") }
            tables[tag] = TableRecord(tag: tag, offset: offset, length: length)
        }
        return tables
    }

    /// `data` holds the tables `tables` locates, except that with a `glyphSource`
    /// the outlines are read through it (glyf's record then in the source's coordinates).
    init(data: FontBytes, tables: [String: TableRecord], glyphSource: GlyphSource?, requiringCharacterMap: Bool) throws {
        self.data = data
        self.glyphSource = glyphSource
        func table(_ tag: String, minimumLength: Int) throws -> TableRecord {
            guard let record = tables[tag] else { throw TrueTypeFontError("the required table '\(tag)' is missing") }
            guard record.length >= minimumLength else { throw TrueTypeFontError("table '\(tag)' is too short") }
            return record
        }
        self.tables = tables

        let head = try table("head", minimumLength: 54)
        unitsPerEm = Int(try data.u16(head.offset + 18))
        guard (16...16384).contains(unitsPerEm) else { throw TrueTypeFontError("unitsPerEm \(unitsPerEm) is outside 16–16384") }
        boundingBox = FontBox(xMin: Int(try data.i16(head.offset + 36)), yMin: Int(try data.i16(head.offset + 38)),
                              xMax: Int(try data.i16(head.offset + 40)), yMax: Int(try data.i16(head.offset + 42)))
        let macStyle = try data.u16(head.offset + 44)
        let longOffsets = try data.i16(head.offset + 50) == 1

        let maxp = try table("maxp", minimumLength: 6)
        let glyphCount = Int(try data.u16(maxp.offset + 4))
        guard glyphCount > 0 else { throw TrueTypeFontError("the font has no glyphs") }

        let hhea = try table("hhea", minimumLength: 36)
        ascender = Int(try data.i16(hhea.offset + 4))
        descender = Int(try data.i16(hhea.offset + 6))
        lineGap = Int(try data.i16(hhea.offset + 8))
        let metricCount = Int(try data.u16(hhea.offset + 34))
        guard metricCount >= 1, metricCount <= glyphCount else { throw TrueTypeFontError("hhea's numberOfHMetrics \(metricCount) does not fit \(glyphCount) glyphs") }

        let hmtx = try table("hmtx", minimumLength: metricCount * 4)
        var advances = [UInt16]()
        advances.reserveCapacity(glyphCount)
        for index in 0..<metricCount { advances.append(try data.u16(hmtx.offset + index * 4)) }
        let lastAdvance = advances[metricCount - 1]
        advances.append(contentsOf: repeatElement(lastAdvance, count: glyphCount - metricCount))
        self.advances = advances

        let loca = try table("loca", minimumLength: (glyphCount + 1) * (longOffsets ? 4 : 2))
        let glyf = try table("glyf", minimumLength: 0)
        var glyphOffsets = [Int]()
        glyphOffsets.reserveCapacity(glyphCount + 1)
        for index in 0...glyphCount {
            let offset = longOffsets ? Int(try data.u32(loca.offset + index * 4)) : Int(try data.u16(loca.offset + index * 2)) * 2
            guard offset <= glyf.length, offset >= (glyphOffsets.last ?? 0) else { throw TrueTypeFontError("loca entry \(index) points outside glyf or backwards") }
            glyphOffsets.append(offset)
        }
        self.glyphOffsets = glyphOffsets

        if requiringCharacterMap || tables["cmap"] != nil {
            characterMap = try CharacterMap.read(data, table: try table("cmap", minimumLength: 4), glyphCount: glyphCount)
        } else {
            characterMap = .empty
        }

        if let post = tables["post"], post.length >= 16 {
            italicAngle = Double(try data.i32(post.offset + 4)) / 65536
            isFixedPitch = try data.u32(post.offset + 12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }
        if let os2 = tables["OS/2"], os2.length >= 78 {
            weightClass = Int(try data.u16(os2.offset + 4))
            let familyClass = Int(try data.i16(os2.offset + 30)) >> 8
            isSerif = (1...7).contains(familyClass)
            isItalic = try data.u16(os2.offset + 62) & 1 != 0 || macStyle & 2 != 0
            let version = try data.u16(os2.offset)
            capHeight = version >= 2 && os2.length >= 90 ? Int(try data.i16(os2.offset + 88)) : ascender
        } else {
            weightClass = macStyle & 1 != 0 ? 700 : 400
            isSerif = false
            isItalic = macStyle & 2 != 0
            capHeight = ascender
        }
        postScriptName = try Self.readPostScriptName(data, table: tables["name"])
    }

    /// A font without glyphs, every character half an em wide: what
    /// `BundledFonts` falls back to should a shipped file not parse.
    static let fallback = TrueTypeFont()

    private init() {
        data = FontBytes(bytes: [])
        glyphSource = nil
        tables = [:]
        characterMap = .empty
        advances = [500]
        glyphOffsets = [0, 0]
        unitsPerEm = 1000
        ascender = 800
        descender = -200
        lineGap = 0
        capHeight = 700
        boundingBox = FontBox(xMin: 0, yMin: -200, xMax: 1000, yMax: 800)
        italicAngle = 0
        weightClass = 400
        isFixedPitch = false
        isItalic = false
        isSerif = false
        postScriptName = "UnnamedFont"
    }

    /// The glyph for `scalar`; 0 (`.notdef`) when the font has none.
    public func glyphID(for scalar: Unicode.Scalar) -> UInt16 { characterMap.glyphID(for: scalar) }

    /// The advance of `glyph` in font units (0 for an ID past the font's glyphs).
    public func advanceWidth(ofGlyph glyph: UInt16) -> Int {
        advances.indices.contains(Int(glyph)) ? Int(advances[Int(glyph)]) : 0
    }

    /// The advance of `glyph` in PDF glyph space (thousandths of an em), as `/W` wants it.
    public func pdfWidth(ofGlyph glyph: UInt16) -> Int { pdfUnits(advanceWidth(ofGlyph: glyph)) }

    /// Font units in thousandths of an em, rounded.
    public func pdfUnits(_ fontUnits: Int) -> Int {
        let scaled = Double(fontUnits) * 1000 / Double(unitsPerEm)
        return Int(scaled.rounded())
    }

    /// Every mapped scalar with its glyph, in scalar order.
    public func forEachMapping(_ body: (Unicode.Scalar, UInt16) -> Void) { characterMap.forEach(body) }

    /// The bytes of `glyph`'s outline in `glyf` (empty for a blank glyph).
    func glyphData(_ glyph: Int) -> ArraySlice<UInt8> {
        guard let glyf = tables["glyf"], glyph >= 0, glyph + 1 < glyphOffsets.count else { return [] }
        let start = glyf.offset + glyphOffsets[glyph], end = glyf.offset + glyphOffsets[glyph + 1]
        if let glyphSource { return glyphSource(start..<end).map { ArraySlice($0) } ?? [] }
        return (try? data.slice(start, end - start)) ?? []
    }

    private static func readPostScriptName(_ data: FontBytes, table: TableRecord?) throws -> String {
        guard let table, table.length >= 6 else { return "UnnamedFont" }
        let count = Int(try data.u16(table.offset + 2))
        let storage = table.offset + Int(try data.u16(table.offset + 4))
        var found: String?
        for index in 0..<count {
            let record = table.offset + 6 + index * 12
            guard record + 12 <= table.offset + table.length else { break }
            guard try data.u16(record + 6) == 6 else { continue }
            let platform = try data.u16(record)
            let length = Int(try data.u16(record + 8))
            let offset = storage + Int(try data.u16(record + 10))
            guard let raw = try? data.slice(offset, length) else { continue }
            if platform == 3 || platform == 0 {
                var units: [UInt16] = []
                var index = raw.startIndex
                while index + 1 < raw.endIndex {
                    units.append(UInt16(raw[index]) << 8 | UInt16(raw[index + 1]))
                    index += 2
                }
                found = String(decoding: units, as: UTF16.self)
                break
            }
            if platform == 1, found == nil { found = String(decoding: raw, as: Unicode.ASCII.self) }
        }
        let allowed = (found ?? "").unicodeScalars.filter { (0x21...0x7E).contains($0.value) && !"[](){}<>/%#".unicodeScalars.contains($0) }
        let name = String(String.UnicodeScalarView(allowed.prefix(63)))
        return name.isEmpty ? "UnnamedFont" : name
    }
}

extension TrueTypeFont: FontMetrics {
    public func advance(of scalar: Unicode.Scalar) -> Double {
        Double(advanceWidth(ofGlyph: glyphID(for: scalar))) / Double(unitsPerEm)
    }

    public var ascent: Double { Double(ascender) / Double(unitsPerEm) }
    public var descent: Double { Double(-descender) / Double(unitsPerEm) }
}
