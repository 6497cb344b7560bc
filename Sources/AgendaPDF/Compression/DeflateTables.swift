// The fixed tables of RFC 1951, 3.2.5–3.2.7.

enum DeflateTables {
    static let minimumMatch = 3
    static let maximumMatch = 258
    static let endOfBlock = 256

    /// Lengths 3…258 by code 257…285: base and extra bits.
    static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Distances 1…32768 by code 0…29.
    static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order code-length code lengths are sent in.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Index into `lengthBase` of each match length (0…258; valid from 3).
    static let lengthCode: [UInt8] = {
        var table = [UInt8](repeating: 0, count: maximumMatch + 1)
        for code in 0..<lengthBase.count {
            let last = code + 1 < lengthBase.count ? lengthBase[code + 1] - 1 : maximumMatch
            for length in lengthBase[code]...min(last, maximumMatch) where length >= minimumMatch { table[length] = UInt8(code) }
        }
        table[maximumMatch] = UInt8(lengthBase.count - 1)
        return table
    }()

    /// The distance code of `distance` (1…32768).
    static func distanceCode(_ distance: Int) -> Int {
        var low = 0, high = distanceBase.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if distanceBase[middle] <= distance { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Code lengths of the fixed literal/length and distance codes.
    static let fixedLiteralLengths: [Int] = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
    static let fixedDistanceLengths: [Int] = [Int](repeating: 5, count: 30)

    /// The tables above in one value, for the block writer's loops to read without a lazy global's check per symbol.
    static let symbolCodes = SymbolCodes()

    struct SymbolCodes {
        let lengthBase = DeflateTables.lengthBase
        let lengthExtra = DeflateTables.lengthExtra
        let distanceBase = DeflateTables.distanceBase
        let distanceExtra = DeflateTables.distanceExtra
        private let lengthCodes = DeflateTables.lengthCode
        /// Distance codes of stored distances (distance - 1) 0…255, then of 256…32767 by 128s
        /// (every code from 16 on starts at a multiple of 128, plus one).
        private let distanceCodes: [UInt8] = (0..<512).map { index in
            UInt8(DeflateTables.distanceCode(index < 256 ? index + 1 : (index - 256) << 7 + 1))
        }

        /// Index into `lengthBase` of a match length 3…258.
        func lengthCode(_ length: Int) -> Int { Int(lengthCodes[length]) }

        /// The distance code of a stored distance (0…32767).
        func distanceCode(stored: Int) -> Int {
            Int(stored < 256 ? distanceCodes[stored] : distanceCodes[256 + stored >> 7])
        }
    }
}
