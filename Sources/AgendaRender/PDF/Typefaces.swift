import AgendaPDF

/// The four faces the typesetter measures with, one per `FontFace`. The PDF
/// writer embeds the same faces, so what is measured is what is printed.
public struct Typefaces: Sendable {
    public var regular: any FontMetrics
    public var bold: any FontMetrics
    public var italic: any FontMetrics
    public var boldItalic: any FontMetrics

    public init(regular: any FontMetrics, bold: any FontMetrics, italic: any FontMetrics, boldItalic: any FontMetrics) {
        self.regular = regular
        self.bold = bold
        self.italic = italic
        self.boldItalic = boldItalic
    }

    public subscript(_ face: FontFace) -> any FontMetrics {
        switch face {
        case .regular: regular
        case .bold: bold
        case .italic: italic
        case .boldItalic: boldItalic
        }
    }
}

extension FontFace {
    /// This face made bold (`**…**` inside `*…*` is bold italic).
    var emboldened: FontFace {
        switch self {
        case .regular, .bold: .bold
        case .italic, .boldItalic: .boldItalic
        }
    }

    var italicized: FontFace {
        switch self {
        case .regular, .italic: .italic
        case .bold, .boldItalic: .boldItalic
        }
    }
}

extension Typefaces {
    /// The family shipped in the binary (`AgendaPDF/Font`), which the writer embeds, measured
    /// with its generated tables (`BundledMetrics`): layout decodes and parses no font.
    public static let bundled = Typefaces(regular: BundledMetrics.face(.regular), bold: BundledMetrics.face(.bold),
                                          italic: BundledMetrics.face(.italic), boldItalic: BundledMetrics.face(.boldItalic))
}
