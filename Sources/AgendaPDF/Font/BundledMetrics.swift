// What the typesetter measures the bundled faces with, from tables generated
// at build time (`Font/Metrics/`, written by `scripts/generate-font-metrics`
// from the shipped files), so layout decodes and parses no font; the writer
// parses only the faces a document uses (`BundledFonts`).
// `BundledMetricsTests` checks every character against the parsed font.

public struct BundledMetrics: FontMetrics {
    let unitsPerEm: Int
    let ascender: Int
    let descender: Int
    let notdefAdvance: UInt16
    /// First scalar and count of each run of mapped characters, sorted.
    let runs: [UInt32]
    /// The advance of each mapped character, in the runs' order.
    let advances: [UInt16]
    /// Advance of every BMP scalar in font units (.notdef's where the font has no glyph).
    private let basic: [UInt16]
    /// Where each run's advances start in `advances`.
    private let runOffsets: [Int]

    init(unitsPerEm: Int, ascender: Int, descender: Int, notdefAdvance: UInt16, runs: [UInt32], advances: [UInt16]) {
        self.unitsPerEm = unitsPerEm
        self.ascender = ascender
        self.descender = descender
        self.notdefAdvance = notdefAdvance
        self.runs = runs
        self.advances = advances
        var basic = [UInt16](repeating: notdefAdvance, count: 0x10000)
        var next = 0
        var run = 0
        var runOffsets: [Int] = []
        while run + 1 < runs.count {
            runOffsets.append(next)
            var scalar = Int(runs[run])
            for _ in 0..<Int(runs[run + 1]) {
                guard next < advances.count else { break }
                if scalar < basic.count { basic[scalar] = advances[next] }
                scalar += 1
                next += 1
            }
            run += 2
        }
        self.basic = basic
        self.runOffsets = runOffsets
    }

    public static func face(_ face: FontFace) -> BundledMetrics {
        switch face {
        case .regular: regular
        case .bold: bold
        case .italic: italic
        case .boldItalic: boldItalic
        }
    }

    /// The advance of `scalar` in font units, as the font's cmap and hmtx give it.
    func advanceUnits(of scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        if value < 0x10000 { return basic[Int(value)] }
        // beyond the BMP: the run holding it, by binary search
        var low = 0, high = runOffsets.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let first = runs[2 * middle], count = runs[2 * middle + 1]
            if value < first { high = middle - 1 } else if value - first >= count { low = middle + 1 } else {
                let index = runOffsets[middle] + Int(value - first)
                return advances.indices.contains(index) ? advances[index] : notdefAdvance
            }
        }
        return notdefAdvance
    }

    public func advance(of scalar: Unicode.Scalar) -> Double {
        Double(advanceUnits(of: scalar)) / Double(unitsPerEm)
    }

    public var ascent: Double { Double(ascender) / Double(unitsPerEm) }
    public var descent: Double { Double(-descender) / Double(unitsPerEm) }
}
