import AgendaBase
import AgendaFormat
import AgendaRender
import AgendaSemantics
import AgendaSyntax
import Foundation
import Testing

/// Mutates and truncates every sample many ways (deterministically) and checks
/// that analysis never crashes and every range it reports lies inside the text
/// and converts to a position and back.
@Suite struct RobustnessTests {
    /// Fragments that stress the scanner: keywords, markers, invalid UTF-8, NUL, surrogates' UTF-8, emoji, CR.
    static let fragments: [[UInt8]] = [
        "punkt ", "punkt 9999999999:", "beslutning:", "flertal:", "udfald 1:", "| a | b", "|", "- ", "1. ", "  - ", "**", "*", "[x](",
        "sagsnr: 15.00.00-Ø00-1-26", "dato: 2026-02-30", "tid: 99:99", "\\", "//", ":", "\r", "\r\n", "\t", "🙂", "æøå", "O\u{0338}",
        "underskrifter:", "lukket", "dokument: referat", "(fil: ", ")", "at ", "overskrift:", "\n\n\n",
        "offentlig titel:", "offentlig beslutning:", "fortrolig beslutning",
        "underoverskrift:", "\n9. december", "\n12. - 13. ", "\npunkt 3 Titel", "\nResume\n", "Bilag (3):", "bilag: 3 bilag", "Resumé:", "pukt 2:",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF0, 0x9F], [0x7F], [0x1B]]

    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var result = bytes
        for _ in 0..<(1 + random.below(4)) {
            let position = random.below(result.count + 1)
            switch random.below(6) {
            case 0: result = Array(result.prefix(position))  // truncate
            case 1: result.insert(contentsOf: fragments[random.below(fragments.count)], at: position)
            case 2:  // delete a span
                let end = min(result.count, position + random.below(200))
                if position < end { result.removeSubrange(position..<end) }
            case 3:  // duplicate a span
                let end = min(result.count, position + random.below(300))
                if position < end { result.insert(contentsOf: result[position..<end], at: random.below(result.count + 1)) }
            case 4:  // flip a byte
                if position < result.count { result[position] ^= UInt8(truncatingIfNeeded: random.next() | 1) }
            default:  // random garbage
                result.insert(contentsOf: (0..<random.below(40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
            }
        }
        return result
    }

    static func assertSound(_ bytes: [UInt8], label: String) {
        let source = SourceText(bytes: bytes)
        let document = AnalyzedDocument(source: source, context: CheckContext(fileURL: URL(fileURLWithPath: "/nonexistent/x.agenda")))
        for diagnostic in document.diagnostics {
            let range = diagnostic.range
            #expect(range.lowerBound >= 0 && range.upperBound <= bytes.count, "\(label): range \(range) outside 0..<\(bytes.count) for \(diagnostic.code)")
            for unit in [ColumnUnit.utf8, .utf16, .unicodeScalars] {
                let start = source.position(of: range.lowerBound, unit: unit)
                let end = source.position(of: range.upperBound, unit: unit)
                #expect(start <= end, "\(label): \(diagnostic.code) start after end in \(unit)")
                let back = source.offset(of: start, unit: unit)
                #expect(back <= range.lowerBound && back >= 0, "\(label): \(diagnostic.code) position does not convert back in \(unit)")
            }
            for fix in diagnostic.fixes {
                for edit in fix.edits {
                    #expect(edit.range.lowerBound >= 0 && edit.range.upperBound <= bytes.count, "\(label): fix edit outside the text")
                }
            }
        }
        #expect(SyntaxTreePrinter.print(document.syntax).isEmpty == false)
        // every later layer must take whatever the parser made of it
        for format in OutputFormat.allCases {
            #expect(!AgendaRenderer.render(document.meeting, as: format).isEmpty, "\(label): empty \(format.rawValue)")
        }
        // the public version takes it too (JSON writes every field the public item keeps)
        #expect(!AgendaRenderer.render(document.meeting, as: .json, options: RenderOptions(publicVersion: true)).isEmpty, "\(label): empty public JSON")
        let formatted = AgendaFormat.Formatter.format(source)
        if AgendaFormat.Formatter.canFormat(source) {
            #expect(AgendaFormat.Formatter.format(SourceText(formatted)) == formatted, "\(label): formatting is not idempotent")
        }
    }

    @Test(arguments: Golden.sampleFiles())
    func mutatedSamplesNeverCrash(_ sample: URL) {
        let original = Golden.bytes(sample)
        var random = SeededRandom(seed: UInt64(original.count))
        for round in 0..<150 {
            Self.assertSound(Self.mutate(original, &random), label: "\(sample.lastPathComponent) mutation \(round)")
        }
    }

    @Test(arguments: Golden.sampleFiles())
    func everyTruncationIsSound(_ sample: URL) {
        let original = Golden.bytes(sample)
        // every 97th cut, plus cuts inside multi-byte characters
        var cuts = Array(stride(from: 0, to: original.count, by: 97))
        cuts += original.indices.filter { original[$0] >= 0xC0 }.prefix(40).map { $0 + 1 }
        for cut in cuts where cut <= original.count {
            Self.assertSound(Array(original.prefix(cut)), label: "\(sample.lastPathComponent) cut at \(cut)")
        }
    }

    @Test func pathologicalInputs() {
        let inputs: [[UInt8]] = [
            [], [0x0A], Array(repeating: 0x0A, count: 10_000), Array(repeating: 0x00, count: 5000),
            Array(repeating: UInt8(ascii: "|"), count: 20_000), Array(repeating: UInt8(ascii: "*"), count: 20_000),
            Array(repeating: UInt8(ascii: "["), count: 20_000), Array(String(repeating: "- ", count: 5000).utf8),
            Array(String(repeating: "  ", count: 5000).utf8) + Array("- x".utf8),
            Array(String(repeating: "punkt:\n", count: 3000).utf8), Array(String(repeating: "  - nested\n", count: 3000).utf8),
            Array(String(repeating: "beslutning:\nflertal:\n", count: 2000).utf8), Array(repeating: 0xFF, count: 3000),
        ]
        for (index, input) in inputs.enumerated() { Self.assertSound(input, label: "pathological \(index)") }
    }
}
