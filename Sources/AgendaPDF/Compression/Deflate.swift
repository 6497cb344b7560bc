// Flate compression for PDF streams (`/FlateDecode`): the zlib format
// (RFC 1950) around DEFLATE (RFC 1951). LZ77 over a 32 KiB window with hash
// chains cut at a fixed length, so compressing is linear in the input; each
// block is written with dynamic Huffman codes, the fixed codes or stored,
// whichever is shortest.

public enum Deflate {
    /// How hard to look for matches: how many earlier positions are tried per byte, and
    /// which length is taken without looking further. Either way the work per byte is bounded.
    public struct Effort: Sendable {
        public var chainLimit: Int
        public var goodEnough: Int

        /// Close to zlib's default: the smallest output.
        public static let thorough = Effort(chainLimit: 48, goodEnough: 128)
        /// About zlib's level 1: what a PDF's streams use, whose text repeats at short distances
        /// (operators, glyph codes), so a few percent larger and several times faster.
        public static let fast = Effort(chainLimit: 4, goodEnough: 16)
    }

    /// The zlib stream of `bytes`.
    public static func compress(_ bytes: [UInt8], effort: Effort = .thorough) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes.reserveCapacity(bytes.count / 2 + 64)
        writer.bytes += [0x78, 0x9C]  // 32 KiB window, default level; (0x789C % 31 == 0)
        var matcher = MatchFinder(input: bytes, effort: effort)
        var block = BlockSymbols()
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
                BlockWriter.write(block, raw: bytes[blockStart..<position], final: false, to: &writer)
                block = BlockSymbols()
                blockStart = position
            }
        }
        BlockWriter.write(block, raw: bytes[blockStart..<bytes.count], final: true, to: &writer)
        writer.flush()
        writer.bytes.appendU32(Adler32.checksum(bytes))
        return writer.bytes
    }
}

/// RFC 1950's Adler-32.
public enum Adler32 {
    public static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var pending = 0
        for byte in bytes {
            a += UInt32(byte)
            b += a
            pending += 1
            // 5552 is the most bytes before b can overflow 32 bits.
            if pending == 5552 {
                a %= 65521
                b %= 65521
                pending = 0
            }
        }
        return (b % 65521) << 16 | (a % 65521)
    }
}

/// Hash chains over three-byte prefixes within the last 32 KiB.
struct MatchFinder {
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
