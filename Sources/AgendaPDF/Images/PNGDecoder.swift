// PNG (ISO/IEC 15948) to the writer's 8-bit samples: chunks checked with
// their CRC, IDAT inflated with `Inflate` up to the size the header promises,
// the five row filters undone, every colour type and bit depth brought to
// 8-bit grey or RGB, and transparency (an alpha channel or tRNS) kept as a
// separate alpha channel for the /SMask. Interlaced files are refused: they
// are rare for logos, and saving without interlacing is one click.

enum PNGDecoder {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    struct Header {
        var width: Int, height: Int
        var bitDepth: Int, colorType: Int
        /// Samples per pixel in the file: grey 1, RGB 3, palette 1, grey+alpha 2, RGBA 4.
        var channels: Int {
            switch colorType {
            case 2: 3
            case 4: 2
            case 6: 4
            default: 1
            }
        }
        var bytesPerRow: Int { (width * channels * bitDepth + 7) / 8 }
        /// The distance the Sub, Average and Paeth filters look back: a whole pixel, at least a byte.
        var filterDistance: Int { max(1, channels * bitDepth / 8) }
    }

    struct Chunks {
        var header: Header?
        var palette: [UInt8] = []
        var transparency: [UInt8]?
        var data: [UInt8] = []
    }

    static func decode(_ bytes: [UInt8]) throws(ImageError) -> RasterImage {
        let chunks = try readChunks(bytes)
        guard let header = chunks.header else { throw ImageError("the PNG has no header (IHDR) chunk") }
        if header.colorType == 3 && chunks.palette.isEmpty { throw ImageError("a palette PNG without its palette (PLTE chunk)") }
        guard !chunks.data.isEmpty else { throw ImageError("the PNG has no image data (IDAT chunk)") }
        let expected = header.height * (header.bytesPerRow + 1)
        let inflated: [UInt8]
        do {
            inflated = try Inflate.decompress(chunks.data, limit: expected)
        } catch {
            throw ImageError("the PNG's image data is damaged (\(error))")
        }
        guard inflated.count == expected else {
            throw ImageError("the PNG's image data has \(inflated.count) bytes; \(header.width) × \(header.height) pixels need \(expected)")
        }
        var pixels = PixelSink(header: header, palette: chunks.palette, transparency: chunks.transparency)
        try unfilter(inflated, header: header) { row, y throws(ImageError) in try pixels.add(row, y: y) }
        let components = header.colorType == 0 || header.colorType == 4 ? 1 : 3
        return RasterImage(encoding: .flate, data: Deflate.compress(pixels.samples), pixelWidth: header.width, pixelHeight: header.height,
                           components: components, alpha: pixels.translucent ? Deflate.compress(pixels.alpha) : nil)
    }

    static func readChunks(_ bytes: [UInt8]) throws(ImageError) -> Chunks {
        var chunks = Chunks()
        var position = signature.count
        while true {
            guard position + 12 <= bytes.count else { throw ImageError("the PNG file is cut off at byte \(position) (no IEND chunk)") }
            let length = Int(bigEndian32(bytes, position))
            guard length <= bytes.count - position - 12 else { throw ImageError("a PNG chunk at byte \(position) runs past the end of the file") }
            let typeBytes = bytes[(position + 4)..<(position + 8)]
            let type = String(decoding: typeBytes, as: UTF8.self)
            let body = Array(bytes[(position + 8)..<(position + 8 + length)])
            guard CRC32.checksum(bytes[(position + 4)..<(position + 8 + length)]) == bigEndian32(bytes, position + 8 + length) else {
                throw ImageError("the PNG chunk \(type) at byte \(position) fails its CRC check (the file is damaged)")
            }
            switch type {
            case "IHDR":
                guard chunks.header == nil, position == signature.count else { throw ImageError("the PNG header (IHDR) is not the first chunk") }
                chunks.header = try header(body)
            case "PLTE":
                guard chunks.header != nil, chunks.data.isEmpty else { throw ImageError("the PNG palette (PLTE) stands out of place") }
                guard length % 3 == 0, (3...768).contains(length) else { throw ImageError("the PNG palette has \(length) bytes; it holds 1 to 256 RGB entries") }
                chunks.palette = body
            case "tRNS":
                guard chunks.header != nil, chunks.data.isEmpty else { throw ImageError("the PNG transparency (tRNS) stands out of place") }
                chunks.transparency = body
            case "IDAT":
                guard chunks.header != nil else { throw ImageError("PNG image data (IDAT) before the header") }
                chunks.data += body
            case "IEND":
                return chunks
            default:
                // a critical chunk (capital first letter) changes how the image reads: one unknown cannot be skipped
                if let first = typeBytes.first, (0x41...0x5A).contains(first) {
                    throw ImageError("the PNG has a critical chunk \(type) this reader does not know")
                }
            }
            position += 12 + length
        }
    }

    static func header(_ body: [UInt8]) throws(ImageError) -> Header {
        guard body.count == 13 else { throw ImageError("the PNG header (IHDR) has \(body.count) bytes, not 13") }
        let width = Int(bigEndian32(body, 0)), height = Int(bigEndian32(body, 4))
        let bitDepth = Int(body[8]), colorType = Int(body[9])
        guard width > 0, height > 0, width < 1 << 31, height < 1 << 31 else { throw ImageError("the PNG's size is \(width) × \(height) pixels") }
        guard width <= RasterImage.maximumPixels / height else {
            throw ImageError("\(width) × \(height) pixels is more than a logo needs (at most \(RasterImage.maximumPixels) pixels); scale it down")
        }
        let depths: [Int: [Int]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard let allowed = depths[colorType] else { throw ImageError("PNG colour type \(colorType) does not exist (0, 2, 3, 4 or 6)") }
        guard allowed.contains(bitDepth) else { throw ImageError("PNG colour type \(colorType) with \(bitDepth) bits per sample does not exist") }
        guard body[10] == 0, body[11] == 0 else { throw ImageError("the PNG names an unknown compression or filter method") }
        switch body[12] {
        case 0: break
        case 1: throw ImageError("the PNG is interlaced (Adam7), which is not supported; save it again without interlacing")
        default: throw ImageError("the PNG names an unknown interlace method \(body[12])")
        }
        return Header(width: width, height: height, bitDepth: bitDepth, colorType: colorType)
    }

    /// Undoes the row filters (None, Sub, Up, Average, Paeth), handing on each row's bytes.
    static func unfilter(_ data: [UInt8], header: Header, row handle: ([UInt8], Int) throws(ImageError) -> Void) throws(ImageError) {
        let count = header.bytesPerRow
        let back = header.filterDistance
        var previous = [UInt8](repeating: 0, count: count)
        var current = previous
        for y in 0..<header.height {
            let start = y * (count + 1)
            let filter = data[start]
            for index in 0..<count { current[index] = data[start + 1 + index] }
            switch filter {
            case 0: break
            case 1:
                for index in stride(from: back, to: count, by: 1) { current[index] &+= current[index - back] }
            case 2:
                for index in 0..<count { current[index] &+= previous[index] }
            case 3:
                for index in 0..<count {
                    let left = index >= back ? Int(current[index - back]) : 0
                    current[index] &+= UInt8((left + Int(previous[index])) / 2)
                }
            case 4:
                for index in 0..<count {
                    let left = index >= back ? current[index - back] : 0
                    let upperLeft = index >= back ? previous[index - back] : 0
                    current[index] &+= paeth(left, previous[index], upperLeft)
                }
            default:
                throw ImageError("PNG row \(y + 1) names filter \(filter); there are five (0 to 4)")
            }
            try handle(current, y)
            swap(&previous, &current)
        }
    }

    static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    static func bigEndian32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
    }
}

/// Collects unfiltered rows as 8-bit grey or RGB samples and an alpha channel.
struct PixelSink {
    let header: PNGDecoder.Header
    let palette: [UInt8]
    let transparency: [UInt8]?
    var samples: [UInt8] = []
    var alpha: [UInt8] = []
    /// Whether any pixel is not fully opaque (else no /SMask is written).
    var translucent = false

    init(header: PNGDecoder.Header, palette: [UInt8], transparency: [UInt8]?) {
        self.header = header
        self.palette = palette
        self.transparency = transparency
        let pixels = header.width * header.height
        samples.reserveCapacity(pixels * (header.colorType == 0 || header.colorType == 4 ? 1 : 3))
        alpha.reserveCapacity(pixels)
    }

    /// Sample `channel` of pixel `x` at the file's depth (16-bit samples whole).
    func sample(_ row: [UInt8], _ x: Int, _ channel: Int) -> Int {
        let depth = header.bitDepth
        switch depth {
        case 16:
            let at = (x * header.channels + channel) * 2
            return Int(row[at]) << 8 | Int(row[at + 1])
        case 8:
            return Int(row[x * header.channels + channel])
        default:
            let bit = x * depth
            return Int(row[bit >> 3] >> (8 - depth - bit & 7)) & ((1 << depth) - 1)
        }
    }

    /// A sample at the file's depth as 8 bits.
    func eightBit(_ value: Int) -> UInt8 {
        switch header.bitDepth {
        case 16: UInt8(value >> 8)
        case 8: UInt8(value)
        default: UInt8(value * 255 / ((1 << header.bitDepth) - 1))
        }
    }

    /// The tRNS colour key of a grey or RGB image at the file's depth: 2 bytes per sample.
    func colorKey(_ samples: Int) -> [Int]? {
        guard let transparency, transparency.count >= samples * 2 else { return nil }
        return (0..<samples).map { Int(transparency[2 * $0]) << 8 | Int(transparency[2 * $0 + 1]) }
    }

    mutating func add(_ row: [UInt8], y: Int) throws(ImageError) {
        let width = header.width
        switch header.colorType {
        case 0:
            let key = colorKey(1)
            for x in 0..<width {
                let value = sample(row, x, 0)
                samples.append(eightBit(value))
                addAlpha(key == [value] ? 0 : 255)
            }
        case 2:
            let key = colorKey(3)
            for x in 0..<width {
                let rgb = [sample(row, x, 0), sample(row, x, 1), sample(row, x, 2)]
                for value in rgb { samples.append(eightBit(value)) }
                addAlpha(key == rgb ? 0 : 255)
            }
        case 3:
            let entries = palette.count / 3
            for x in 0..<width {
                let index = sample(row, x, 0)
                guard index < entries else {
                    throw ImageError("PNG row \(y + 1) uses palette entry \(index); the palette has \(entries)")
                }
                samples += palette[(3 * index)..<(3 * index + 3)]
                addAlpha(transparency.flatMap { index < $0.count ? $0[index] : nil } ?? 255)
            }
        case 4:
            for x in 0..<width {
                samples.append(eightBit(sample(row, x, 0)))
                addAlpha(eightBit(sample(row, x, 1)))
            }
        default:
            for x in 0..<width {
                for channel in 0..<3 { samples.append(eightBit(sample(row, x, channel))) }
                addAlpha(eightBit(sample(row, x, 3)))
            }
        }
    }

    mutating func addAlpha(_ value: UInt8) {
        alpha.append(value)
        if value != 255 { translucent = true }
    }
}
