// One DEFLATE block: the LZ77 symbols found, and writing them in the
// cheapest of the three block types.

struct BlockSymbols {
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

enum BlockWriter {
    static func write(_ block: BlockSymbols, raw: ArraySlice<UInt8>, final: Bool, to writer: inout BitWriter) {
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

    private static func writeSymbols(_ block: BlockSymbols, literalLengths: [Int], distanceLengths: [Int], to writer: inout BitWriter) {
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

    private static func writeStored(_ raw: ArraySlice<UInt8>, final: Bool, to writer: inout BitWriter) {
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

/// The code lengths of a dynamic block, run-length coded (RFC 1951, 3.2.7).
struct DynamicHeader {
    let literalCount: Int, distanceCount: Int, codeLengthCount: Int
    /// (code-length symbol 0…18, extra value, extra bits)
    let runs: [(Int, Int, Int)]
    let codeLengthLengths: [Int]
    let cost: Int

    init(literalLengths: [Int], distanceLengths: [Int]) {
        literalCount = max(257, (literalLengths.lastIndex { $0 > 0 } ?? 0) + 1)
        distanceCount = max(1, (distanceLengths.lastIndex { $0 > 0 } ?? 0) + 1)
        let lengths = Array(literalLengths.prefix(literalCount)) + Array(distanceLengths.prefix(distanceCount))
        var runs: [(Int, Int, Int)] = []
        var index = 0
        while index < lengths.count {
            let value = lengths[index]
            var run = 1
            while index + run < lengths.count, lengths[index + run] == value { run += 1 }
            var left = run
            if value == 0 {
                while left >= 11 { let take = min(left, 138); runs.append((18, take - 11, 7)); left -= take }
                if left >= 3 { runs.append((17, left - 3, 3)); left = 0 }
            } else {
                runs.append((value, 0, 0))
                left -= 1
                while left >= 3 { let take = min(left, 6); runs.append((16, take - 3, 2)); left -= take }
            }
            for _ in 0..<left { runs.append((value, 0, 0)) }
            index += run
        }
        self.runs = runs
        var frequencies = [Int](repeating: 0, count: 19)
        for run in runs { frequencies[run.0] += 1 }
        let codeLengthLengths = BlockWriter.complete(Huffman.codeLengths(frequencies, limit: 7))
        let codeLengthCount = max(4, (DeflateTables.codeLengthOrder.lastIndex { codeLengthLengths[$0] > 0 } ?? 0) + 1)
        self.codeLengthLengths = codeLengthLengths
        self.codeLengthCount = codeLengthCount
        var bits = 5 + 5 + 4 + 3 * codeLengthCount
        for run in runs { bits += codeLengthLengths[run.0] + run.2 }
        cost = bits
    }

    func write(to writer: inout BitWriter) {
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
