// A raster image as the writer embeds it (the house style's logo): JPEG bytes
// as they are (DCTDecode), or 8-bit samples compressed with FlateDecode and,
// for PNG transparency, an alpha channel written as the image's /SMask.
// Read with `RasterImage(reading:)`, which knows PNG and JPEG by their
// signatures and throws `ImageError` on anything else or anything malformed.

public struct RasterImage: Sendable, Hashable {
    public enum Encoding: Sendable, Hashable {
        /// `data` is a JPEG file, embedded byte for byte.
        case jpeg
        /// `data` is a zlib stream of 8-bit samples, row by row, no predictor.
        case flate
    }

    public var encoding: Encoding
    public var data: [UInt8]
    public var pixelWidth: Int, pixelHeight: Int
    /// 1 (grey), 3 (RGB) or 4 (CMYK, JPEG only).
    public var components: Int
    /// A zlib stream of one 8-bit alpha sample per pixel; nil when every pixel is opaque.
    public var alpha: [UInt8]?

    public init(encoding: Encoding, data: [UInt8], pixelWidth: Int, pixelHeight: Int, components: Int, alpha: [UInt8]? = nil) {
        self.encoding = encoding
        self.data = data
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.components = components
        self.alpha = alpha
    }

    /// The most pixels an image may have (a logo is far smaller): bounds the memory decoding takes.
    public static let maximumPixels = 1 << 22

    /// A PNG or JPEG file, told apart by its first bytes.
    public init(reading bytes: [UInt8]) throws(ImageError) {
        if bytes.starts(with: PNGDecoder.signature) {
            self = try PNGDecoder.decode(bytes)
        } else if bytes.starts(with: [0xFF, 0xD8]) {
            self = try JPEGInfo.image(bytes)
        } else {
            throw ImageError("neither a PNG nor a JPEG file (its first bytes are neither format's signature)")
        }
    }
}

/// Why an image file cannot be used, in words for the person who chose the file.
public struct ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
