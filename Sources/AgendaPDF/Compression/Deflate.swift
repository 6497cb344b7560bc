// Flate compression for PDF streams (`/FlateDecode`): the zlib format
// (RFC 1950) around DEFLATE (RFC 1951). LZ77 over a 32 KiB window with hash
// chains cut at a fixed length, so compressing is linear in the input; each
// block is written with dynamic Huffman codes, the fixed codes or stored,
// whichever is shortest. The loops run over unsafe buffers sized up front:
// bounds checks and array bookkeeping per byte were most of a PDF's cost.

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
        bytes.withUnsafeBufferPointer { compress($0, effort: effort) }
    }

    static func compress(_ input: UnsafeBufferPointer<UInt8>, effort: Effort) -> [UInt8] {
        var writer = BitWriter(capacity: input.count / 2 + 64)
        defer { writer.deallocate() }
        writer.write(0x9C78, bits: 16)  // 0x78 0x9C: 32 KiB window, default level; (0x789C % 31 == 0)
        let matcher = MatchFinder(input: input, effort: effort)
        defer { matcher.deallocate() }
        var block = BlockSymbols()
        defer { block.deallocate() }
        var blockStart = 0
        var position = 0
        while position < input.count {
            let (length, distance) = matcher.longestMatch(at: position)
            if length >= DeflateTables.minimumMatch {
                block.addMatch(length: length, distance: distance)
                matcher.insert(from: position, count: length)
                position += length
            } else {
                block.addLiteral(input[position])
                matcher.insert(from: position, count: 1)
                position += 1
            }
            if block.isFull {
                BlockWriter.write(block, raw: UnsafeBufferPointer(rebasing: input[blockStart..<position]), final: false, to: &writer)
                block.removeAll()
                blockStart = position
            }
        }
        BlockWriter.write(block, raw: UnsafeBufferPointer(rebasing: input[blockStart..<input.count]), final: true, to: &writer)
        writer.flush()
        writer.appendBigEndian(Adler32.checksum(input))
        return writer.bytes
    }
}

/// RFC 1950's Adler-32.
public enum Adler32 {
    public static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        if let sum = bytes.withContiguousStorageIfAvailable({ checksum($0) }) { return sum }
        return Array(bytes).withUnsafeBufferPointer { checksum($0) }
    }

    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var index = 0
        while index < bytes.count {
            // 5552 is the most bytes before b can overflow 32 bits.
            let end = min(index + 5552, bytes.count)
            while index < end {
                a &+= UInt32(bytes[index])
                b &+= a
                index += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }
}

/// Hash chains over three-byte prefixes within the last 32 KiB. Holds its
/// tables until `deallocate`; reads `input` only while the caller keeps it.
struct MatchFinder {
    static let windowSize = 32_768
    static let largestHashBits = 15

    let input: UnsafeBufferPointer<UInt8>
    /// How many earlier positions are tried per match (bounds the work per byte), and the length taken at once.
    let chainLimit: Int
    let goodEnough: Int
    private let head: UnsafeMutableBufferPointer<Int32>
    private let previous: UnsafeMutableBufferPointer<Int32>
    /// The tables are sized to the input (a page's content is a few kilobytes), so a small stream
    /// does not clear 256 KiB of them.
    private let hashShift: UInt32
    private let previousMask: Int

    init(input: UnsafeBufferPointer<UInt8>, effort: Deflate.Effort = .thorough) {
        self.input = input
        chainLimit = max(1, effort.chainLimit)
        goodEnough = max(DeflateTables.minimumMatch, effort.goodEnough)
        var bits = 8
        while bits < Self.largestHashBits, 1 << bits < input.count { bits += 1 }
        hashShift = 32 - UInt32(bits)
        var previousSize = 256
        while previousSize < Self.windowSize, previousSize < input.count { previousSize *= 2 }
        previousMask = previousSize - 1
        head = .allocate(capacity: 1 << bits)
        head.initialize(repeating: -1)
        previous = .allocate(capacity: previousSize)
        previous.initialize(repeating: -1)
    }

    func deallocate() {
        head.deallocate()
        previous.deallocate()
    }

    /// Callers keep `position + 2 < input.count`.
    private func hash(at position: Int) -> Int {
        let value = UInt32(input[position]) << 16 | UInt32(input[position + 1]) << 8 | UInt32(input[position + 2])
        return Int((value &* 2_654_435_761) >> hashShift)
    }

    /// Enters the `count` positions from `start` into the chains (those with three bytes left).
    func insert(from start: Int, count: Int) {
        let end = min(start + count, input.count - 2)
        var position = start
        while position < end {
            let key = hash(at: position)
            previous[position & previousMask] = head[key]
            head[key] = Int32(truncatingIfNeeded: position)
            position += 1
        }
    }

    /// The longest earlier match for the bytes at `position`: (length, distance), length 0 when none.
    func longestMatch(at position: Int) -> (Int, Int) {
        guard position + 2 < input.count else { return (0, 0) }
        let limit = min(DeflateTables.maximumMatch, input.count - position)
        var candidate = Int(head[hash(at: position)])
        var bestLength = 0, bestDistance = 0
        var tries = chainLimit
        while candidate >= 0, position - candidate <= Self.windowSize, tries > 0 {
            tries -= 1
            // bestLength < limit here, so both reads lie inside the input
            if bestLength == 0 || input[candidate + bestLength] == input[position + bestLength] {
                let length = matchLength(candidate, position, limit: limit)
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

    /// How many bytes from `candidate` equal those from `position` (< `candidate` + `limit`), up to `limit`;
    /// eight at a time, the first differing byte found from the lowest set bit.
    private func matchLength(_ candidate: Int, _ position: Int, limit: Int) -> Int {
        let raw = UnsafeRawBufferPointer(input)
        var length = 0
        while length + 8 <= limit {
            let a = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: candidate + length, as: UInt64.self))
            let b = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position + length, as: UInt64.self))
            let difference = a ^ b
            if difference != 0 { return length + difference.trailingZeroBitCount / 8 }
            length += 8
        }
        while length < limit, input[candidate + length] == input[position + length] { length += 1 }
        return length
    }
}
