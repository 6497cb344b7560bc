import AgendaPDF
import AgendaSemantics

/// Where a link in the PDF goes: a web address, or an item of this document (`#punkt-3`).
enum PDFLinkTarget: Hashable {
    case uri(String)
    case anchor(String)
}

/// A piece of inline text in one face; `link` indexes the paragraph's `links`.
struct StyledPiece {
    var text: String
    var face: FontFace
    var link: Int?
}

/// A paragraph's inline text made flat: pieces in faces, and the links they
/// belong to. Links print as the text output prints them (`label (address)`),
/// so the words on paper are the words of `--to text`; the whole is clickable.
struct StyledText {
    var pieces: [StyledPiece] = []
    var links: [PDFLinkTarget] = []

    init() {}

    init(_ text: String, face: FontFace = .regular) {
        append(text, face: face)
    }

    init(_ inlines: [Inline], face: FontFace = .regular) {
        append(inlines, face: face)
    }

    var isEmpty: Bool { pieces.allSatisfy { $0.text.isEmpty } }

    mutating func append(_ text: String, face: FontFace = .regular, link: Int? = nil) {
        guard !text.isEmpty else { return }
        pieces.append(StyledPiece(text: ControlCharacters.visible(text), face: face, link: link))
    }

    mutating func append(_ inlines: [Inline], face: FontFace = .regular, link: Int? = nil) {
        for inline in inlines { append(inline, face: face, link: link) }
    }

    mutating func append(_ other: StyledText) {
        let offset = links.count
        links += other.links
        pieces += other.pieces.map { piece in
            var moved = piece
            moved.link = piece.link.map { $0 + offset }
            return moved
        }
    }

    mutating func append(_ inline: Inline, face: FontFace, link: Int?) {
        switch inline {
        case .text(let text):
            append(text, face: face, link: link)
        case .strong(let inner):
            append(inner, face: face.emboldened, link: link)
        case .emphasis(let inner):
            append(inner, face: face.italicized, link: link)
        case .lineBreak:
            // kept only when the style prints lines as written: the line breaker ends the line here
            append(String(LineBreaker.forcedBreak), face: face, link: link)
        case .link(let inner, let url):
            // a link inside a link stays the outer one's
            guard link == nil, let target = LinkPolicy.safeTarget(url) else { return append(inner, face: face, link: link) }
            let index = links.count
            links.append(LinkPolicy.isExternal(target) ? .uri(target) : .anchor(String(target.dropFirst())))
            let label = PlainInlines.text(inner)
            let printed = PlainInlines.text(inline)
            append(inner, face: face, link: index)
            // the address as the text output prints it, after the label
            if printed.count > label.count, printed.hasPrefix(label) {
                append(String(printed.dropFirst(label.count)), face: face, link: index)
            }
        }
    }
}
