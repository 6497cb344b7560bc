// How streams are stored. Content streams, font programs and CMaps are
// compressed (FlateDecode) once a compressor is given; metadata stays plain
// so that it can be read without a PDF parser (PDF/A asks for that).

public struct StreamCompression: Sendable {
    /// Deflate in zlib format (RFC 1950), or nil to store streams as they are.
    public var deflate: (@Sendable ([UInt8]) -> [UInt8])?
    /// Whether streams are compressed by a `StreamCompressionQueue` (on a second
    /// thread) or one by one as they are added; the bytes are the same.
    var inBackground = true

    public init(deflate: (@Sendable ([UInt8]) -> [UInt8])?) { self.deflate = deflate }

    public static let none = StreamCompression(deflate: nil)
}

/// The compressed streams of one file: each gets its object number when it is
/// added (so numbering is as if it were written at once) and its bytes from a
/// `StreamCompressionQueue`, set into the file by `finish` before serializing.
struct DeferredStreams {
    private let queue: StreamCompressionQueue?
    /// Compresses at once when there is no queue.
    private let deflate: (@Sendable ([UInt8]) -> [UInt8])?
    private var pending: [(reference: PDFReference, dictionary: PDFDictionary, job: Int)] = []

    init(_ compression: StreamCompression) {
        deflate = compression.deflate
        queue = compression.inBackground ? compression.deflate.map { StreamCompressionQueue(deflate: $0) } : nil
    }

    mutating func add(_ dictionary: PDFDictionary, data: [UInt8], to file: inout PDFFile) -> PDFReference {
        guard let deflate else { return file.addStream(dictionary, data: data) }
        var compressed = dictionary
        compressed["Filter"] = .name("FlateDecode")
        guard let queue else { return file.addStream(compressed, data: deflate(data)) }
        let reference = file.allocate()
        pending.append((reference, compressed, queue.submit(data)))
        return reference
    }

    /// Sets every stream added into `file`, compressed.
    mutating func finish(into file: inout PDFFile) {
        guard let queue else { return }
        let outputs = queue.results()
        for stream in pending where outputs.indices.contains(stream.job) {
            file.set(stream.reference, stream: stream.dictionary, data: outputs[stream.job])
        }
        pending = []
    }

    /// Lets the queue's thread end when the writer stops before `finish`.
    func abandon() { queue?.close() }
}
