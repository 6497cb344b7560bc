// One DEFLATE block: the LZ77 symbols found, and writing them in the
// cheapest of the three block types.

struct BlockSymbols {
    /// At most this many symbols per block, so the codes follow the data.
    static let capacity = 16_384
    /// A literal byte (0…255) or 256 + a match length.
    let symbols: UnsafeMutablePointer<UInt16> = .allocate(capacity: capacity)
    /// The match's distance - 1 (0…32767), 0 for a literal.
    let distances: UnsafeMutablePointer<UInt16> = .allocate(capacity: capacity)
    private(set) var count = 0

    var isFull: Bool { count >= Self.capacity }

    func deallocate() {
        symbols.deallocate()
        distances.deallocate()
    }

    mutating func removeAll() { count = 0 }

    /// Callers write out a full block before adding to it.
    mutating func addLiteral(_ byte: UInt8) {
        symbols[count] = UInt16(byte)
        distances[count] = 0
        count += 1
    }

    mutating func addMatch(length: Int, distance: Int) {
        symbols[count] = UInt16(256 + length)
        distances[count] = UInt16(distance - 1)  // 1…32768 stored as 0…32767
        count += 1
    }
}

enum BlockWriter {
    static func write(_ block: BlockSymbols, raw: UnsafeBufferPointer<UInt8>, final: Bool, to writer: inout BitWriter) {
        var literalFrequencies = [Int](repeating: 0, count: 286)
        var distanceFrequencies = [Int](repeating: 0, count: 30)
        literalFrequencies[DeflateTables.endOfBlock] = 1
        var extraBits = 0
        let codes = DeflateTables.symbolCodes
        literalFrequencies.withUnsafeMutableBufferPointer { literals in
            distanceFrequencies.withUnsafeMutableBufferPointer { distances in
                for index in 0..<block.count {
                    let symbol = Int(block.symbols[index])
                    if symbol < 256 {
                        literals[symbol] += 1
                    } else {
                        let lengthCode = codes.lengthCode(symbol - 256)
                        let distanceCode = codes.distanceCode(stored: Int(block.distances[index]))
                        literals[257 + lengthCode] += 1
                        distances[distanceCode] += 1
                        extraBits += codes.lengthExtra[lengthCode] + codes.distanceExtra[distanceCode]
                    }
                }
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
        // (code, length) of every symbol, so each is one lookup; the alphabets are complete (286 and 30 entries at least)
        let literalCodes = Array(zip(Huffman.codes(literalLengths), literalLengths))
        let distanceCodes = Array(zip(Huffman.codes(distanceLengths), distanceLengths))
        guard literalCodes.count > DeflateTables.endOfBlock + DeflateTables.lengthBase.count,
              distanceCodes.count >= DeflateTables.distanceBase.count else { return }
        let codes = DeflateTables.symbolCodes
        literalCodes.withUnsafeBufferPointer { literals in
            distanceCodes.withUnsafeBufferPointer { distances in
                for index in 0..<block.count {
                    let symbol = Int(block.symbols[index])
                    if symbol < 256 {
                        writer.write(literals[symbol].0, bits: literals[symbol].1)
                        continue
                    }
                    let length = symbol - 256
                    let lengthCode = codes.lengthCode(length)
                    let literal = literals[257 + lengthCode]
                    writer.write(literal.0, bits: literal.1)
                    writer.write(length - codes.lengthBase[lengthCode], bits: codes.lengthExtra[lengthCode])
                    let stored = Int(block.distances[index])
                    let distanceCode = codes.distanceCode(stored: stored)
                    writer.write(distances[distanceCode].0, bits: distances[distanceCode].1)
                    writer.write(stored + 1 - codes.distanceBase[distanceCode], bits: codes.distanceExtra[distanceCode])
                }
                writer.write(literals[DeflateTables.endOfBlock].0, bits: literals[DeflateTables.endOfBlock].1)
            }
        }
    }

    private static func writeStored(_ raw: UnsafeBufferPointer<UInt8>, final: Bool, to writer: inout BitWriter) {
        var start = 0
        repeat {
            let end = min(start + 65_535, raw.count)
            writer.write(final && end == raw.count ? 1 : 0, bits: 1)
            writer.write(0, bits: 2)
            writer.flush()
            let length = end - start
            writer.write(length, bits: 16)
            writer.write(~length & 0xFFFF, bits: 16)
            writer.flush()
            writer.append(UnsafeBufferPointer(rebasing: raw[start..<end]))
            start = end
        } while start < raw.count
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
