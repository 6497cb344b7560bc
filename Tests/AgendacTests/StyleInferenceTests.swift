import AgendaBase
import AgendaImport
import AgendaRender
import Foundation
import Testing

/// The house style inferred from each seed's printed phrases against the style
/// written by hand for that municipality (`samples/styles/NAME.stil.json`), on
/// the keys the seed shows.
@Suite struct StyleInferenceTests {
    static let seedStyles: [(seed: String, style: String, keys: [String])] = [
        ("000_4dc6bcd4ad4a3175.txt", "horsens", ["municipalityLine", "title", "agendaWord", "minutesWord", "headerFact", "meetingDate", "contentsEntry", "itemHeading", "caseNumberLine"]),
        ("001_4d730365fae17496.txt", "herning", ["municipalityLine", "title", "agendaWord", "minutesWord", "headerFact", "meetingDate", "contentsEntry", "itemHeading", "caseNumberLine"]),
        ("002_47e8ca1cd34ccfcd.txt", "haderslev", ["municipalityLine", "title", "agendaWord", "minutesWord", "headerFact", "meetingDate", "contentsEntry", "itemHeading", "caseNumberLine", "decisionHeading", "absentees", "itemAbsentees"]),
    ]

    static func lines(_ text: String) -> [ImportLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ImportLine(text: String($0.element), sourceLine: $0.offset + 1) }
    }

    @Test(arguments: seedStyles.map(\.seed))
    func seedStyleIsInferred(_ seed: String) throws {
        guard let entry = Self.seedStyles.first(where: { $0.seed == seed }) else { return }
        let inferred = StyleInference.inferredJSON(from: Self.lines(Golden.read(Golden.seeds.appendingPathComponent(seed))))
        let written = try JSON.parse(Golden.read(Golden.samples.appendingPathComponent("styles/\(entry.style).stil.json")))
        for key in entry.keys {
            #expect(inferred["templates"]?[key]?.stringValue == written["templates"]?[key]?.stringValue, "\(entry.style): \(key)")
        }
        #expect(inferred["header"] == written["header"], "\(entry.style): header facts")
        #expect(inferred["contents"]?["show"]?.boolValue ?? true, "\(entry.style): the seed has a contents list")
    }

    @Test func inferredStyleReadsWithoutFindings() {
        for entry in Self.seedStyles {
            let text = StyleInference.infer(from: Self.lines(Golden.read(Golden.seeds.appendingPathComponent(entry.seed))))
            let read = StyleFile.read(Array(text.utf8))
            #expect(read.style != nil && read.diagnostics.isEmpty, "\(entry.style): \(read.diagnostics.map(\.message))")
        }
    }

    @Test func printedForms() {
        let lines = Self.lines("""
        Dagsorden

        Mødedato: 13-01-2026, kl. 13.30

        Pkt. 42 Godkendelse af dagsorden

        Sagsnr.: 25/123

        Beslutning i Økonomiudvalget den 4. maj 2026

        Godkendt.

        Anna Hansen (A) deltog ikke i mødet.
        """)
        let inferred = StyleInference.inferredJSON(from: lines)["templates"]
        #expect(inferred?["itemHeading"]?.stringValue == "Pkt. {number} {title}")
        // what the built-in style prints already is left out
        #expect(inferred?["headerFact"] == nil)
        #expect(inferred?["meetingDate"]?.stringValue == "{date},[ kl. {time}]")
        #expect(inferred?["caseNumberLine"] == nil && inferred?["decisionHeading"] == nil)
        #expect(inferred?["absentees"]?.stringValue == "{names} deltog ikke i mødet.")
        #expect(inferred?["municipalityLine"]?.stringValue == "")
    }
}
