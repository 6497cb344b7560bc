import AgendaPDF
import Testing

@Suite struct PDFObjectTests {
    private func written(_ object: PDFObject) -> String {
        var serializer = PDFSerializer()
        serializer.write(object)
        return String(decoding: serializer.bytes, as: UTF8.self)
    }

    @Test func numbersAreDeterministicWithoutExponents() {
        #expect(PDFSerializer.format(0) == "0")
        #expect(PDFSerializer.format(-0.00001) == "0")
        #expect(PDFSerializer.format(595.276) == "595.276")
        #expect(PDFSerializer.format(0.1 + 0.2) == "0.3")
        #expect(PDFSerializer.format(-12.5) == "-12.5")
        #expect(PDFSerializer.format(0.00005) == "0.0001")
        #expect(PDFSerializer.format(1e20) == "0")
        #expect(PDFSerializer.format(.nan) == "0")
        #expect(PDFSerializer.format(.infinity) == "0")
        #expect(written(.number(12)) == "12")
        #expect(written(.number(1.05)) == "1.05")
    }

    @Test func namesEscapeDelimitersAndNonASCII() {
        #expect(written(.name("Type")) == "/Type")
        #expect(written(.name("A B#(x)")) == "/A#20B#23#28x#29")
        #expect(written(.name("Æ")) == "/#C3#86")
    }

    @Test func literalStringsEscapeParenthesesBackslashesAndControls() {
        #expect(written(.ascii("a(b)c\\d")) == "(a\\(b\\)c\\\\d)")
        #expect(written(.ascii("line\nbreak\r\u{1}")) == "(line\\nbreak\\r\\001)")
    }

    @Test func textStringsUsePDFDocEncodingOrUTF16() {
        // æøå are in PDFDocEncoding (same bytes as Latin-1)
        #expect(PDFTextEncoding.textStringBytes("æøå") == [0xE6, 0xF8, 0xE5])
        // the en dash is not (PDFDocEncoding puts other characters at 0x80–0x9F): UTF-16BE with BOM
        #expect(PDFTextEncoding.textStringBytes("a–b") == [0xFE, 0xFF, 0x00, 0x61, 0x20, 0x13, 0x00, 0x62])
        // outside the BMP: a surrogate pair
        #expect(PDFTextEncoding.textStringBytes("😀") == [0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00])
        // the soft hyphen is undefined in PDFDocEncoding
        #expect(PDFTextEncoding.textStringBytes("\u{AD}").prefix(2) == [0xFE, 0xFF])
    }

    @Test func dictionariesKeepInsertionOrderAndReplaceInPlace() {
        var dictionary = PDFDictionary()
        dictionary["Type"] = .name("Page")
        dictionary["Count"] = .integer(1)
        dictionary["Type"] = .name("Pages")
        dictionary["Gone"] = .null
        dictionary["Gone"] = nil
        #expect(written(.dictionary(dictionary)) == "<</Type /Pages/Count 1>>")
        #expect(written(.array([.integer(1), .reference(PDFReference(3)), .hexString([0xAB, 0x01]), .bool(true), .null]))
                == "[1 3 0 R <AB01> true null]")
    }

    /// Every cross-reference entry points at its object, and `startxref` at the table.
    @Test func crossReferenceOffsetsPointAtTheirObjects() throws {
        var file = PDFFile()
        let catalog = file.allocate()
        let pages = file.add(.dictionary(PDFDictionary(["Type": .name("Pages"), "Kids": .array([]), "Count": .integer(0)])))
        file.addStream(PDFDictionary(), data: Array("stream (with) bytes\n".utf8))
        file.set(catalog, .dictionary(PDFDictionary(["Type": .name("Catalog"), "Pages": .reference(pages)])))
        let bytes = file.serialized(root: catalog, info: nil)
        let offsets = try PDFTestParsing.crossReferenceOffsets(bytes)
        #expect(offsets.count == 3)
        for (index, offset) in offsets.enumerated() {
            #expect(PDFTestParsing.text(bytes, from: offset, count: 8).hasPrefix("\(index + 1) 0 obj"))
        }
        #expect(PDFTestParsing.string(bytes).contains("/Length 20"))
        #expect(file.serialized(root: catalog, info: nil) == bytes)
    }
}

/// Just enough PDF reading for tests of the writer's own output.
enum PDFTestParsing {
    struct Failure: Error { let message: String }

    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func text(_ bytes: [UInt8], from offset: Int, count: Int) -> String {
        guard offset >= 0, offset < bytes.count else { return "" }
        return String(decoding: bytes[offset..<min(bytes.count, offset + count)], as: UTF8.self)
    }

    /// The in-use offsets of the cross-reference table found through `startxref`.
    static func crossReferenceOffsets(_ bytes: [UInt8]) throws -> [Int] {
        let whole = String(decoding: bytes, as: Unicode.ASCII.self)
        guard let marker = whole.range(of: "startxref\n", options: .backwards),
              let start = Int(whole[marker.upperBound...].prefix { $0.isNumber }) else { throw Failure(message: "no startxref") }
        guard text(bytes, from: start, count: 4) == "xref" else { throw Failure(message: "startxref does not point at xref") }
        var offsets: [Int] = []
        // lines end in "\r\n" here, one Character in Swift: split the bytes instead
        for line in bytes[start...].split(separator: 0x0A).dropFirst(2) {
            let entry = String(decoding: line, as: Unicode.ASCII.self)
            if entry.hasPrefix("trailer") { break }
            if entry.unicodeScalars.count == 19, entry.unicodeScalars.dropFirst(17).first == "n" { offsets.append(Int(entry.prefix(10)) ?? -1) }
        }
        return offsets
    }
}
