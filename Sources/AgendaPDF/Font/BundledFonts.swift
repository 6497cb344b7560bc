// The font family shipped in the binary: Liberation Sans 2.1.5 (SIL OFL 1.1,
// `Font/Files/OFL.txt`), full Danish and Western European coverage in four
// faces. The bytes are embedded by `scripts/embed-fonts`; each face is read
// on first use, once (a `static let` is initialised lazily and thread-safely):
// only its directory and the small tables are decoded then, each glyph's
// outline when a subset takes it.

/// The embedded font files, base64 (generated, `Font/Embedded/`).
enum EmbeddedFont {}

public enum BundledFonts {
    /// The family's name, for documentation and the writer's metadata.
    public static let familyName = "Liberation Sans"

    public static func face(_ face: FontFace) -> TrueTypeFont {
        switch face {
        case .regular: regular
        case .bold: bold
        case .italic: italic
        case .boldItalic: boldItalic
        }
    }

    /// The shipped file's bytes, decoded from the embedded copy.
    public static func fileBytes(_ face: FontFace) -> [UInt8] { Base64.decode(base64(face)) }

    static func base64(_ face: FontFace) -> String {
        switch face {
        case .regular: EmbeddedFont.regular
        case .bold: EmbeddedFont.bold
        case .italic: EmbeddedFont.italic
        case .boldItalic: EmbeddedFont.boldItalic
        }
    }

    private static let regular = load(.regular)
    private static let bold = load(.bold)
    private static let italic = load(.italic)
    private static let boldItalic = load(.boldItalic)

    /// The shipped files are checked by `BundledFontTests`; should one ever
    /// fail to parse, text still measures (with `TrueTypeFont.fallback`).
    private static func load(_ face: FontFace) -> TrueTypeFont {
        if let lines = Base64Lines(base64(face)), let font = try? readInPart(lines) { return font }
        return (try? TrueTypeFont(bytes: fileBytes(face))) ?? TrueTypeFont.fallback
    }

    /// Tables reading and subsetting use, decoded whole; `post` only for its header.
    /// The rest (glyf apart, read per glyph) is never decoded: GPOS, GSUB, kern…
    static let tablesRead: [String: Int] = [
        "head": .max, "hhea": .max, "maxp": .max, "hmtx": .max, "loca": .max, "cmap": .max, "name": .max,
        "OS/2": .max, "cvt ": .max, "fpgm": .max, "prep": .max, "post": 32,
    ]

    /// The face from its directory and `tablesRead`, copied one after another;
    /// glyph outlines come from `lines` when asked for.
    static func readInPart(_ lines: Base64Lines) throws -> TrueTypeFont {
        guard let header = lines.bytes(0..<12) else { throw TrueTypeFontError("the embedded font is shorter than its header") }
        let tableCount = Int(header[4]) << 8 | Int(header[5])
        guard let directory = lines.bytes(0..<(12 + 16 * tableCount)) else { throw TrueTypeFontError("the embedded font's directory is cut short") }
        let records = try TrueTypeFont.readDirectory(FontBytes(bytes: directory), fileLength: lines.byteCount)
        var data: [UInt8] = []
        var tables: [String: TableRecord] = [:]
        for (tag, record) in records.sorted(by: { $0.value.offset < $1.value.offset }) {
            if tag == "glyf" { tables[tag] = record; continue }
            guard let most = tablesRead[tag] else { continue }
            let length = min(record.length, most)
            guard let bytes = lines.bytes(record.offset..<(record.offset + length)) else { throw TrueTypeFontError("table '\(tag)' cannot be decoded") }
            tables[tag] = TableRecord(tag: tag, offset: data.count, length: length)
            data += bytes
        }
        return try TrueTypeFont(data: FontBytes(bytes: data), tables: tables, glyphSource: { lines.bytes($0) }, requiringCharacterMap: true)
    }
}
