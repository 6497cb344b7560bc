@testable import AgendaPDF
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// The logo's image reader: PNG of every colour type and bit depth with all
/// five row filters decodes to the samples it was made from, transparency
/// becomes an alpha channel; interlaced, damaged and cut-off files are refused
/// with a reason (never a crash); JPEG's size comes from its frame header.
@Suite struct PDFImageTests {
    /// A test pattern: every sample at depth `depth` from its pixel and channel.
    static func sample(_ x: Int, _ y: Int, _ channel: Int, depth: Int) -> Int {
        (x * 37 + y * 11 + channel * 71 + x * y * 5) % (1 << depth)
    }

    /// The pattern as 8-bit samples, as the decoder gives them.
    static func eightBit(_ value: Int, depth: Int) -> UInt8 {
        switch depth {
        case 16: UInt8(value >> 8)
        case 8: UInt8(value)
        default: UInt8(value * 255 / ((1 << depth) - 1))
        }
    }

    @Test(arguments: [(0, 1), (0, 2), (0, 4), (0, 8), (0, 16), (2, 8), (2, 16), (4, 8), (4, 16), (6, 8), (6, 16)])
    func everyColourTypeAndDepthDecodes(_ format: (colorType: Int, depth: Int)) throws {
        let (colorType, depth) = format
        let channels = [0: 1, 2: 3, 4: 2, 6: 4][colorType] ?? 1
        let width = 13, height = 10
        let rows = (0..<height).map { y in (0..<width).map { x in (0..<channels).map { Self.sample(x, y, $0, depth: depth) } } }
        let png = TestPNG.encode(width: width, height: height, depth: depth, colorType: colorType, rows: rows)
        let image = try RasterImage(reading: png)
        #expect(image.encoding == .flate)
        #expect(image.pixelWidth == width && image.pixelHeight == height)
        let colours = colorType == 0 || colorType == 4 ? 1 : 3
        #expect(image.components == colours)
        let samples = try Inflate.decompress(image.data)
        let expected = rows.flatMap { $0.flatMap { pixel in pixel.prefix(colours).map { Self.eightBit($0, depth: depth) } } }
        #expect(samples == expected)
        if channels == 2 || channels == 4 {
            let alpha = try Inflate.decompress(try #require(image.alpha))
            #expect(alpha == rows.flatMap { $0.map { Self.eightBit($0[channels - 1], depth: depth) } })
        } else {
            #expect(image.alpha == nil, "an opaque image needs no soft mask")
        }
    }

    @Test(arguments: [1, 2, 4, 8]) func paletteImagesTakeTheirColoursAndTransparency(_ depth: Int) throws {
        let entries = 1 << depth
        var palette: [UInt8] = []
        for entry in 0..<entries { palette += [UInt8(entry * 255 / entries), UInt8(255 - entry), UInt8(entry * 7 % 256)] }
        let transparency: [UInt8] = [0, 100, 200].prefix(min(entries, 3)).map { $0 }   // entries past the list are opaque
        let width = 9, height = 4
        let rows = (0..<height).map { y in (0..<width).map { x in [Self.sample(x, y, 0, depth: depth)] } }
        let png = TestPNG.encode(width: width, height: height, depth: depth, colorType: 3, rows: rows, palette: palette, transparency: transparency)
        let image = try RasterImage(reading: png)
        #expect(image.components == 3)
        let indices: [Int] = rows.flatMap { row in row.map { $0[0] } }
        var colours: [UInt8] = []
        var alpha: [UInt8] = []
        for index in indices {
            colours += palette[(3 * index)..<(3 * index + 3)]
            alpha.append(index < transparency.count ? transparency[index] : 255)
        }
        #expect(try Inflate.decompress(image.data) == colours)
        #expect(try Inflate.decompress(try #require(image.alpha)) == alpha)
    }

    @Test func colourKeysMakeTransparentPixels() throws {
        let grey = TestPNG.encode(width: 4, height: 1, depth: 8, colorType: 0, rows: [[[7], [9], [7], [200]]], transparency: [0, 7])
        #expect(try Inflate.decompress(try #require(try RasterImage(reading: grey).alpha)) == [0, 255, 0, 255])
        let rgb = TestPNG.encode(width: 2, height: 1, depth: 16, colorType: 2, rows: [[[1, 2, 3], [1, 2, 4]]], transparency: [0, 1, 0, 2, 0, 3])
        #expect(try Inflate.decompress(try #require(try RasterImage(reading: rgb).alpha)) == [0, 255])
    }

    static let valid = TestPNG.encode(width: 3, height: 2, depth: 8, colorType: 6, rows: [[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]],
                                                                                          [[13, 14, 15, 16], [17, 18, 19, 20], [21, 22, 23, 24]]])

    static func reason(_ bytes: [UInt8]) -> String? {
        do {
            _ = try RasterImage(reading: bytes)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func interlacedAndMalformedFilesAreRefusedWithAReason() {
        var interlaced = Self.valid
        interlaced[28] = 1   // IHDR's interlace byte
        TestPNG.fixCRC(&interlaced, chunkAt: 8)
        #expect(Self.reason(interlaced)?.contains("interlaced") == true)

        var damaged = Self.valid
        damaged[20] ^= 0xFF
        #expect(Self.reason(damaged)?.contains("CRC") == true)

        let badFilter = TestPNG.encode(width: 1, height: 1, depth: 8, colorType: 0, rows: [[[0]]], filters: [7])
        #expect(Self.reason(badFilter)?.contains("filter 7") == true)

        let outOfPalette = TestPNG.encode(width: 1, height: 1, depth: 8, colorType: 3, rows: [[[5]]], palette: [0, 0, 0])
        #expect(Self.reason(outOfPalette)?.contains("palette entry 5") == true)
        #expect(Self.reason(TestPNG.encode(width: 1, height: 1, depth: 8, colorType: 3, rows: [[[0]]]))?.contains("PLTE") == true)
        #expect(Self.reason(TestPNG.encode(width: 1, height: 1, depth: 4, colorType: 2, rows: [[[0, 0, 0]]]))?.contains("does not exist") == true)
        #expect(Self.reason(TestPNG.encode(width: 5000, height: 5000, depth: 8, colorType: 0, rows: []))?.contains("scale it down") == true)
        #expect(Self.reason(TestPNG.encode(width: 4, height: 4, depth: 8, colorType: 0, rows: [[[1]]]))?.contains("need") == true)
        #expect(Self.reason(TestPNG.chunks([("IHDR", TestPNG.header(1, 1, 8, 0)), ("ABCD", []), ("IEND", [])]))?.contains("critical chunk ABCD") == true)
        #expect(Self.reason(Array("GIF89a".utf8))?.contains("neither a PNG nor a JPEG") == true)
        #expect(Self.reason(Array(PDFTestDocuments.tinyJPEG.prefix(30)))?.isEmpty == false)
    }

    /// Every prefix of a valid file (a download cut off anywhere) is refused, none crashes.
    @Test func everyCutOffFileIsRefused() {
        for length in 0..<Self.valid.count {
            #expect(Self.reason(Array(Self.valid.prefix(length))) != nil, "cut at \(length)")
        }
        #expect(Self.reason(Self.valid) == nil)
    }

    /// Seeded random headers and image data (CRCs right, so the decoder's own checks are what is tested):
    /// each file is refused with a reason or gives samples that fill the image.
    @Test func randomFilesAreReadOrRefusedNeverTrap() throws {
        var generator = SeededRandom(seed: 9)
        var decoded = 0
        for _ in 0..<400 {
            let colorType = [0, 2, 3, 4, 6, 1, 7].randomElement(using: &generator) ?? 0
            let depth = [1, 2, 4, 8, 16, 3].randomElement(using: &generator) ?? 8
            let width = Int.random(in: 1...20, using: &generator), height = Int.random(in: 1...20, using: &generator)
            // mostly exactly the size the header asks, so rows get unfiltered and sampled
            let channels = [2: 3, 4: 2, 6: 4][colorType] ?? 1
            let exact = height * ((width * channels * depth + 7) / 8 + 1)
            let size = Int.random(in: 0...2, using: &generator) > 0 ? exact : Int.random(in: 0...900, using: &generator)
            var raw = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if size == exact, Int.random(in: 0...9, using: &generator) > 0 {
                for start in stride(from: 0, to: size, by: exact / height) { raw[start] %= 5 }   // filter types that exist
            }
            var list: [(String, [UInt8])] = [("IHDR", TestPNG.header(width, height, depth, colorType))]
            if Bool.random(using: &generator) { list.append(("PLTE", Array(raw.prefix(3 * Int.random(in: 0...256, using: &generator))))) }
            if Bool.random(using: &generator) { list.append(("tRNS", Array(raw.suffix(Int.random(in: 0...7, using: &generator))))) }
            list += [("IDAT", Deflate.compress(raw)), ("IEND", [])]
            guard let image = try? RasterImage(reading: TestPNG.chunks(list)) else { continue }
            decoded += 1
            #expect(try Inflate.decompress(image.data).count == width * height * image.components)
            if let alpha = image.alpha { #expect(try Inflate.decompress(alpha).count == width * height) }
        }
        #expect(decoded > 20, "too few random files decoded to test much: \(decoded)")
    }

    @Test func jpegKeepsItsBytesAndGivesItsSize() throws {
        let image = try RasterImage(reading: PDFTestDocuments.tinyJPEG)
        #expect(image.encoding == .jpeg && image.data == PDFTestDocuments.tinyJPEG)
        #expect(image.pixelWidth == 1 && image.pixelHeight == 1 && image.components == 1 && image.alpha == nil)
    }

    /// The writer's XObject for a PNG: FlateDecode samples and a grey /SMask.
    @Test func pngIsWrittenWithASoftMask() throws {
        var document = PDFTestDocuments.withoutText()
        document.pages[0].images[0].image = try RasterImage(reading: Self.valid)
        let text = PDFTestParsing.string(try PDFWriter(fonts: { BundledFonts.face($0) }).write(document))
        #expect(text.contains("/Width 3/Height 2/ColorSpace /DeviceRGB/BitsPerComponent 8/Filter /FlateDecode/SMask "))
        #expect(text.contains("/Width 3/Height 2/ColorSpace /DeviceGray/BitsPerComponent 8/Filter /FlateDecode/Length"))
    }
}

/// Writes PNG files for the tests: any colour type and depth, each row with its own filter (0–4 in turn by default).
enum TestPNG {
    static func encode(width: Int, height: Int, depth: Int, colorType: Int, rows: [[[Int]]], filters: [UInt8]? = nil,
                       palette: [UInt8]? = nil, transparency: [UInt8]? = nil) -> [UInt8] {
        var raw: [UInt8] = []
        var previous: [UInt8] = []
        for (y, row) in rows.enumerated() {
            var bits = BitPacker()
            for pixel in row { for value in pixel { bits.append(value, depth: depth) } }
            let bytes = bits.bytes
            let filter = filters.map { $0[y % $0.count] } ?? UInt8(y % 5)
            let back = max(1, (row.first?.count ?? 1) * depth / 8)
            raw.append(filter)
            raw += apply(filter, bytes, previous: previous.isEmpty ? Array(repeating: 0, count: bytes.count) : previous, back: back)
            previous = bytes
        }
        var list: [(String, [UInt8])] = [("IHDR", header(width, height, depth, colorType))]
        if let palette { list.append(("PLTE", palette)) }
        if let transparency { list.append(("tRNS", transparency)) }
        list += [("IDAT", Deflate.compress(raw)), ("IEND", [])]
        return chunks(list)
    }

    static func header(_ width: Int, _ height: Int, _ depth: Int, _ colorType: Int) -> [UInt8] {
        be32(width) + be32(height) + [UInt8(depth), UInt8(colorType), 0, 0, 0]
    }

    static func chunks(_ list: [(String, [UInt8])]) -> [UInt8] {
        var out = PNGDecoder.signature
        for (type, body) in list {
            let typed = Array(type.utf8) + body
            out += be32(body.count) + typed + be32(Int(CRC32.checksum(typed)))
        }
        return out
    }

    static func fixCRC(_ bytes: inout [UInt8], chunkAt start: Int) {
        let length = Int(PNGDecoder.bigEndian32(bytes, start))
        let crc = be32(Int(CRC32.checksum(bytes[(start + 4)..<(start + 8 + length)])))
        bytes.replaceSubrange((start + 8 + length)..<(start + 12 + length), with: crc)
    }

    static func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }

    static func apply(_ filter: UInt8, _ row: [UInt8], previous: [UInt8], back: Int) -> [UInt8] {
        row.indices.map { index in
            let left = index >= back ? Int(row[index - back]) : 0
            let up = Int(previous[index])
            let upperLeft = index >= back ? Int(previous[index - back]) : 0
            let predicted: Int
            switch filter {
            case 1: predicted = left
            case 2: predicted = up
            case 3: predicted = (left + up) / 2
            case 4: predicted = Int(PNGDecoder.paeth(UInt8(left), UInt8(up), UInt8(upperLeft)))
            default: predicted = 0
            }
            return UInt8(truncatingIfNeeded: Int(row[index]) - predicted)
        }
    }

    struct BitPacker {
        var bytes: [UInt8] = []
        var used = 8
        mutating func append(_ value: Int, depth: Int) {
            if depth == 16 { bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]; return }
            if depth == 8 { bytes.append(UInt8(value)); return }
            if used + depth > 8 { bytes.append(0); used = 0 }
            bytes[bytes.count - 1] |= UInt8(value << (8 - depth - used))
            used += depth
        }
    }
}

/// The house style's logo on the first page: above the title, within 144 × 48 pt with its
/// proportions, a `Figure` with the municipality's name as `/Alt`, or an artifact without a name.
@Suite struct PDFLogoLayoutTests {
    static let logo = Golden.samples.appendingPathComponent("styles/logo.png")

    static func layout(_ text: String) throws -> LaidOutDocument {
        var style = HouseStyle.standard
        style.html.logoImage = try RasterImage(reading: Golden.bytes(logo))
        return PDFLayout.document(AnalyzedDocument(text: text).meeting, options: RenderOptions(style: style), faces: SimpleMetrics.faces)
    }

    @Test func theLogoIsAFigureNamedForTheMunicipality() throws {
        let document = try Self.layout("kommune: Testrup Kommune\nmøde: Byrådet\ndato: 2026-05-04\n\npunkt 1: Budget\nresume:\nTekst.\n")
        let images = document.pages[0].images
        try #require(images.count == 1)
        #expect(document.pages.dropFirst().allSatisfy { $0.images.isEmpty })
        let frame = images[0].frame
        #expect(abs(frame.width - 144) < 0.01 && abs(frame.height - 48) < 0.01, "120 × 40 pixels fill the 144 × 48 box: \(frame)")
        let titleBaseline = try #require(document.pages[0].texts.first { $0.text.contains("Testrup") }).y
        #expect(frame.y > titleBaseline, "the logo stands above the first line")
        guard case .element(let id) = images[0].owner else {
            Issue.record("the logo is an artifact though the municipality is known")
            return
        }
        #expect(document.structure[id].role == .figure && document.structure[id].alternateText == "Testrup Kommune")
        #expect(document.structure[id].parent == 0 && id < 2, "the figure comes first in reading order")
        PDFLayoutTests.checkInvariants(document)
    }

    @Test func withoutAMunicipalityTheLogoIsDecoration() throws {
        let document = try Self.layout("møde: Byrådet\ndato: 2026-05-04\n\npunkt 1: Budget\nresume:\nTekst.\n")
        #expect(document.pages[0].images.map(\.owner) == [.artifact(.layout)])
        #expect(!document.structure.contains { $0.role == .figure })
    }
}
