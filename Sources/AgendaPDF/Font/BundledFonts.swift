// The font family shipped in the binary: Liberation Sans 2.1.5 (SIL OFL 1.1,
// `Font/Files/OFL.txt`), full Danish and Western European coverage in four
// faces. The bytes are embedded by `scripts/embed-fonts`; each face is decoded
// and parsed on first use, once (a `static let` is initialised lazily and
// thread-safely).

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
    public static func fileBytes(_ face: FontFace) -> [UInt8] {
        let base64: String
        switch face {
        case .regular: base64 = EmbeddedFont.regular
        case .bold: base64 = EmbeddedFont.bold
        case .italic: base64 = EmbeddedFont.italic
        case .boldItalic: base64 = EmbeddedFont.boldItalic
        }
        return Base64.decode(base64)
    }

    private static let regular = load(.regular)
    private static let bold = load(.bold)
    private static let italic = load(.italic)
    private static let boldItalic = load(.boldItalic)

    /// The shipped files are checked by `BundledFontTests`; should one ever
    /// fail to parse, text still measures (with `TrueTypeFont.fallback`).
    private static func load(_ face: FontFace) -> TrueTypeFont {
        (try? TrueTypeFont(bytes: fileBytes(face))) ?? TrueTypeFont.fallback
    }
}
