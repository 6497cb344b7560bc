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

    /// A meeting's start and end printed apart, in the import fixtures' layouts: the inferred style prints them
    /// as the fixture's style does (the labels, the forms, and where the two facts stand).
    @Test(arguments: ["other-aalborg-pkt-colons", "other-randers-modestart"])
    func startAndEndAsTheFixturesStyle(_ fixture: String) throws {
        let folder = Golden.fixtures.appendingPathComponent("import")
        let inferred = StyleInference.inferredJSON(from: Self.lines(Golden.read(folder.appendingPathComponent(fixture + ".txt"))))
        let written = try JSON.parse(Golden.read(folder.appendingPathComponent(fixture + ".stil.json")))
        for key in ["startLabel", "meetingStart", "endLabel", "meetingEnd", "meetingDate"] {
            #expect(inferred["templates"]?[key]?.stringValue == written["templates"]?[key]?.stringValue, "\(fixture): \(key)")
        }
        #expect(inferred["header"]?["facts"] == written["header"]?["facts"], "\(fixture): header facts")
    }

    /// Section headings printed otherwise than the keyword's label (`Resumé`, `INDSTILLING`) are the style's
    /// labels for those sections, as the fixture's style has them; the label printed most often wins.
    @Test(arguments: [("other-odense-contents.txt", ["summaryLabel"]), ("other-silkeborg-nr-markdown.md", ["summaryLabel"]),
                      ("other-kobenhavn-caps.txt", ["recommendationLabel", "economyLabel", "decisionLabel"])])
    func sectionLabelsAsTheFixturesStyle(_ fixture: String, _ keys: [String]) throws {
        let folder = Golden.fixtures.appendingPathComponent("import")
        let inferred = StyleInference.inferredJSON(from: Self.lines(Golden.read(folder.appendingPathComponent(fixture))))
        let written = try JSON.parse(Golden.read(folder.appendingPathComponent((fixture as NSString).deletingPathExtension + ".stil.json")))
        for key in keys {
            #expect(inferred["templates"]?[key]?.stringValue == written["templates"]?[key]?.stringValue, "\(fixture): \(key)")
        }
        // København prints "Beslutning" twice and no other way: the built-in label, so no key
        if fixture.hasPrefix("other-kobenhavn") { #expect(inferred["templates"]?["decisionLabel"] == nil) }
    }

    /// A sheet signed by click under no heading of its own (`Godkendes digitalt af:` after the last item's text)
    /// is printed so (`signaturesHeading: ""`, as the fixture's style has it); under `Underskrifter`, the
    /// built-in heading, no key; a paper sheet's line to sign on tells nothing.
    @Test func signaturesHeading() throws {
        let folder = Golden.fixtures.appendingPathComponent("import")
        let inferred = StyleInference.inferredJSON(from: Self.lines(Golden.read(folder.appendingPathComponent("seed-horsens-agenda-signatures.txt"))))
        let written = try JSON.parse(Golden.read(folder.appendingPathComponent("seed-horsens-agenda-signatures.stil.json")))
        #expect(inferred["templates"]?["signaturesHeading"]?.stringValue == "")
        #expect(written["templates"]?["signaturesHeading"]?.stringValue == "")
        let headed = StyleInference.inferredJSON(from: Self.lines("Punkt 1: Eventuelt\n\nIntet.\n\nUnderskrifter\n\nGodkendes digitalt af:\n\nAnna Hansen\n"))
        #expect(headed["templates"]?["signaturesHeading"] == nil)
        let sheet = StyleInference.inferredJSON(from: Self.lines("Punkt 1: Eventuelt\n\nIntet.\n\nSignaturside\n\nAnna Hansen\n______________\n"))
        #expect(sheet["templates"]?["signaturesHeading"] == nil)
    }

    /// Other wordings of the start and the end: labels kept as printed, the time's form and the words around it.
    @Test func startAndEndForms() {
        let lines = Self.lines("""
        Referat
        Mødedato: 13-01-2026
        Mødet begyndt kl. 16.00
        Mødested: Rådhuset
        Mødet hævet kl. 18.30.

        Punkt 1: Godkendelse af dagsorden
        """)
        let inferred = StyleInference.inferredJSON(from: lines)
        let templates = inferred["templates"]
        #expect(templates?["startLabel"]?.stringValue == "Mødet begyndt")
        #expect(templates?["meetingStart"] == nil, "kl. {start} is the built-in form")
        #expect(templates?["endLabel"]?.stringValue == "Mødet hævet")
        #expect(templates?["meetingEnd"]?.stringValue == "kl. {end}.")
        // the date line shows no time, so the date prints alone
        #expect(templates?["meetingDate"]?.stringValue == "{date}")
        #expect(inferred["header"]?["facts"] == .array(["meeting", "date", "start", "place", "end", "participants", "absentees", "substitutes"].map(JSON.string)))
        let read = StyleFile.read(Array(StyleInference.infer(from: lines).utf8))
        #expect(read.style != nil && read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
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
