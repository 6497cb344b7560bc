// The PDF writer's input: pages of positioned text and lines, a logical
// structure tree, an outline and links. A typesetter (AgendaRender/PDF) makes
// it; `PDFWriter` turns it into bytes. Nothing here knows what an agenda is.
//
// Coordinates are PDF points (1/72 inch), origin at the page's lower left,
// y upwards, as in PDF itself. The structure tree is a flat array (parents
// by index), so no code recurses on the depth of the input.

/// A font face of the bundled family. The writer embeds each face used as a
/// subset with its ToUnicode map; the typesetter measures with `FontMetrics`.
public enum FontFace: Int, Sendable, Hashable, CaseIterable {
    case regular, bold, italic, boldItalic
}

/// Widths and vertical metrics of one face, in units of the font size (em).
public protocol FontMetrics: Sendable {
    /// The advance of one character; characters the font lacks measure as its `.notdef`.
    func advance(of scalar: Unicode.Scalar) -> Double
    /// Ascender above the baseline and descender below it (positive), in em.
    var ascent: Double { get }
    var descent: Double { get }
}

extension FontMetrics {
    /// The width of `text` at `size` points.
    public func width(of text: Substring, size: Double) -> Double {
        var total = 0.0
        for scalar in text.unicodeScalars { total += advance(of: scalar) }
        return total * size
    }

    public func width(of text: String, size: Double) -> Double { width(of: text[...], size: size) }
}

public struct RGBColor: Sendable, Hashable {
    public var red: Double, green: Double, blue: Double
    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }
    public static let black = RGBColor(red: 0, green: 0, blue: 0)
}

public struct PDFRect: Sendable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// Index of a `StructureElement` in `LaidOutDocument.structure`.
public typealias StructureElementID = Int

/// What a piece of page content belongs to: a structure element (real
/// content, read aloud) or an artifact (running header and footer, page
/// numbers, rules and decoration, skipped by assistive tools).
public enum ContentOwner: Sendable, Hashable {
    case element(StructureElementID)
    case artifact(ArtifactKind)

    public enum ArtifactKind: String, Sendable, Hashable {
        /// Running header and footer, page numbers.
        case pagination = "Pagination"
        /// Rules, boxes, dot leaders.
        case layout = "Layout"
    }
}

/// One run of text on one baseline in one face, size and colour.
public struct TextRun: Sendable, Hashable {
    public var text: String
    /// Left end of the baseline.
    public var x: Double, y: Double
    public var face: FontFace
    public var size: Double
    public var color: RGBColor
    public var owner: ContentOwner
    public init(text: String, x: Double, y: Double, face: FontFace, size: Double, color: RGBColor = .black, owner: ContentOwner) {
        self.text = text
        self.x = x
        self.y = y
        self.face = face
        self.size = size
        self.color = color
        self.owner = owner
    }
}

/// A straight line (table rules, underlines, separators).
public struct RuleLine: Sendable, Hashable {
    public var x1: Double, y1: Double, x2: Double, y2: Double
    public var width: Double
    public var color: RGBColor
    public var owner: ContentOwner
    public init(x1: Double, y1: Double, x2: Double, y2: Double, width: Double, color: RGBColor = .black, owner: ContentOwner = .artifact(.layout)) {
        self.x1 = x1
        self.y1 = y1
        self.x2 = x2
        self.y2 = y2
        self.width = width
        self.color = color
        self.owner = owner
    }
}

/// A raster image placed on a page (the style's logo): JPEG embedded as it
/// is, or samples with FlateDecode and an /SMask for alpha (`RasterImage`).
public struct PlacedImage: Sendable, Hashable {
    public var image: RasterImage
    public var frame: PDFRect
    /// A `Figure` element with its `alt` text, or an artifact for decoration.
    public var owner: ContentOwner
    public init(image: RasterImage, frame: PDFRect, owner: ContentOwner) {
        self.image = image
        self.frame = frame
        self.owner = owner
    }

    /// A JPEG file's bytes with its size and colour components (1 grey, 3 RGB, 4 CMYK).
    public init(jpeg: [UInt8], pixelWidth: Int, pixelHeight: Int, components: Int, frame: PDFRect, owner: ContentOwner) {
        self.init(image: RasterImage(encoding: .jpeg, data: jpeg, pixelWidth: pixelWidth, pixelHeight: pixelHeight, components: components),
                  frame: frame, owner: owner)
    }
}

/// A clickable area: to a web address, or to a place in this document.
public struct LinkArea: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case uri(String)
        /// A page (0-based) and the y of the destination's top on it.
        case page(index: Int, top: Double)
    }
    public var rect: PDFRect
    public var target: Target
    /// The `Link` structure element the annotation belongs to (its `OBJR`).
    public var element: StructureElementID
    /// The annotation's `/Contents`: what the link does, for assistive tools.
    public var description: String
    public init(rect: PDFRect, target: Target, element: StructureElementID, description: String) {
        self.rect = rect
        self.target = target
        self.element = element
        self.description = description
    }
}

public struct LaidOutPage: Sendable {
    public var texts: [TextRun] = []
    public var rules: [RuleLine] = []
    public var images: [PlacedImage] = []
    public var links: [LinkArea] = []
    public init() {}
}

/// Standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4) that the
/// typesetter uses.
public enum StructureRole: String, Sendable, Hashable {
    case document = "Document", part = "Part", sect = "Sect", div = "Div"
    case h1 = "H1", h2 = "H2", h3 = "H3", h4 = "H4"
    case p = "P", span = "Span", note = "Note"
    case l = "L", li = "LI", lbl = "Lbl", lBody = "LBody"
    case table = "Table", tHead = "THead", tBody = "TBody", tr = "TR", th = "TH", td = "TD"
    case link = "Link", toc = "TOC", toci = "TOCI", reference = "Reference"
    case figure = "Figure"
}

public struct StructureElement: Sendable, Hashable {
    public enum HeaderScope: String, Sendable, Hashable { case row = "Row", column = "Column", both = "Both" }
    public var role: StructureRole
    /// nil only for the root (`Document`), which is element 0.
    public var parent: StructureElementID?
    /// `/Alt` (figures), `/ActualText`, `/Lang` when it differs from the document's.
    public var alternateText: String?
    public var actualText: String?
    public var language: String?
    /// `/Scope` of a `TH`.
    public var scope: HeaderScope?
    /// `/T`: a title for sections (the item's title), shown by some readers.
    public var title: String?
    public init(role: StructureRole, parent: StructureElementID?, alternateText: String? = nil, actualText: String? = nil, language: String? = nil, scope: HeaderScope? = nil, title: String? = nil) {
        self.role = role
        self.parent = parent
        self.alternateText = alternateText
        self.actualText = actualText
        self.language = language
        self.scope = scope
        self.title = title
    }
}

/// An outline (bookmark) entry; `parent` by index into `LaidOutDocument.outline`.
public struct OutlineEntry: Sendable, Hashable {
    public var title: String
    public var parent: Int?
    public var pageIndex: Int
    public var top: Double
    public init(title: String, parent: Int?, pageIndex: Int, top: Double) {
        self.title = title
        self.parent = parent
        self.pageIndex = pageIndex
        self.top = top
    }
}

public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    /// The committee.
    public var author: String
    public var subject: String
    public var keywords: [String]
    /// BCP 47, `da-DK`.
    public var language: String
    /// The meeting's date and time, so that the same input gives the same bytes.
    public var creationDate: PDFDate
    public var producer: String
    public init(title: String, author: String, subject: String, keywords: [String] = [], language: String = "da-DK", creationDate: PDFDate, producer: String) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.language = language
        self.creationDate = creationDate
        self.producer = producer
    }
}

/// A calendar date and time without time zone arithmetic (local time, given offset).
public struct PDFDate: Sendable, Hashable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int
    /// Minutes east of UTC (Danish time: 60 or 120).
    public var utcOffsetMinutes: Int
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, utcOffsetMinutes: Int = 60) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.utcOffsetMinutes = utcOffsetMinutes
    }
}

/// Everything the writer needs; pages share one size.
public struct LaidOutDocument: Sendable {
    public var metadata: DocumentMetadata
    public var pageWidth: Double
    public var pageHeight: Double
    public var pages: [LaidOutPage]
    /// Element 0 is the `Document` root; every other element's parent comes
    /// before it in the array. Children follow their parents' order of
    /// appearance in this array (reading order).
    ///
    /// The writer orders an element's kids (`/K`) so: its own content pieces
    /// in content order (pages in order; on a page, images, then rules, then
    /// text runs, each in array order, and last the page's link annotations as
    /// `OBJR`), with its child elements in array order merged in, each child
    /// placed before the first own piece that comes after the child's
    /// earliest content (a child without content goes before the next
    /// piece). Consecutive pieces of a page with the same owner share one
    /// marked-content sequence (one MCID).
    public var structure: [StructureElement]
    public var outline: [OutlineEntry]
    /// PDF/A-2a conformance in addition to PDF/UA-1 (the archive asks for it).
    public var archival: Bool
    public init(metadata: DocumentMetadata, pageWidth: Double = 595.276, pageHeight: Double = 841.89, pages: [LaidOutPage] = [], structure: [StructureElement] = [StructureElement(role: .document, parent: nil)], outline: [OutlineEntry] = [], archival: Bool = false) {
        self.metadata = metadata
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.pages = pages
        self.structure = structure
        self.outline = outline
        self.archival = archival
    }
}
