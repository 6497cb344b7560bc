import AgendaPDF
import Foundation

/// A plain text set as a PDF the way a word processor prints minutes, for the
/// import tests: the seeds' text extracts as PDFs with a running header, a
/// "Side N af M" footer, headings in bold, paragraphs broken on the font's
/// widths (long words hyphenated at a line's end when asked) and tab-separated
/// table rows in columns. Made with the project's own PDF writer, so the tests
/// need no other program than pdftotext.
enum TextPDF {
    static let left = 72.0, width = 451.0, top = 770.0, bottom = 72.0
    static let size = 10.5, leading = 14.0

    static func make(_ text: String, header: String, hyphenate: Bool = false) throws -> [UInt8] {
        var pages: [LaidOutPage] = [LaidOutPage()]
        var y = top
        let body: ContentOwner = .element(1)
        func newLine(_ height: Double = leading) {
            y -= height
            if y < bottom {
                pages.append(LaidOutPage())
                y = top
            }
        }
        func place(_ text: String, x: Double = left, face: FontFace = .regular) {
            pages[pages.count - 1].texts.append(TextRun(text: text, x: x, y: y, face: face, size: size, owner: body))
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            var face = FontFace.regular
            if line.hasPrefix("#") || line.hasPrefix("**") {
                face = .bold
                while line.hasPrefix("#") { line.removeFirst() }
            }
            line = line.replacingOccurrences(of: "**", with: "").trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                newLine(leading / 2)
                continue
            }
            if line.contains("\t") {
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                let font = BundledFonts.face(face)
                if cells.count == 2, let page = cells.last, !page.isEmpty, page.allSatisfy(\.isNumber) {
                    // a contents entry: the page number at a right tab stop
                    place(cells[0], face: face)
                    place(page, x: left + width - font.width(of: page, size: size), face: face)
                } else {
                    // a table row: cells at 80-point stops, never over the cell before
                    var x = left
                    for (column, cell) in cells.enumerated() {
                        x = max(x, left + Double(column) * 80)
                        place(cell, x: x, face: face)
                        x += font.width(of: cell, size: size) + 12
                    }
                }
                newLine()
                continue
            }
            for piece in broken(line, face: face, hyphenate: hyphenate) {
                place(piece, face: face)
                newLine()
            }
        }
        for index in pages.indices {
            pages[index].texts.append(TextRun(text: header, x: left, y: 805, face: .italic, size: 9, owner: .artifact(.pagination)))
            pages[index].texts.append(TextRun(text: "Side \(index + 1) af \(pages.count)", x: 470, y: 40, face: .regular, size: 9,
                                              owner: .artifact(.pagination)))
        }
        let metadata = DocumentMetadata(title: header, author: "agendac tests", subject: "import", creationDate: PDFDate(year: 2026, month: 1, day: 1),
                                        producer: "agendac tests")
        let document = LaidOutDocument(metadata: metadata, pages: pages,
                                       structure: [StructureElement(role: .document, parent: nil), StructureElement(role: .p, parent: 0)])
        return try PDFWriter.standard.write(document)
    }

    /// Greedy line breaking on the bundled font's widths; a word that does not
    /// fit is hyphenated when asked and long enough ("beskæftigelses-" / "indsatsen").
    static func broken(_ text: String, face: FontFace, hyphenate: Bool) -> [String] {
        let font = BundledFonts.face(face)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if font.width(of: candidate, size: size) <= width || current.isEmpty {
                current = candidate
                continue
            }
            if hyphenate, word.count >= 10, word.allSatisfy({ $0.isLetter && $0.isLowercase }) {
                var cut = word.count - 4
                while cut >= 4, font.width(of: current + " " + word.prefix(cut) + "-", size: size) > width { cut -= 1 }
                if cut >= 4 {
                    lines.append(current + " " + word.prefix(cut) + "-")
                    current = String(word.dropFirst(cut))
                    continue
                }
            }
            lines.append(current)
            current = String(word)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
