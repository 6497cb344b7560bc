import AgendaBase
import AgendaFormat
import AgendaIDE
import AgendaPDF
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// Pathological documents, each run through every pass at two sizes, n and
/// 4n, in the same run: a linear pass takes about 4 times as long on the
/// larger one, a quadratic one 16 times. No wall-clock limit is asserted,
/// only the ratio, so a slow or busy machine does not fail the test.
@Suite(.serialized) struct LinearityTests {
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        /// The size the test runs at (and 4 times it).
        let size: Int
        let generate: @Sendable (Int) -> String
        var description: String { name }
    }

    static let header = "møde: Udvalget\ndokument: referat\ndato: 2026-05-04\n\n"

    static func repeated(_ count: Int, _ line: (Int) -> String) -> String {
        var text = ""
        for index in 0..<count { text += line(index) }
        return text
    }

    static let cases: [Case] = [
        Case(name: "items with the same number", size: 150) { n in
            header + repeated(n) { _ in "punkt 1: Sag\nbeslutning:\nGodkendt.\n\n" }
        },
        Case(name: "items out of sequence", size: 150) { n in
            header + repeated(n) { "punkt \(2 * $0 + 2): Sag\n" }
        },
        Case(name: "items with the same case number", size: 150) { n in
            header + repeated(n) { "punkt \($0 + 1): Sag\nsagsnr: 21/24526\n" }
        },
        Case(name: "items with the same title", size: 120) { n in
            header + repeated(n) { "punkt \($0 + 1): Samme titel\nbeslutning:\nGodkendt.\n" }
        },
        Case(name: "items without numbers or anything else", size: 250) { n in
            repeated(n) { _ in "punkt: x\n" }
        },
        Case(name: "attachments in one item", size: 300) { n in
            header + "punkt 1: Sag\nbilag:\n" + repeated(n) { "- Bilag \($0) (fil: bilag/b\($0).pdf)\n" }
        },
        Case(name: "participants", size: 300) { n in
            header + "deltagere:\n" + repeated(n) { "- Person Nummer\($0) (A)\n" } + "fraværende: Ukendt Person\n\npunkt 1: Sag\n"
        },
        Case(name: "one long line", size: 1_500) { n in
            header + "punkt 1: " + String(repeating: "titel ", count: n) + "\nresume:\n" + String(repeating: "ord **fed** ", count: n) + "\n"
        },
        Case(name: "deep list nesting", size: 1_000) { n in
            // n lines of growing indent; the bytes grow with n squared, so n is scaled by 2 for 4 times the input
            let depth = Int(Double(n).squareRoot() * 3)
            return header + "punkt 1: Sag\nresume:\n" + repeated(depth) { String(repeating: "  ", count: $0) + "- niveau \($0)\n" }
        },
        Case(name: "table columns", size: 250) { n in
            header + "punkt 1: Sag\nresume:\n" + "|" + repeated(n) { "k\($0)|" } + "\n|" + repeated(n) { _ in "-|" } + "\n|"
                + repeated(n) { "\($0)|" } + "\n|" + repeated(n / 2) { _ in "x|" } + "\n"
        },
        Case(name: "comment lines between two keywords", size: 1_000) { n in
            header + "punkt 1: Sag\n" + repeated(n) { _ in "// kommentar\n" } + "resume:\nTekst.\n"
        },
        Case(name: "a file of only pipes", size: 2_000) { n in String(repeating: "|", count: n) },
        Case(name: "lines of only a pipe", size: 2_000) { n in String(repeating: "|\n", count: n) },
        Case(name: "empty lines", size: 20_000) { n in String(repeating: "\n", count: n) },
        Case(name: "items with prose, a list and a table (2,000 at 4n)", size: 500) { n in
            header + repeated(n) { "punkt \($0 + 1): Sag \($0)\nsagsnr: 21/\($0)\nresume:\nTekst med **fed** og *kursiv* ord om sagen.\n- et\n- to\n\n| Post | Beløb |\n|---|---|\n| A | 1 |\n\n" }
        },
    ]

    /// The passes: what `check`, `compile`, `fmt` and the language server run.
    static let passes: [(name: String, run: @Sendable (SourceText) -> Void)] = [
        ("parse+check", { _ = AnalyzedDocument(source: $0) }),
        ("fmt", { _ = Formatter.format($0) }),
        ("render", { source in
            let meeting = AnalyzedDocument(source: source).meeting
            for format in OutputFormat.allCases { _ = AgendaRenderer.render(meeting, as: format) }
            _ = AgendaRenderer.render(meeting, as: .json, options: RenderOptions(publicVersion: true))
        }),
        ("PDF layout", { source in
            let meeting = AnalyzedDocument(source: source).meeting
            _ = PDFLayout.document(meeting, faces: SimpleMetrics.faces)
            _ = PDFLayout.document(meeting, options: RenderOptions(publicVersion: true), faces: SimpleMetrics.faces)
        }),
        ("IDE features", { source in
            let document = AnalyzedDocument(source: source)
            let middle = source.lineRange(source.lineCount / 2).lowerBound + 7
            let end = source.bytes.count
            _ = DocumentSymbols.symbols(in: document)
            _ = SemanticTokens.tokens(in: document)
            _ = FoldingRanges.ranges(in: document)
            for offset in [middle, end] {
                _ = Completion.complete(in: document, at: offset)
                _ = Hover.hover(in: document, at: offset)
                _ = SelectionRanges.ranges(in: document, at: offset)
                _ = Navigation.references(in: document, at: offset)
                _ = CodeActions.actions(in: document, for: offset..<offset)
            }
            // every finding's fixes at once, as "fix all" in an editor asks
            _ = CodeActions.actions(in: document, for: 0..<end).map(\.edits)
        }),
    ]

    /// CPU time of this thread, in seconds: other processes on a busy machine do not count.
    static func threadSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The best of two timings of `repetitions` runs, in CPU seconds.
    static func seconds(repetitions: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<2 {
            let start = threadSeconds()
            for _ in 0..<repetitions { body() }
            best = min(best, threadSeconds() - start)
        }
        return best
    }

    /// How many runs of the small case take long enough (10 ms) for the clock
    /// not to decide the ratio; the large case runs as many times.
    static func repetitions(_ body: () -> Void) -> Int {
        var count = 1
        while count < 256, seconds(repetitions: count, body) < 0.01 { count *= 4 }
        return count
    }

    /// Time on 4n over time on n; measured again once when high, so that one
    /// disturbance does not fail the test while a quadratic pass still does.
    static func ratio(_ pass: (SourceText) -> Void, small: SourceText, large: SourceText) -> (ratio: Double, detail: String) {
        let count = repetitions { pass(small) }
        var best = (ratio: Double.infinity, detail: "")
        for _ in 0..<2 where best.ratio >= 10 {
            let smallTime = seconds(repetitions: count) { pass(small) }
            let largeTime = seconds(repetitions: count) { pass(large) }
            let ratio = largeTime / max(smallTime, 1e-6)
            if ratio < best.ratio {
                best = (ratio, "\(count) runs of \(small.bytes.count) bytes in \(smallTime) s, of \(large.bytes.count) bytes in \(largeTime) s (ratio \(ratio))")
            }
        }
        return best
    }

    @Test("each pass grows linearly on pathological input", arguments: cases)
    func linear(_ testCase: Case) {
        let small = SourceText(testCase.generate(testCase.size))
        let large = SourceText(testCase.generate(4 * testCase.size))
        for pass in Self.passes {
            let (ratio, detail) = Self.ratio(pass.run, small: small, large: large)
            #expect(ratio < 10, "\(testCase.name), \(pass.name): \(detail)")
        }
    }
}
