// Turns a `LaidOutDocument` into the bytes of a tagged PDF 1.7 file aiming at
// PDF/UA-1 (and PDF/A-2a when `archival`). Objects are numbered in the order
// written here, so the same document gives the same bytes.
//
// Content order on a page: images, then rules, then text runs, each in array
// order. Consecutive pieces with the same owner share one marked-content
// sequence; link annotations follow the page's content.

public struct PDFWriter: Sendable {
    public var fonts: FontProvider
    public var compression: StreamCompression

    public init(fonts: @escaping FontProvider, compression: StreamCompression = .none) {
        self.fonts = fonts
        self.compression = compression
    }

    /// The bundled faces, streams compressed: what `agendac compile --to pdf` uses.
    public static let standard = PDFWriter(fonts: { BundledFonts.face($0) }, compression: StreamCompression(deflate: { Deflate.compress($0, effort: .fast) }))

    /// Writes `document` with the bundled fonts, streams compressed.
    public static func write(_ document: LaidOutDocument) throws -> [UInt8] { try standard.write(document) }

    /// Writes `document` with the given fonts and compression.
    public func write(_ document: LaidOutDocument) throws -> [UInt8] {
        var state = try WriterState(document: document, writer: self)
        defer { state.streams.abandon() }
        return try state.run()
    }
}

struct WriterState {
    let document: LaidOutDocument
    let writer: PDFWriter
    var file = PDFFile()
    /// Compressed on a second thread while the pages are written.
    var streams: DeferredStreams
    var structure: StructureTreeBuilder
    var fontsByFace: [FontFace: FontEmbedding] = [:]
    var images: [RasterImage: PDFReference] = [:]
    let catalog: PDFReference
    let pageTree: PDFReference
    let pages: [PDFReference]

    init(document: LaidOutDocument, writer: PDFWriter) throws {
        guard !document.pages.isEmpty else { throw PDFWriterError.noPages }
        guard document.pageWidth.isFinite, document.pageHeight.isFinite, document.pageWidth > 0, document.pageHeight > 0 else {
            throw PDFWriterError.pageSize(width: document.pageWidth, height: document.pageHeight)
        }
        self.document = document
        self.writer = writer
        streams = DeferredStreams(writer.compression)
        structure = try StructureTreeBuilder(elements: document.structure, pageCount: document.pages.count)
        catalog = file.allocate()
        pageTree = file.allocate()
        var pages: [PDFReference] = []
        for _ in document.pages { pages.append(file.allocate()) }
        self.pages = pages
    }

    mutating func run() throws -> [UInt8] {
        for index in document.pages.indices { try writePage(index) }
        for face in FontFace.allCases {
            fontsByFace[face]?.write(into: &file, streams: &streams)
        }
        file.set(pageTree, .dictionary(PDFDictionary([
            "Type": .name("Pages"), "Kids": .array(pages.map { .reference($0) }), "Count": .integer(pages.count),
        ])))
        let structureRoot = structure.write(into: &file, pages: pages)
        let outlines = try OutlineWriter.write(document.outline, pages: pages, into: &file)
        let metadata = file.addStream(PDFDictionary(["Type": .name("Metadata"), "Subtype": .name("XML")]),
                                      data: XMPMetadata.packet(document.metadata, archival: document.archival))
        let info = file.add(.dictionary(DocumentInformation.dictionary(document.metadata)))

        var root = PDFDictionary()
        root["Type"] = .name("Catalog")
        root["Pages"] = .reference(pageTree)
        root["Metadata"] = .reference(metadata)
        root["StructTreeRoot"] = .reference(structureRoot)
        root["MarkInfo"] = .dictionary(PDFDictionary(["Marked": .bool(true)]))
        root["Lang"] = .text(document.metadata.language)
        root["ViewerPreferences"] = .dictionary(PDFDictionary(["DisplayDocTitle": .bool(true)]))
        if let outlines {
            root["Outlines"] = .reference(outlines)
            root["PageMode"] = .name("UseOutlines")
        }
        if document.archival {
            let profile = streams.add(PDFDictionary(["N": .integer(3)]), data: SRGBProfile.bytes, to: &file)
            root["OutputIntents"] = .array([.dictionary(PDFDictionary([
                "Type": .name("OutputIntent"), "S": .name("GTS_PDFA1"),
                "OutputConditionIdentifier": .ascii(SRGBProfile.description), "Info": .ascii(SRGBProfile.description),
                "DestOutputProfile": .reference(profile),
            ]))])
        }
        file.set(catalog, .dictionary(root))
        streams.finish(into: &file)
        return file.serialized(root: catalog, info: info)
    }

    private mutating func writePage(_ index: Int) throws {
        let page = document.pages[index]
        var content = ContentStream()
        var marks = MarkedContentTracker()
        var fontResources = PDFDictionary()
        var usedFaces = Set<FontFace>()
        var imageResources = PDFDictionary()
        var imageNames: [PDFReference: String] = [:]

        for image in page.images {
            try marks.switchTo(image.owner, page: index, content: &content, structure: &structure)
            let reference = try imageReference(image, page: index)
            let name: String
            if let known = imageNames[reference] {
                name = known
            } else {
                name = "Im\(imageNames.count + 1)"
                imageNames[reference] = name
                imageResources.append(new: name, .reference(reference))
            }
            content.image(name: name, frame: image.frame)
        }
        for rule in page.rules {
            try marks.switchTo(rule.owner, page: index, content: &content, structure: &structure)
            content.line(rule)
        }
        for run in page.texts where !run.text.isEmpty {
            try marks.switchTo(run.owner, page: index, content: &content, structure: &structure)
            // taken out of the table while it grows, so its glyph table is not copied for every run
            var embedding = try fontsByFace.removeValue(forKey: run.face) ?? newFontEmbedding(run.face)
            let (codes, substituted) = embedding.encode(run.text)
            fontsByFace[run.face] = embedding
            if usedFaces.insert(run.face).inserted { fontResources[embedding.resourceName] = .reference(embedding.reference) }
            if substituted { content.beginActualText(run.text) }
            content.text(glyphCodes: codes, font: embedding.resourceName, size: run.size, x: run.x, y: run.y, color: run.color)
            if substituted { content.endMarkedContent() }
        }
        marks.close(content: &content)

        var annotations: [PDFObject] = []
        for link in page.links {
            guard structure.isElement(link.element) else { throw PDFWriterError.unknownElement(link.element, page: index) }
            let annotation = file.allocate()
            let key = structure.addAnnotation(element: link.element, page: index, annotation: annotation)
            file.set(annotation, .dictionary(try linkAnnotation(link, structParent: key)))
            annotations.append(.reference(annotation))
        }

        let contents = streams.add(PDFDictionary(), data: content.bytes, to: &file)
        var resources = PDFDictionary()
        if !fontResources.isEmpty { resources["Font"] = .dictionary(fontResources) }
        if !imageResources.isEmpty { resources["XObject"] = .dictionary(imageResources) }
        var dictionary = PDFDictionary()
        dictionary["Type"] = .name("Page")
        dictionary["Parent"] = .reference(pageTree)
        dictionary["MediaBox"] = .array([.integer(0), .integer(0), .number(document.pageWidth), .number(document.pageHeight)])
        dictionary["Resources"] = .dictionary(resources)
        dictionary["Contents"] = .reference(contents)
        dictionary["StructParents"] = .integer(index)
        dictionary["Tabs"] = .name("S")
        if !annotations.isEmpty { dictionary["Annots"] = .array(annotations) }
        file.set(pages[index], .dictionary(dictionary))
    }

    private mutating func newFontEmbedding(_ face: FontFace) throws -> FontEmbedding {
        guard let font = writer.fonts(face) else { throw PDFWriterError.noFont(face) }
        return FontEmbedding(font: font, reference: file.allocate(), resourceName: "F\(face.rawValue + 1)")
    }

    /// One image XObject per distinct image, however often it is placed.
    private mutating func imageReference(_ placed: PlacedImage, page: Int) throws -> PDFReference {
        let image = placed.image
        if let known = images[image] { return known }
        let colorSpace: String
        switch (image.components, image.encoding) {
        case (1, _): colorSpace = "DeviceGray"
        case (3, _): colorSpace = "DeviceRGB"
        case (4, .jpeg): colorSpace = "DeviceCMYK"
        default: throw PDFWriterError.image(page: page, "\(image.components) colour components; JPEG images have 1, 3 or 4, others 1 or 3")
        }
        // PDF/A: device colours must match the output intent, which is sRGB here
        if document.archival && colorSpace == "DeviceCMYK" {
            throw PDFWriterError.image(page: page, "a CMYK JPEG in an archival (PDF/A) file, whose colours are sRGB; save the image as RGB")
        }
        guard image.pixelWidth > 0, image.pixelHeight > 0 else {
            throw PDFWriterError.image(page: page, "size \(image.pixelWidth) × \(image.pixelHeight) pixels; both must be positive")
        }
        var dictionary = Self.imageDictionary(image, colorSpace: colorSpace)
        switch image.encoding {
        case .jpeg:
            dictionary["Filter"] = .name("DCTDecode")
        case .flate:
            dictionary["Filter"] = .name("FlateDecode")
            if let alpha = image.alpha {
                var mask = Self.imageDictionary(image, colorSpace: "DeviceGray")
                mask["Filter"] = .name("FlateDecode")
                dictionary["SMask"] = .reference(file.addStream(mask, data: alpha))
            }
        }
        let reference = file.addStream(dictionary, data: image.data)
        images[image] = reference
        return reference
    }

    private static func imageDictionary(_ image: RasterImage, colorSpace: String) -> PDFDictionary {
        var dictionary = PDFDictionary()
        dictionary["Type"] = .name("XObject")
        dictionary["Subtype"] = .name("Image")
        dictionary["Width"] = .integer(image.pixelWidth)
        dictionary["Height"] = .integer(image.pixelHeight)
        dictionary["ColorSpace"] = .name(colorSpace)
        dictionary["BitsPerComponent"] = .integer(8)
        return dictionary
    }

    private func linkAnnotation(_ link: LinkArea, structParent: Int) throws -> PDFDictionary {
        var annotation = PDFDictionary()
        annotation["Type"] = .name("Annot")
        annotation["Subtype"] = .name("Link")
        annotation["Rect"] = .rectangle(link.rect)
        annotation["Border"] = .array([.integer(0), .integer(0), .integer(0)])
        annotation["F"] = .integer(4)   // Print: PDF/A asks for it
        annotation["Contents"] = .text(link.description)
        annotation["StructParent"] = .integer(structParent)
        switch link.target {
        case .uri(let uri):
            annotation["A"] = .dictionary(PDFDictionary(["S": .name("URI"), "URI": .string(Self.uriBytes(uri))]))
        case .page(let pageIndex, let top):
            guard pages.indices.contains(pageIndex) else { throw PDFWriterError.pageOutOfRange(pageIndex, what: "a link") }
            annotation["Dest"] = .array([.reference(pages[pageIndex]), .name("XYZ"), .null, .number(top), .null])
        }
        return annotation
    }

    /// A URI is 7-bit ASCII (12.6.4.7): other bytes of its UTF-8 are percent-encoded.
    static func uriBytes(_ uri: String) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in uri.utf8 {
            if byte > 0x20, byte < 0x7F {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return bytes
    }
}

/// Opens and closes marked-content sequences as the owner of content changes.
struct MarkedContentTracker {
    private var current: ContentOwner?

    mutating func switchTo(_ owner: ContentOwner, page: Int, content: inout ContentStream, structure: inout StructureTreeBuilder) throws {
        if current == owner { return }
        if case .element(let id) = owner, !structure.isElement(id) { throw PDFWriterError.unknownElement(id, page: page) }
        close(content: &content)
        switch owner {
        case .element(let id):
            let mcid = structure.addMarkedContent(element: id, page: page)
            content.beginElementContent(tag: structure.role(of: id).rawValue, mcid: mcid)
        case .artifact(let kind):
            content.beginArtifact(kind)
        }
        current = owner
    }

    mutating func close(content: inout ContentStream) {
        if current != nil { content.endMarkedContent() }
        current = nil
    }
}
