import AgendaBase
import AgendaImport
import AgendaRender
import Foundation
import Testing

/// The page cleaner and the style inference on mangled input: the page
/// fixtures cut, spliced and sprinkled with form feeds, hyphens, dot leaders
/// and wide spaces, and text of one kind of line repeated a great many times.
/// No crash, every line out names a line in, and time grows with the input.
@Suite struct ImportRobustnessTests {
    static let pieces = ["\u{0C}", "-", "  ", "        ", "\n", "..........", "Side 3 af 12", "•   ", "1. ", "| a | b |", "\t", "Punkt 4: ",
                         "Beslutning i Udvalget den 20-10-2025", "Mødedato ", "Fraværende:", "2024-", "KL-", "\u{AD}", "\r", "", "0,5"]

    @Test func mangledPagesNeverCrash() {
        let fixtures = Golden.inputs("import-pages", ext: "txt").filter { $0.lastPathComponent.hasSuffix(".layout.txt") }.map(Golden.read)
        var random = SeededRandom(seed: 11)
        for round in 0..<40 {
            guard let base = fixtures.isEmpty ? nil : fixtures[random.below(fixtures.count)] else { return }
            var characters = Array(base)
            for _ in 0..<(1 + random.below(40)) {
                let position = random.below(characters.count + 1)
                switch random.below(3) {
                case 0: characters.insert(contentsOf: Array(Self.pieces[random.below(Self.pieces.count)]), at: position)
                case 1: characters.removeSubrange(position..<min(characters.count, position + random.below(200)))
                default:
                    let start = random.below(characters.count + 1)
                    let piece = characters[start..<min(characters.count, start + random.below(300))]
                    characters.insert(contentsOf: piece, at: position)
                }
            }
            let lines = PDFTextExtraction.pages(ofLayoutText: String(characters))
            let cleaned = PageCleaner.clean(lines)
            let places = Set(lines.map { "\($0.sourceLine):\($0.page ?? 0)" })
            #expect(cleaned.allSatisfy { places.contains("\($0.sourceLine):\($0.page ?? 0)") }, "round \(round)")
            let style = StyleFile.read(Array(StyleInference.infer(from: cleaned).utf8))
            #expect(style.style != nil && style.diagnostics.isEmpty, "round \(round): \(style.diagnostics.map(\.message))")
        }
    }

    /// One shape of line many times over (a page per line, a table of a great many
    /// rows, one paragraph of a great many lines, a contents list): ten times the
    /// input takes at most about ten times as long.
    @Test(arguments: ["table", "paragraph", "pages", "contents", "labels", "hyphens"])
    func linear(_ shape: String) {
        func text(_ count: Int) -> String {
            var out = ""
            for number in 0..<count {
                switch shape {
                case "table": out += "    Udgifter \(number)        0,3      2,4    0,8    3,5\n\n"
                case "paragraph": out += "Udvalget orienteres om afslutningen på partnerskabsaftalen mellem Haderslev Kommune og Den \(number)\n"
                case "pages": out += "Referat\nPunkt \(number): Godkendelse\nSide \(number) af \(count)\n\u{0C}"
                case "contents": out += "\(number). Godkendelse af dagsorden ......................... \(number)\n"
                case "labels": out += "Sagsbehandler      Birgitte Holm Thomsen \(number)\n"
                default: out += "Udvalget orienteres om afslutningen på partnerskabsaftalen mellem Haderslev Kom-\n"
                }
            }
            return out
        }
        func seconds(_ input: String) -> Double {
            let start = Date()
            let cleaned = PageCleaner.clean(PDFTextExtraction.pages(ofLayoutText: input))
            _ = StyleInference.infer(from: cleaned)
            return Date().timeIntervalSince(start)
        }
        let small = text(400), large = text(4000)
        _ = seconds(small)
        let smallTime = max(seconds(small), 0.002), largeTime = seconds(large)
        #expect(largeTime / smallTime < 40, "\(shape): 400 lines \(smallTime) s, 4,000 lines \(largeTime) s")
    }
}
