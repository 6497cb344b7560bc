/// Why a `LaidOutDocument` could not be written; each says what to fix in the typesetter's output.
public enum PDFWriterError: Error, Equatable, CustomStringConvertible {
    case structure(String)
    case noPages
    case pageSize(width: Double, height: Double)
    case unknownElement(StructureElementID, page: Int)
    case pageOutOfRange(Int, what: String)
    case noFont(FontFace)
    case image(page: Int, String)
    case outline(Int, String)

    public var description: String {
        switch self {
        case .structure(let message): "structure tree: \(message)"
        case .noPages: "the document has no pages; a PDF needs at least one"
        case .pageSize(let width, let height): "page size \(width) × \(height) pt: both must be positive and finite"
        case .unknownElement(let id, let page): "page \(page + 1): content belongs to structure element \(id), which does not exist"
        case .pageOutOfRange(let index, let what): "\(what) points to page \(index + 1), which does not exist"
        case .noFont(let face): "no font for the \(face) face; give the writer a font provider that has it"
        case .image(let page, let message): "page \(page + 1): image: \(message)"
        case .outline(let index, let message): "outline entry \(index): \(message)"
        }
    }
}
