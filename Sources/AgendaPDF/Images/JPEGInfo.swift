/// The size and colour components of a JPEG file, from its frame header
/// (SOF0–SOF15 but the DHT, JPG and DAC markers), without decoding it: the
/// bytes are embedded as they are.
enum JPEGInfo {
    static func image(_ bytes: [UInt8]) throws(ImageError) -> RasterImage {
        var position = 2
        while position + 4 <= bytes.count {
            guard bytes[position] == 0xFF else { throw ImageError("a JPEG marker was expected at byte \(position)") }
            let marker = bytes[position + 1]
            if marker == 0xFF { position += 1; continue }   // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { position += 2; continue }
            if marker == 0xD9 || marker == 0xDA { break }   // end of image, start of scan: no frame header before them
            let length = Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            guard length >= 2, position + 2 + length <= bytes.count else { throw ImageError("a JPEG segment at byte \(position) runs past the end of the file") }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard length >= 8 else { throw ImageError("the JPEG frame header is too short") }
                let precision = Int(bytes[position + 4])
                let height = Int(bytes[position + 5]) << 8 | Int(bytes[position + 6])
                let width = Int(bytes[position + 7]) << 8 | Int(bytes[position + 8])
                let components = Int(bytes[position + 9])
                guard precision == 8 else { throw ImageError("a JPEG of \(precision) bits per sample; save it with 8") }
                guard width > 0, height > 0 else { throw ImageError("the JPEG's size is \(width) × \(height) pixels") }
                guard [1, 3, 4].contains(components) else { throw ImageError("a JPEG with \(components) colour components; grey, RGB or CMYK are read") }
                guard width * height <= RasterImage.maximumPixels else {
                    throw ImageError("\(width) × \(height) pixels is more than a logo needs (at most \(RasterImage.maximumPixels) pixels); scale it down")
                }
                return RasterImage(encoding: .jpeg, data: bytes, pixelWidth: width, pixelHeight: height, components: components)
            }
            position += 2 + length
        }
        throw ImageError("the JPEG file has no frame header (its size is not given before the image data)")
    }
}
