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
        badImage.pages[0].images[0].image.components = 2
        #expect(throws: PDFWriterError.self) { try writer.write(badImage) }

        var cmykArchival = PDFTestDocuments.withoutText()
        cmykArchival.archival = true
        cmykArchival.pages[0].images[0].image.components = 4
        #expect(throws: PDFWriterError.self) { try writer.write(cmykArchival) }

        var noFont = PDFTestDocuments.withoutText()
        noFont.pages[0].texts.append(TextRun(text: "x", x: 0, y: 0, face: .bold, size: 10, owner: .element(0)))
        #expect(throws: PDFWriterError.noFont(.bold)) { try writer.write(noFont) }

        var badOutline = PDFTestDocuments.withoutText()
        badOutline.outline = [OutlineEntry(title: "a", parent: 0, pageIndex: 0, top: 0)]
        #expect(throws: PDFWriterError.outline(0, "its parent must come before it in the list")) { try writer.write(badOutline) }
    }
}

@Suite struct PDFWriterTextTests {
    /// Uncompressed, so that the tests can read the content streams.
    let writer = PDFWriter(fonts: { BundledFonts.face($0) })

    @Test func eachFaceIsOneType0FontWithSubsetProgramWidthsAndToUnicode() throws {
        let text = PDFTestParsing.string(try writer.write(PDFTestDocuments.minutes()))
        for (face, name) in [("F1", "LiberationSans"), ("F2", "LiberationSans-Bold"), ("F3", "LiberationSans-Italic")] {
            #expect(text.contains("/\(face) "), "no resource \(face)")
            #expect(text.components(separatedBy: "+\(name)/").count - 1 >= 1)
        }
        #expect(text.components(separatedBy: "/Subtype /Type0").count - 1 == 3)
        #expect(text.components(separatedBy: "/Subtype /CIDFontType2").count - 1 == 3)
        #expect(text.components(separatedBy: "/FontFile2 ").count - 1 == 3)
        #expect(text.components(separatedBy: "/ToUnicode ").count - 1 == 3)
        #expect(text.contains("/CIDToGIDMap /Identity"))
        #expect(text.contains("/Encoding /Identity-H"))
        #expect(text.contains("/Registry (Adobe)/Ordering (Identity)/Supplement 0"))
        #expect(text.contains("/W ["))
        // æøå are glyphs of the font, drawn as two-byte codes
        #expect(text.contains("> Tj"))
    }

    /// 𝄞 and 😀 are not in the font: drawn as `?`, their text kept as UTF-16BE `/ActualText`.
    @Test func charactersTheFontLacksKeepTheirTextInActualText() throws {
        let bytes = try writer.write(PDFTestDocuments.minutes())
        // " h…" in UTF-16BE after the byte order mark, control bytes as octal escapes
        let actualText: [UInt8] = Array("/Span <</ActualText (".utf8) + [0xFE, 0xFF] + Array("\\000 \\000h".utf8)
        #expect(bytes.firstRange(of: actualText) != nil)
        #expect(bytes.firstRange(of: [0xD8, 0x34, 0xDD] + Array("\\036".utf8)) != nil, "𝄞 as a surrogate pair")
    }

    /// A paragraph's kids interleave its own marked content with a child link
    /// in content order; the link holds its content and its annotation (OBJR).
    @Test func kidsFollowContentOrderWithChildrenMergedIn() throws {
        var b = PDFTestDocuments.Builder()
        let paragraph = b.element(.p, in: 0)
        let link = b.element(.link, in: paragraph)
        b.text("Se ", owner: .element(paragraph), advance: false)
        b.text("siden", x: 90, owner: .element(link), advance: false)
        b.link(.uri("https://example.dk"), element: link, x: 90, width: 30, description: "Åbn siden")
        b.text(" for mere.", x: 120, owner: .element(paragraph))
        let text = PDFTestParsing.string(try writer.write(b.document()))
        let paragraphObject = try #require(text.components(separatedBy: "endobj").first { $0.contains("/S /P/") })
        let linkObject = try #require(text.components(separatedBy: "endobj").first { $0.contains("/S /Link/") })
        #expect(paragraphObject.range(of: #"/K \[0 \d+ 0 R 2\]"#, options: .regularExpression) != nil, "\(paragraphObject)")
        #expect(linkObject.range(of: #"/K \[1 <</Type /OBJR/Pg \d+ 0 R/Obj \d+ 0 R>>\]"#, options: .regularExpression) != nil, "\(linkObject)")
        #expect(text.contains("/P <</MCID 0>> BDC"))
        #expect(text.contains("/Link <</MCID 1>> BDC"))
        #expect(text.contains("/StructParent 1"))
        #expect(try PDFWriter(fonts: { BundledFonts.face($0) }).write(b.document()).firstRange(of: Array("/Contents (".utf8) + [0xC5] + Array("bn siden)".utf8)) != nil)
    }

    @Test func pagesContentSpreadOverPagesUsesMarkedContentReferences() throws {
        var b = PDFTestDocuments.Builder()
        let paragraph = b.element(.p, in: 0)
        b.text("Første del", owner: .element(paragraph))
        b.newPage()
        b.text("anden del", owner: .element(paragraph))
        let text = PDFTestParsing.string(try writer.write(b.document()))
        #expect(text.range(of: #"/K \[0 <</Type /MCR/Pg \d+ 0 R/MCID 0>>\]"#, options: .regularExpression) != nil)
        #expect(text.contains("/Nums [0 ["))
        #expect(text.contains(" 1 ["))
    }

    @Test func compressedOutputIsSmallerAndStillDeterministic() throws {
        let plain = try writer.write(PDFTestDocuments.minutes())
        let compressed = try PDFWriter.write(PDFTestDocuments.minutes())
        #expect(compressed.count < plain.count)
        #expect(try PDFWriter.write(PDFTestDocuments.minutes()) == compressed)
        #expect(PDFTestParsing.string(compressed).contains("/Filter /FlateDecode"))
    }

    @Test func outlineEntriesAreLinkedAndCounted() throws {
        let text = PDFTestParsing.string(try writer.write(PDFTestDocuments.minutes()))
        #expect(text.contains("/Type /Outlines"))
        #expect(text.contains("/PageMode /UseOutlines"))
        #expect(text.contains("/Count 3"))   // three entries in all, all open
        #expect(text.contains("/Count 1"))   // the second item has one child
        #expect(text.range(of: #"/Dest \[\d+ 0 R /XYZ null [\d.]+ null\]"#, options: .regularExpression) != nil)
    }
}
