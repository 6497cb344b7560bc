@testable import AgendaPDF
import AgendaRender
import Testing

/// The generated metrics layout measures with (`Font/Metrics/`, by
/// `scripts/generate-font-metrics`) are the parsed fonts' own, for every character.
@Suite struct BundledMetricsTests {
    @Test(arguments: FontFace.allCases)
    func everyCharacterMeasuresAsTheFontSays(face: FontFace) {
        let font = BundledFonts.face(face)
        let metrics = BundledMetrics.face(face)
        #expect(font.glyphCount > 2000, "the shipped font parsed")
        #expect(metrics.unitsPerEm == font.unitsPerEm)
        #expect(metrics.ascent == font.ascent)
        #expect(metrics.descent == font.descent)
        var mapped = 0
        font.forEachMapping { _, _ in mapped += 1 }
        #expect(metrics.advances.count == mapped, "run scripts/generate-font-metrics: the table lists other characters than the font maps")
        var differing: [String] = []
        // every BMP scalar, mapped or not (unmapped ones measure as .notdef), and some beyond
        for value in UInt32(0)...0x1_0100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if metrics.advance(of: scalar) != font.advance(of: scalar), differing.count < 5 {
                differing.append("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        #expect(differing.isEmpty, "run scripts/generate-font-metrics: advances differ at \(differing)")
    }

    @Test func runsBeyondTheBasicPlaneAreFound() {
        let metrics = BundledMetrics(unitsPerEm: 1000, ascender: 800, descender: -200, notdefAdvance: 500,
                                     runs: [0x41, 2, 0x1F600, 3], advances: [600, 700, 1000, 1100, 1200])
        #expect(metrics.advance(of: "A") == 0.6)
        #expect(metrics.advance(of: "B") == 0.7)
        #expect(metrics.advance(of: "C") == 0.5)
        #expect(metrics.advance(of: "\u{1F601}") == 1.1)
        #expect(metrics.advance(of: "\u{1F602}") == 1.2)
        #expect(metrics.advance(of: "\u{1F603}") == 0.5)
        #expect(metrics.advance(of: "\u{1F5FF}") == 0.5)
    }

    /// Layout measures with the tables, so compiling a PDF parses no face it does not embed.
    @Test func theTypesetterMeasuresWithTheTables() {
        for face in FontFace.allCases {
            #expect(Typefaces.bundled[face] is BundledMetrics)
        }
    }
}
