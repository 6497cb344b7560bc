// The PDF writer on laid-out documents made from the input bytes: any
// structure (parents before or after, missing), owners, links, outline
// entries, text with any characters. The writer either refuses with a
// `PDFWriterError` or writes a file whose cross-reference entries point at
// their objects, and writes the same bytes twice.
import AgendaPDF

func fuzzPDFWriter(_ input: UnsafeBufferPointer<UInt8>) {
    var reader = FuzzByteReader(Array(input))
    let document = reader.laidOutDocument()
    let writer = PDFWriter.standard
    guard let first = try? writer.write(document) else { return }
    guard let again = try? writer.write(document), again == first else {
        propertyFailed("the same document gave different bytes or failed the second time")
    }
    let text = String(decoding: first, as: UTF8.self)
    guard text.hasPrefix("%PDF-1.7\n"), text.hasSuffix("%%EOF\n"),
          let marker = text.range(of: "startxref\n", options: .backwards),
          let start = Int(text[marker.upperBound...].prefix { $0.isNumber }) else {
        propertyFailed("no header, trailer or startxref")
    }
    var number = 0
    for line in first[start...].split(separator: 0x0A).dropFirst(3) {
        guard line.count == 19, line[line.startIndex + 17] == UInt8(ascii: "n"), let offset = Int(String(decoding: line.prefix(10), as: UTF8.self)) else { break }
        number += 1
        let head = Array("\(number) 0 obj".utf8)
        guard offset >= 0, offset + head.count <= first.count, Array(first[offset..<offset + head.count]) == head else {
            propertyFailed("xref entry \(number) points at offset \(offset), not at its object")
        }
    }
}

/// Reads small numbers and strings from the fuzz input, then zeros.
struct FuzzByteReader {
    private let bytes: [UInt8]
    private var position = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> Int {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return Int(bytes[position])
    }

    mutating func number(_ scale: Double) -> Double { Double(byte() * 256 + byte()) / 65535 * scale - scale / 8 }

    mutating func string() -> String {
        let count = byte() % 24
        let end = min(bytes.count, position + count)
        defer { position = end }
        return String(decoding: bytes[min(position, end)..<end], as: UTF8.self)
    }

    mutating func owner(elements: Int) -> ContentOwner {
        let value = byte()
        if value % 5 == 0 { return .artifact(value % 2 == 0 ? .pagination : .layout) }
        return .element(value % (elements + 2) - 1)
    }

    mutating func laidOutDocument() -> LaidOutDocument {
        let roles: [StructureRole] = [.sect, .h1, .h2, .p, .l, .li, .lbl, .lBody, .table, .tr, .th, .td, .link, .toc, .toci, .figure, .span]
        var structure = [StructureElement(role: .document, parent: nil)]
        for index in 1..<(1 + byte() % 24) {
            let parent = byte() % (index + 1) - (byte() % 16 == 0 ? 3 : 0)
            let scope: StructureElement.HeaderScope? = byte() % 3 == 0 ? .column : nil
            structure.append(StructureElement(role: roles[byte() % roles.count], parent: parent, alternateText: byte() % 4 == 0 ? string() : nil,
                                              scope: scope, title: byte() % 4 == 0 ? string() : nil))
        }
        var pages: [LaidOutPage] = []
        for _ in 0..<(byte() % 4) {
            var page = LaidOutPage()
            for _ in 0..<(byte() % 8) {
                page.texts.append(TextRun(text: string(), x: number(600), y: number(850), face: FontFace(rawValue: byte() % 4) ?? .regular,
                                          size: number(30), owner: owner(elements: structure.count)))
            }
            for _ in 0..<(byte() % 3) {
                page.rules.append(RuleLine(x1: number(600), y1: number(850), x2: number(600), y2: number(850), width: number(3),
                                           owner: owner(elements: structure.count)))
            }
            for _ in 0..<(byte() % 3) {
                let target: LinkArea.Target = byte() % 2 == 0 ? .uri(string()) : .page(index: byte() % 5, top: number(850))
                page.links.append(LinkArea(rect: PDFRect(x: number(600), y: number(850), width: number(100), height: number(20)),
                                           target: target, element: byte() % (structure.count + 1), description: string()))
            }
            pages.append(page)
        }
        var outline: [OutlineEntry] = []
        for index in 0..<(byte() % 6) {
            outline.append(OutlineEntry(title: string(), parent: byte() % 3 == 0 ? nil : byte() % (index + 1), pageIndex: byte() % 4, top: number(850)))
        }
        let metadata = DocumentMetadata(title: string(), author: string(), subject: string(), keywords: [string()], language: string(),
                                        creationDate: PDFDate(year: byte() * 40, month: byte(), day: byte(), hour: byte(), minute: byte(),
                                                              utcOffsetMinutes: byte() * 8 - 1000),
                                        producer: string())
        return LaidOutDocument(metadata: metadata, pages: pages, structure: structure, outline: outline, archival: byte() % 2 == 0)
    }
}
