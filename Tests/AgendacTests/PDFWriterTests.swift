import AgendaPDF
import Foundation
import Testing

@Suite struct PDFWriterTests {
    let writer = PDFWriter(fonts: { _ in nil })

    @Test func writesATaggedFileWithCatalogEntriesAndStructure() throws {
        let bytes = try writer.write(PDFTestDocuments.withoutText())
        let text = PDFTestParsing.string(bytes)
        #expect(text.hasPrefix("%PDF-1.7\n"))
        #expect(text.hasSuffix("%%EOF\n"))
        for entry in ["/MarkInfo <</Marked true>>", "/Lang (da-DK)", "/ViewerPreferences <</DisplayDocTitle true>>",
                      "/StructTreeRoot", "/Tabs /S", "/StructParents 0", "/S /Figure", "/Alt (Kommunens logo)",
                      "/Figure <</MCID 0>> BDC", "/Artifact <</Type /Layout>> BDC", "/Filter /DCTDecode",
                      "<pdfuaid:part>1</pdfuaid:part>", "/Nums [0 ["] {
            #expect(text.contains(entry), "missing \(entry)")
        }
        #expect(!text.contains("pdfaid:part"))
        #expect(!text.contains("/OutputIntents"))
        let offsets = try PDFTestParsing.crossReferenceOffsets(bytes)
        for (index, offset) in offsets.enumerated() {
            #expect(PDFTestParsing.text(bytes, from: offset, count: 12).hasPrefix("\(index + 1) 0 obj"))
        }
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let first = try writer.write(PDFTestDocuments.withoutText())
        let second = try writer.write(PDFTestDocuments.withoutText())
        #expect(first == second)
        var changed = PDFTestDocuments.withoutText()
        changed.metadata.title = "Andet"
        let third = try writer.write(changed)
        let id = { (bytes: [UInt8]) in PDFTestParsing.string(bytes).components(separatedBy: "/ID [").last ?? "" }
        #expect(id(first) != id(third))
    }

    @Test func archivalAddsPDFAIdentificationAndAnSRGBOutputIntent() throws {
        var document = PDFTestDocuments.withoutText()
        document.archival = true
        let text = PDFTestParsing.string(try writer.write(document))
        #expect(text.contains("<pdfaid:part>2</pdfaid:part>"))
        #expect(text.contains("<pdfaid:conformance>A</pdfaid:conformance>"))
        #expect(text.contains("/S /GTS_PDFA1"))
        #expect(text.contains("/OutputConditionIdentifier (sRGB IEC61966-2.1)"))
        #expect(text.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"))
    }

    @Test func srgbProfileHeaderIsAValidDisplayProfile() {
        let profile = SRGBProfile.bytes
        let size = profile.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        #expect(size == profile.count)
        #expect(String(decoding: profile[12..<24], as: UTF8.self) == "mntrRGB XYZ ")
        #expect(String(decoding: profile[36..<40], as: UTF8.self) == "acsp")
        #expect(profile.count % 4 == 0)
    }

    @Test func badInputIsRefusedWithAReason() {
        var noPages = PDFTestDocuments.withoutText()
        noPages.pages = []
        #expect(throws: PDFWriterError.noPages) { try writer.write(noPages) }

        var orphan = PDFTestDocuments.withoutText()
        orphan.structure.append(StructureElement(role: .p, parent: 7))
        #expect(throws: PDFWriterError.self) { try writer.write(orphan) }

        var unknownOwner = PDFTestDocuments.withoutText()
        unknownOwner.pages[0].rules.append(RuleLine(x1: 0, y1: 0, x2: 1, y2: 1, width: 1, owner: .element(99)))
        #expect(throws: PDFWriterError.unknownElement(99, page: 0)) { try writer.write(unknownOwner) }

        var badLink = PDFTestDocuments.withoutText()
        badLink.structure.append(StructureElement(role: .link, parent: 0))
        badLink.pages[0].links.append(LinkArea(rect: PDFRect(x: 0, y: 0, width: 1, height: 1), target: .page(index: 4, top: 0),
                                               element: badLink.structure.count - 1, description: "x"))
        #expect(throws: PDFWriterError.pageOutOfRange(4, what: "a link")) { try writer.write(badLink) }

        var badImage = PDFTestDocuments.withoutText()
        badImage.pages[0].images[0].components = 2
        #expect(throws: PDFWriterError.self) { try writer.write(badImage) }

        var noFont = PDFTestDocuments.withoutText()
        noFont.pages[0].texts.append(TextRun(text: "x", x: 0, y: 0, face: .bold, size: 10, owner: .element(0)))
        #expect(throws: PDFWriterError.noFont(.bold)) { try writer.write(noFont) }

        var badOutline = PDFTestDocuments.withoutText()
        badOutline.outline = [OutlineEntry(title: "a", parent: 0, pageIndex: 0, top: 0)]
        #expect(throws: PDFWriterError.outline(0, "its parent must come before it in the list")) { try writer.write(badOutline) }
    }
}
