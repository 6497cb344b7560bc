// The logo's image reader (`RasterImage(reading:)`): any bytes as they come,
// and, so that mutations get past the signature and the chunks' CRCs, a PNG
// made from the input: a header of its first 13 bytes (the size kept small)
// and the rest compressed as the image data, whose filter bytes and samples
// are then the fuzzer's. An image that reads has as many samples as pixels.
import AgendaPDF

func fuzzImage(_ input: UnsafeBufferPointer<UInt8>) {
    let bytes = Array(input)
    check(bytes)
    guard bytes.count >= 13 else { return }
    var header = Array(bytes.prefix(13))
    header[0...2] = [0, 0, 0]
    header[3] %= 64   // width below 64
    header[4...6] = [0, 0, 0]
    header[7] %= 64   // height below 64
    header[10...11] = [0, 0]
    var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    png += chunk("IHDR", header)
    if header[9] == 3 { png += chunk("PLTE", Array(bytes.suffix(12))) }
    png += chunk("IDAT", Deflate.compress(Array(bytes.dropFirst(13))))
    png += chunk("IEND", [])
    check(png)
}

private func check(_ bytes: [UInt8]) {
    guard let image = try? RasterImage(reading: bytes) else { return }
    guard image.pixelWidth > 0, image.pixelHeight > 0, image.pixelWidth * image.pixelHeight <= RasterImage.maximumPixels else {
        propertyFailed("an image of \(image.pixelWidth) × \(image.pixelHeight) pixels was accepted")
    }
    guard image.encoding == .flate else { return }
    let pixels = image.pixelWidth * image.pixelHeight
    guard let samples = try? Inflate.decompress(image.data), samples.count == pixels * image.components else {
        propertyFailed("the samples do not fill \(image.pixelWidth) × \(image.pixelHeight) × \(image.components)")
    }
    if let alpha = image.alpha {
        guard let values = try? Inflate.decompress(alpha), values.count == pixels else { propertyFailed("the alpha channel does not fill the image") }
    }
}

private func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + body
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in typed {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
    crc ^= 0xFFFF_FFFF
    let length = UInt32(body.count)
    return [24, 16, 8, 0].map { UInt8((length >> $0) & 0xFF) } + typed + [24, 16, 8, 0].map { UInt8((crc >> $0) & 0xFF) }
}
