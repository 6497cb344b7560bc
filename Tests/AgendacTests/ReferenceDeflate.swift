@testable import AgendaPDF

// The Deflate of commit 9e43d85, kept as it was (arrays, bounds checks) to
// show that the unsafe-buffer version writes the same bytes: see
// `DeflateTests.sameBytesAsTheReference`. Not used by the product.

enum ReferenceDeflate {
    /// The zlib stream of `bytes`.
    static func compress(_ bytes: [UInt8], effort: Deflate.Effort = .thorough) -> [UInt8] {
        var writer = ReferenceBitWriter()
        writer.bytes.reserveCapacity(bytes.count / 2 + 64)
        writer.bytes += [0x78, 0x9C]  // 32 KiB window, default level; (0x789C % 31 == 0)
        var matcher = ReferenceMatchFinder(input: bytes, effort: effort)
        var block = ReferenceBlockSymbols()
        var blockStart = 0
        var position = 0
        while position < bytes.count {
            let (length, distance) = matcher.longestMatch(at: position)
            if length >= DeflateTables.minimumMatch {
                block.addMatch(length: length, distance: distance)
                for offset in 0..<length { matcher.insert(position + offset) }
                position += length
            } else {
                block.addLiteral(bytes[position])
                matcher.insert(position)
                position += 1
            }
            if block.isFull {
                ReferenceBlockWriter.write(block, raw: bytes[blockStart..<position], final: false, to: &writer)
                block = ReferenceBlockSymbols()
                blockStart = position
            }
        }
        ReferenceBlockWriter.write(block, raw: bytes[blockStart..<bytes.count], final: true, to: &writer)
        writer.flush()
        writer.bytes.appendU32(Adler32.checksum(bytes))
        return writer.bytes
    }
}

/// Hash chains over three-byte prefixes within the last 32 KiB.
struct ReferenceMatchFinder {
    static let windowSize = 32_768
    static let largestHashBits = 15

    let input: [UInt8]
    /// How many earlier positions are tried per match (bounds the work per byte), and the length taken at once.
    let chainLimit: Int
    let goodEnough: Int
    private var head: [Int32]
    private var previous: [Int32]
    /// The tables are sized to the input (a page's content is a few kilobytes), so a small stream
    /// does not clear 256 KiB of them.
    private let hashBits: Int
    private let previousMask: Int

    init(input: [UInt8], effort: Deflate.Effort = .thorough) {
        self.input = input
        chainLimit = max(1, effort.chainLimit)
        goodEnough = max(DeflateTables.minimumMatch, effort.goodEnough)
        var bits = 8
        while bits < Self.largestHashBits, 1 << bits < input.count { bits += 1 }
        hashBits = bits
        var previousSize = 256
        while previousSize < Self.windowSize, previousSize < input.count { previousSize *= 2 }
        previousMask = previousSize - 1
        head = [Int32](repeating: -1, count: 1 << bits)
        previous = [Int32](repeating: -1, count: previousSize)
    }

    private func hash(at position: Int) -> Int {
        let value = UInt32(input[position]) << 16 | UInt32(input[position + 1]) << 8 | UInt32(input[position + 2])
        return Int((value &* 2_654_435_761) >> (32 - UInt32(hashBits)))
    }

    mutating func insert(_ position: Int) {
        guard position + 2 < input.count else { return }
        let key = hash(at: position)
        previous[position & previousMask] = head[key]
        head[key] = Int32(position)
    }

    /// The longest earlier match for the bytes at `position`: (length, distance), length 0 when none.
    func longestMatch(at position: Int) -> (Int, Int) {
        guard position + 2 < input.count else { return (0, 0) }
        let limit = min(DeflateTables.maximumMatch, input.count - position)
        var candidate = Int(head[hash(at: position)])
        var bestLength = 0, bestDistance = 0
        var tries = chainLimit
        return input.withUnsafeBufferPointer { buffer in
            while candidate >= 0, position - candidate <= Self.windowSize, tries > 0 {
                tries -= 1
                if buffer[candidate + bestLength] == buffer[position + bestLength] || bestLength == 0 {
                    var length = 0
                    while length < limit, buffer[candidate + length] == buffer[position + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length >= goodEnough || length == limit { break }
                    }
                }
                let next = Int(previous[candidate & previousMask])
                // An older slot overwritten by a newer position ends the chain.
                guard next < candidate else { break }
                candidate = next
            }
            return (bestLength, bestDistance)
        }
    }
}

struct ReferenceBlockSymbols {
    /// At most this many symbols per block, so the codes follow the data.
    static let capacity = 16_384
    /// A literal byte (0…255) or 256 + a match length.
    var symbols: [UInt16] = []
    /// The match's distance, 0 for a literal.
    var distances: [UInt16] = []

    var isFull: Bool { symbols.count >= Self.capacity }

    mutating func addLiteral(_ byte: UInt8) {
        symbols.append(UInt16(byte))
        distances.append(0)
    }

    mutating func addMatch(length: Int, distance: Int) {
        symbols.append(UInt16(256 + length))
        distances.append(UInt16(distance - 1))  // 1…32768 stored as 0…32767
    }
}

enum ReferenceBlockWriter {
    static func write(_ block: ReferenceBlockSymbols, raw: ArraySlice<UInt8>, final: Bool, to writer: inout ReferenceBitWriter) {
        var literalFrequencies = [Int](repeating: 0, count: 286)
        var distanceFrequencies = [Int](repeating: 0, count: 30)
        literalFrequencies[DeflateTables.endOfBlock] = 1
        var extraBits = 0
        for (symbol, storedDistance) in zip(block.symbols, block.distances) {
            if symbol < 256 {
                literalFrequencies[Int(symbol)] += 1
            } else {
                let lengthCode = Int(DeflateTables.lengthCode[Int(symbol) - 256])
                let distanceCode = DeflateTables.distanceCode(Int(storedDistance) + 1)
                literalFrequencies[257 + lengthCode] += 1
                distanceFrequencies[distanceCode] += 1
                extraBits += DeflateTables.lengthExtra[lengthCode] + DeflateTables.distanceExtra[distanceCode]
            }
        }
        let literalLengths = complete(Huffman.codeLengths(literalFrequencies, limit: 15))
        let distanceLengths = complete(Huffman.codeLengths(distanceFrequencies, limit: 15))
        let header = DynamicHeader(literalLengths: literalLengths, distanceLengths: distanceLengths)

        func dataCost(_ literal: [Int], _ distance: [Int]) -> Int {
            var bits = extraBits
            for (code, frequency) in literalFrequencies.enumerated() { bits += frequency * literal[code] }
            for (code, frequency) in distanceFrequencies.enumerated() { bits += frequency * distance[code] }
            return bits
        }
        let dynamicCost = 3 + header.cost + dataCost(literalLengths, distanceLengths)
        let fixedCost = 3 + dataCost(DeflateTables.fixedLiteralLengths, DeflateTables.fixedDistanceLengths)
        let storedCost = raw.count * 8 + (raw.count / 65_535 + 1) * (3 + 7 + 32)

        if storedCost <= min(dynamicCost, fixedCost) {
            writeStored(raw, final: final, to: &writer)
        } else if fixedCost <= dynamicCost {
            writer.write(final ? 1 : 0, bits: 1)
            writer.write(1, bits: 2)
            writeSymbols(block, literalLengths: DeflateTables.fixedLiteralLengths, distanceLengths: DeflateTables.fixedDistanceLengths, to: &writer)
        } else {
            writer.write(final ? 1 : 0, bits: 1)
            writer.write(2, bits: 2)
            header.write(to: &writer)
            writeSymbols(block, literalLengths: literalLengths, distanceLengths: distanceLengths, to: &writer)
        }
    }

    /// Makes a code of fewer than two symbols complete, as every inflater accepts.
    static func complete(_ lengths: [Int]) -> [Int] {
        var lengths = lengths
        var missing = 2 - lengths.filter { $0 > 0 }.count
        for symbol in lengths.indices where missing > 0 && lengths[symbol] == 0 {
            lengths[symbol] = 1
            missing -= 1
        }
        return lengths
    }

    private static func writeSymbols(_ block: ReferenceBlockSymbols, literalLengths: [Int], distanceLengths: [Int], to writer: inout ReferenceBitWriter) {
        let literalCodes = Huffman.codes(literalLengths)
        let distanceCodes = Huffman.codes(distanceLengths)
        for (symbol, storedDistance) in zip(block.symbols, block.distances) {
            if symbol < 256 {
                writer.write(literalCodes[Int(symbol)], bits: literalLengths[Int(symbol)])
                continue
            }
            let length = Int(symbol) - 256
            let lengthCode = Int(DeflateTables.lengthCode[length])
            writer.write(literalCodes[257 + lengthCode], bits: literalLengths[257 + lengthCode])
            writer.write(length - DeflateTables.lengthBase[lengthCode], bits: DeflateTables.lengthExtra[lengthCode])
            let distance = Int(storedDistance) + 1
            let distanceCode = DeflateTables.distanceCode(distance)
            writer.write(distanceCodes[distanceCode], bits: distanceLengths[distanceCode])
            writer.write(distance - DeflateTables.distanceBase[distanceCode], bits: DeflateTables.distanceExtra[distanceCode])
        }
        writer.write(literalCodes[DeflateTables.endOfBlock], bits: literalLengths[DeflateTables.endOfBlock])
    }

    private static func writeStored(_ raw: ArraySlice<UInt8>, final: Bool, to writer: inout ReferenceBitWriter) {
        var start = raw.startIndex
        repeat {
            let end = min(start + 65_535, raw.endIndex)
            writer.write(final && end == raw.endIndex ? 1 : 0, bits: 1)
            writer.write(0, bits: 2)
            writer.flush()
            let length = end - start
            writer.bytes += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            writer.bytes += raw[start..<end]
            start = end
        } while start < raw.endIndex
    }
}


extension DynamicHeader {
    func write(to writer: inout ReferenceBitWriter) {
        writer.write(literalCount - 257, bits: 5)
        writer.write(distanceCount - 1, bits: 5)
        writer.write(codeLengthCount - 4, bits: 4)
        for symbol in DeflateTables.codeLengthOrder.prefix(codeLengthCount) { writer.write(codeLengthLengths[symbol], bits: 3) }
        let codes = Huffman.codes(codeLengthLengths)
        for (symbol, extra, extraBits) in runs {
            writer.write(codes[symbol], bits: codeLengthLengths[symbol])
            writer.write(extra, bits: extraBits)
        }
    }
}

/// Bits packed least significant first, as DEFLATE stores them. Whole 32-bit
/// words go to `bytes` at once (one append instead of four); `flush` writes
/// what is left, so read `bytes` only after it.
struct ReferenceBitWriter {
    var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var count = 0

    /// `bits` is at most 16 (a code or extra bits), so the buffer never holds more than 47.
    mutating func write(_ value: Int, bits: Int) {
        guard bits > 0 else { return }
        buffer |= UInt64(value & ((1 << bits) - 1)) << UInt64(count)
        count += bits
        if count >= 32 {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian) { bytes.append(contentsOf: $0) }
            buffer >>= 32
            count -= 32
        }
    }

    /// Writes the bits held and pads to a byte boundary.
    mutating func flush() {
        while count > 0 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
        buffer = 0
        count = 0
    }
}
