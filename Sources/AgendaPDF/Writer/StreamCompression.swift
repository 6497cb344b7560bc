// How streams are stored. Content streams, font programs and CMaps are
// compressed (FlateDecode) once a compressor is given; metadata stays plain
// so that it can be read without a PDF parser (PDF/A asks for that).

public struct StreamCompression: Sendable {
    /// Deflate in zlib format (RFC 1950), or nil to store streams as they are.
    public var deflate: (@Sendable ([UInt8]) -> [UInt8])?

    public init(deflate: (@Sendable ([UInt8]) -> [UInt8])?) { self.deflate = deflate }

    public static let none = StreamCompression(deflate: nil)

    func addStream(_ dictionary: PDFDictionary, data: [UInt8], to file: inout PDFFile) -> PDFReference {
        guard let deflate else { return file.addStream(dictionary, data: data) }
        var compressed = dictionary
        compressed["Filter"] = .name("FlateDecode")
        return file.addStream(compressed, data: deflate(data))
    }
}
