import AgendaPDF
import Foundation

/// Hand-built laid-out documents for the writer's tests and the Python PDF
/// suite (`Tests/pdf/`), which checks the files `PDFSampleFileTests` writes.
enum PDFTestDocuments {
    static let metadata = DocumentMetadata(
        title: "Referat: Økonomiudvalget 3. marts 2026", author: "Økonomiudvalget", subject: "Referat af ordinært møde",
        keywords: ["referat", "økonomi"], creationDate: PDFDate(year: 2026, month: 3, day: 3, hour: 16, minute: 30),
        producer: "agendac (test)")

    /// Builds a structure tree and pages together, so tests read like the document.
    struct Builder {
        var structure = [StructureElement(role: .document, parent: nil)]
        var pages: [LaidOutPage] = [LaidOutPage()]
        var outline: [OutlineEntry] = []
        var y = 780.0

        mutating func element(_ role: StructureRole, in parent: StructureElementID, scope: StructureElement.HeaderScope? = nil,
                              title: String? = nil, alternateText: String? = nil) -> StructureElementID {
            structure.append(StructureElement(role: role, parent: parent, alternateText: alternateText, scope: scope, title: title))
            return structure.count - 1
        }

        mutating func text(_ text: String, x: Double = 72, face: FontFace = .regular, size: Double = 11, owner: ContentOwner, advance: Bool = true) {
            pages[pages.count - 1].texts.append(TextRun(text: text, x: x, y: y, face: face, size: size, owner: owner))
            if advance { y -= size * 1.5 }
        }

        mutating func rule(owner: ContentOwner = .artifact(.layout)) {
            pages[pages.count - 1].rules.append(RuleLine(x1: 72, y1: y + 10, x2: 523, y2: y + 10, width: 0.5, owner: owner))
            y -= 6
        }

        /// Where text set after `text` in `face` at `x` ends (measured with the bundled font).
        func after(_ text: String, at x: Double, face: FontFace = .regular, size: Double = 11) -> Double {
            x + BundledFonts.face(face).width(of: text, size: size)
        }

        mutating func link(_ target: LinkArea.Target, element: StructureElementID, x: Double, width: Double, description: String) {
            pages[pages.count - 1].links.append(LinkArea(rect: PDFRect(x: x, y: y - 3, width: width, height: 14), target: target,
                                                         element: element, description: description))
        }

        mutating func newPage() {
            pages.append(LaidOutPage())
            y = 780
        }

        /// Running header and footer on every page (pagination artifacts).
        mutating func paginate(header: String) {
            for index in pages.indices {
                pages[index].texts.append(TextRun(text: header, x: 72, y: 810, face: .italic, size: 9, owner: .artifact(.pagination)))
                pages[index].texts.append(TextRun(text: "Side \(index + 1) af \(pages.count)", x: 480, y: 30, face: .regular, size: 9,
                                                  owner: .artifact(.pagination)))
                pages[index].rules.append(RuleLine(x1: 72, y1: 804, x2: 523, y2: 804, width: 0.5))
            }
        }

        func document(archival: Bool = false) -> LaidOutDocument {
            LaidOutDocument(metadata: metadata, pages: pages, structure: structure, outline: outline, archival: archival)
        }
    }

    /// Two pages: a title, a table of contents linking to two items, an item
    /// with a paragraph (bold, italic, a web link, æøå and a character
    /// outside the BMP), a list, a table with column headers, and a second item.
    static func minutes(archival: Bool = false) -> LaidOutDocument {
        var b = Builder()
        let title = b.element(.h1, in: 0)
        b.text("Referat: Økonomiudvalget", face: .bold, size: 18, owner: .element(title))
        let toc = b.element(.toc, in: 0)
        var tocEntries: [StructureElementID] = []
        for (number, name) in ["1. Budget for året – 2027", "2. Ændring af takster"].enumerated() {
            let entry = b.element(.toci, in: toc)
            let reference = b.element(.reference, in: entry)
            let link = b.element(.link, in: reference)
            b.text(name, owner: .element(link), advance: false)
            b.text(". . . . . . . . . .", x: 300, owner: .artifact(.layout), advance: false)
            b.text(number == 0 ? "1" : "2", x: 500, owner: .element(link), advance: false)
            b.link(.page(index: number, top: 760), element: link, x: 72, width: 440, description: "Gå til punkt: \(name)")
            b.text("", owner: .artifact(.layout))
            tocEntries.append(link)
        }
        b.rule()

        let item1 = b.element(.sect, in: 0, title: "Budget for året 2027")
        let heading1 = b.element(.h2, in: item1)
        b.outline.append(OutlineEntry(title: "1. Budget for året 2027", parent: nil, pageIndex: 0, top: b.y + 14))
        b.text("1. Budget for året – 2027", face: .bold, size: 14, owner: .element(heading1))
        let paragraph = b.element(.p, in: item1)
        b.text("Udvalget drøftede budgettet for Ærø, Øster Åby og Ålborg.", owner: .element(paragraph))
        var x = 72.0
        b.text("Det er ", x: x, owner: .element(paragraph), advance: false)
        x = b.after("Det er ", at: x)
        b.text("vigtigt ", x: x, face: .bold, owner: .element(paragraph), advance: false)
        x = b.after("vigtigt ", at: x, face: .bold)
        b.text("og ", x: x, face: .italic, owner: .element(paragraph), advance: false)
        x = b.after("og ", at: x, face: .italic)
        let webLink = b.element(.link, in: paragraph)
        b.text("kommunens side", x: x, owner: .element(webLink), advance: false)
        let linkEnd = b.after("kommunens side", at: x)
        b.link(.uri("https://www.example.dk/økonomi"), element: webLink, x: x, width: linkEnd - x, description: "Åbn kommunens side om økonomi")
        b.text(" har noden 𝄞 og 😀.", x: linkEnd, owner: .element(paragraph))

        let list = b.element(.l, in: item1)
        for entry in ["Driftsbudget godkendt", "Anlægsbudget udsat"] {
            let item = b.element(.li, in: list)
            let label = b.element(.lbl, in: item)
            let body = b.element(.lBody, in: item)
            b.text("•", x: 80, owner: .element(label), advance: false)
            b.text(entry, x: 92, owner: .element(body))
        }

        let table = b.element(.table, in: item1)
        let head = b.element(.tHead, in: table)
        let headerRow = b.element(.tr, in: head)
        for (column, header) in ["Område", "Beløb (mio. kr.)"].enumerated() {
            let cell = b.element(.th, in: headerRow, scope: .column)
            b.text(header, x: 72 + Double(column) * 200, face: .bold, owner: .element(cell), advance: column == 1)
        }
        b.rule()
        let bodyGroup = b.element(.tBody, in: table)
        for (area, amount) in [("Skole", "412,5"), ("Ældrepleje", "388,0")] {
            let row = b.element(.tr, in: bodyGroup)
            let areaCell = b.element(.td, in: row)
            b.text(area, owner: .element(areaCell), advance: false)
            let amountCell = b.element(.td, in: row)
            b.text(amount, x: 330, owner: .element(amountCell))
        }

        b.newPage()
        let item2 = b.element(.sect, in: 0, title: "Ændring af takster")
        let heading2 = b.element(.h2, in: item2)
        b.outline.append(OutlineEntry(title: "2. Ændring af takster", parent: nil, pageIndex: 1, top: b.y + 14))
        b.outline.append(OutlineEntry(title: "Beslutning", parent: 1, pageIndex: 1, top: b.y - 10))
        b.text("2. Ændring af takster", face: .bold, size: 14, owner: .element(heading2))
        let decision = b.element(.p, in: item2)
        b.text("Beslutning: Godkendt. Taksterne stiger med 2 % fra 1. januar.", owner: .element(decision))
        b.paginate(header: "Økonomiudvalget · 3. marts 2026")
        return b.document(archival: archival)
    }

    /// What pdftotext must give back from `minutes()`, in this order.
    static let minutesReadingOrder = [
        "Referat: Økonomiudvalget", "1. Budget for året – 2027", "2. Ændring af takster",
        "Udvalget drøftede budgettet for Ærø, Øster Åby og Ålborg.", "vigtigt", "kommunens side", "har noden 𝄞 og 😀.",
        "Driftsbudget godkendt", "Anlægsbudget udsat", "Område", "Beløb (mio. kr.)", "Skole", "412,5", "Ældrepleje", "388,0",
        "2. Ændring af takster", "Beslutning: Godkendt. Taksterne stiger med 2 % fra 1. januar.",
    ]

    static let minutesRoles = ["Document", "H1", "TOC", "TOCI", "Reference", "Link", "Sect", "H2", "P", "L", "LI", "Lbl", "LBody",
                               "Table", "THead", "TBody", "TR", "TH", "TD"]

    /// One page without text: element-owned rules, an artifact rule and an image.
    static func withoutText() -> LaidOutDocument {
        var b = Builder()
        let figure = b.element(.figure, in: 0, alternateText: "Kommunens logo")
        b.pages[0].images.append(PlacedImage(jpeg: tinyJPEG, pixelWidth: 1, pixelHeight: 1, components: 1,
                                             frame: PDFRect(x: 72, y: 700, width: 40, height: 40), owner: .element(figure)))
        b.rule()
        return b.document()
    }

    /// The sample logo (PNG with transparency) on a page of its own, as decoration (archival) or as a figure.
    static func pngLogo(artifact: Bool) throws -> LaidOutDocument {
        var b = Builder()
        let owner: ContentOwner = artifact ? .artifact(.layout) : .element(b.element(.figure, in: 0, alternateText: "Testrup Kommune"))
        let image = try RasterImage(reading: Golden.bytes(Golden.samples.appendingPathComponent("styles/logo.png")))
        b.pages[0].images.append(PlacedImage(image: image, frame: PDFRect(x: 72, y: 700, width: 144, height: 48), owner: owner))
        b.rule()
        return b.document(archival: artifact)
    }

    /// A valid 1×1 grey baseline JPEG.
    static let tinyJPEG: [UInt8] = Array(Data(base64Encoded:
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==") ?? Data())
}
