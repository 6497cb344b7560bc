// Decompression of zlib streams (RFC 1950/1951), the inverse of `Deflate`:
// checks round trips in tests and the fuzzer, and reads PNG image data.
// Safe on any bytes: malformed input throws, output is capped.

public struct InflateError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public var description: String { "not a valid zlib stream: \(message)" }
}

public enum Inflate {
    /// The bytes a zlib stream holds; throws past `limit` output bytes.
    public static func decompress(_ stream: [UInt8], limit: Int = 1 << 28) throws -> [UInt8] {
        guard stream.count >= 6 else { throw InflateError(message: "shorter than a header and a checksum") }
        let method = stream[0], flags = stream[1]
        guard method & 0x0F == 8, method >> 4 <= 7, (Int(method) << 8 | Int(flags)) % 31 == 0 else { throw InflateError(message: "the header is not DEFLATE's") }
        guard flags & 0x20 == 0 else { throw InflateError(message: "a preset dictionary is not supported") }
        var reader = BitReader(bytes: stream, position: 2)
        let output = try inflate(&reader, limit: limit)
        let end = reader.byteAlignedPosition
        guard end + 4 <= stream.count else { throw InflateError(message: "the Adler-32 checksum is missing") }
        let stored = UInt32(stream[end]) << 24 | UInt32(stream[end + 1]) << 16 | UInt32(stream[end + 2]) << 8 | UInt32(stream[end + 3])
        guard stored == Adler32.checksum(output) else { throw InflateError(message: "the Adler-32 checksum does not match") }
        return output
    }

    static func inflate(_ reader: inout BitReader, limit: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        var final = false
        while !final {
            final = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0:
                reader.alignToByte()
                let length = try reader.bits(16), complement = try reader.bits(16)
                guard length == ~complement & 0xFFFF else { throw InflateError(message: "a stored block's length check fails") }
                guard output.count + length <= limit else { throw InflateError(message: "the output exceeds \(limit) bytes") }
                for _ in 0..<length { output.append(UInt8(try reader.bits(8))) }
            case 1:
                try inflateBlock(&reader, literals: try HuffmanDecoder(DeflateTables.fixedLiteralLengths),
                                 distances: try HuffmanDecoder(DeflateTables.fixedDistanceLengths), into: &output, limit: limit)
            case 2:
                let (literals, distances) = try readDynamicCodes(&reader)
                try inflateBlock(&reader, literals: literals, distances: distances, into: &output, limit: limit)
            default:
                throw InflateError(message: "block type 3 is reserved")
            }
        }
        return output
    }

    private static func readDynamicCodes(_ reader: inout BitReader) throws -> (HuffmanDecoder, HuffmanDecoder) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let codeLengthCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw InflateError(message: "too many length or distance codes") }
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for symbol in DeflateTables.codeLengthOrder.prefix(codeLengthCount) { codeLengthLengths[symbol] = try reader.bits(3) }
        let codeLengths = try HuffmanDecoder(codeLengthLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try codeLengths.decode(&reader)
            switch symbol {
            case 0...15: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw InflateError(message: "a repeat with nothing before it") }
                lengths += repeatElement(previous, count: 3 + (try reader.bits(2)))
            case 17: lengths += repeatElement(0, count: 3 + (try reader.bits(3)))
            default: lengths += repeatElement(0, count: 11 + (try reader.bits(7)))
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw InflateError(message: "code lengths run past their count") }
        guard lengths[DeflateTables.endOfBlock] > 0 else { throw InflateError(message: "no code for the end of the block") }
        return (try HuffmanDecoder(Array(lengths.prefix(literalCount))), try HuffmanDecoder(Array(lengths.suffix(distanceCount))))
    }

    private static func inflateBlock(_ reader: inout BitReader, literals: HuffmanDecoder, distances: HuffmanDecoder, into output: inout [UInt8], limit: Int) throws {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                guard output.count < limit else { throw InflateError(message: "the output exceeds \(limit) bytes") }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == DeflateTables.endOfBlock { return }
            let lengthCode = symbol - 257
            guard lengthCode < DeflateTables.lengthBase.count else { throw InflateError(message: "length code \(symbol) is invalid") }
            let length = DeflateTables.lengthBase[lengthCode] + (try reader.bits(DeflateTables.lengthExtra[lengthCode]))
            let distanceCode = try distances.decode(&reader)
            guard distanceCode < DeflateTables.distanceBase.count else { throw InflateError(message: "distance code \(distanceCode) is invalid") }
            let distance = DeflateTables.distanceBase[distanceCode] + (try reader.bits(DeflateTables.distanceExtra[distanceCode]))
            guard distance <= output.count else { throw InflateError(message: "a distance reaches before the start") }
            guard output.count + length <= limit else { throw InflateError(message: "the output exceeds \(limit) bytes") }
            let start = output.count - distance
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }
}

struct BitReader {
    let bytes: [UInt8]
    var position: Int
    private var bitInByte = 0

    init(bytes: [UInt8], position: Int) {
        self.bytes = bytes
        self.position = position
    }

    /// The next `count` bits (≤ 16), least significant first.
    mutating func bits(_ count: Int) throws -> Int {
        var value = 0
        for index in 0..<count {
            guard position < bytes.count else { throw InflateError(message: "the data ends in the middle of a block") }
            value |= Int((bytes[position] >> UInt8(bitInByte)) & 1) << index
            bitInByte += 1
            if bitInByte == 8 {
                bitInByte = 0
                position += 1
            }
        }
        return value
    }

    mutating func alignToByte() {
        if bitInByte > 0 {
            bitInByte = 0
            position += 1
        }
    }

    var byteAlignedPosition: Int { bitInByte > 0 ? position + 1 : position }
}

/// Canonical Huffman decoding one bit at a time (as zlib's `puff`).
struct HuffmanDecoder {
    private var countOfLength = [Int](repeating: 0, count: 16)
    private var symbols: [Int] = []

    init(_ lengths: [Int]) throws {
        for length in lengths {
            guard (0...15).contains(length) else { throw InflateError(message: "a code length above 15") }
            countOfLength[length] += 1
        }
        var left = 1
        for length in 1...15 {
            left = left * 2 - countOfLength[length]
            guard left >= 0 else { throw InflateError(message: "an over-subscribed code") }
        }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + countOfLength[length] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
    }

    func decode(_ reader: inout BitReader) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1...15 {
            code |= try reader.bits(1)
            let count = countOfLength[length]
            if code - count < first {
                let at = index + (code - first)
                guard symbols.indices.contains(at) else { break }
                return symbols[at]
            }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw InflateError(message: "a code that the block's table lacks")
    }
}
