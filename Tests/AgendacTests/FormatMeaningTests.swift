import AgendaBase
import AgendaFormat
import AgendaRender
import AgendaSemantics
import AgendaSyntax
import Foundation
import Testing

/// `fmt` changes layout only: whatever it accepts compiles to the same JSON
/// before and after, and formatting again changes nothing. Checked over a
/// generated corpus (the samples and every test fixture, whole and as
/// line-level mutations of slices of them) and over the inputs that once broke
/// it, kept in `Tests/Fixtures/format/meaning/`.
enum FormatMeaning {
    /// The compiled JSON of a text, as `agendac compile --to json --force` writes it.
    static func json(_ source: SourceText) -> String {
        let context = CheckContext(fileURL: URL(fileURLWithPath: "/agendac-format-meaning/x.agenda"), fileExists: { _ in false })
        return AgendaRenderer.render(AnalyzedDocument(source: source, context: context).meeting, as: .json)
    }

    /// Nil when the property holds, else what broke.
    static func violation(_ bytes: [UInt8]) -> String? {
        let source = SourceText(bytes: bytes)
        guard AgendaFormat.Formatter.canFormat(source) else { return nil }
        let once = AgendaFormat.Formatter.format(source)
        let twice = AgendaFormat.Formatter.format(once)
        if twice != once { return "not idempotent: \(Golden.firstDifference(once, twice))" }
        let before = json(source), after = json(SourceText(once))
        if before != after { return "the JSON changed: \(Golden.firstDifference(before, after))" }
        return nil
    }

    /// Every `.agenda` file of the samples and the fixtures, sorted by path.
    static let corpusFiles: [URL] = {
        var files: [URL] = []
        for root in [Golden.samples, Golden.fixtures] {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if url.pathExtension == "agenda" { files.append(url) }
            }
        }
        return files.sorted { $0.path < $1.path }
    }()

    /// Lines that stress layout: indentation, markers, tables, keywords in odd case and places.
    static let fragments: [String] = [
        "", "  ", "    ", "\t", " ", "- ", "* ", "1. ", "2) ", "10. ", "  - ", "    - ", "   1. ", "|", "| a | b |", "|---|---|", "|x",
        "RESUME:", "Resume", "resume :", "BESLUTNING: X", "punkt 2: B", "punkt: C", "underskrifter:", "overskrift: O", "lukket",
        "uden beslutning", "// note", "  // note", "\\", "at ", "**", "[a](b)", "sagsnr: 21/1", "dato: 2026-05-04", "flertal: A",
        "udfald 1: tiltrådt", "for: A, B", "bilag:", "- fil.pdf", "9. december", "Tekst.", "æøå", "\r",
    ]

    /// A line-level mutation: what `fmt` reacts to is indentation, markers, blank lines and trailing space.
    static func mutate(_ lines: inout [String], _ random: inout SeededRandom) {
        guard !lines.isEmpty else { lines = [fragments[random.below(fragments.count)]]; return }
        let index = random.below(lines.count)
        switch random.below(10) {
        case 0: lines[index] = String(repeating: " ", count: 1 + random.below(6)) + lines[index]
        case 1: lines[index] = String(lines[index].drop { $0 == " " || $0 == "\t" })
        case 2: lines[index] += [" ", "  ", "\t", " \t "][random.below(4)]
        case 3: lines.insert(fragments[random.below(fragments.count)], at: index)
        case 4: lines[index] = fragments[random.below(fragments.count)] + lines[index]
        case 5: lines.remove(at: index)
        case 6: lines.insert(lines[random.below(lines.count)], at: index)
        case 7: lines[index] = random.below(2) == 0 ? lines[index].uppercased() : lines[index].lowercased()
        case 8: lines.insert("", at: index)
        default: lines[index] = "\t" + lines[index]
        }
    }

    /// `count` inputs: slices of up to 30 lines of the corpus files, each with 1–4 mutations.
    static func mutatedInputs(count: Int, seed: UInt64) -> [(label: String, bytes: [UInt8])] {
        let texts = corpusFiles.map { Golden.read($0).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        guard !texts.isEmpty else { return [] }
        var random = SeededRandom(seed: seed)
        return (0..<count).map { round in
            let file = random.below(texts.count)
            let all = texts[file]
            let start = random.below(all.count)
            var lines = Array(all[start..<min(all.count, start + 1 + random.below(30))])
            for _ in 0..<(1 + random.below(4)) { mutate(&lines, &random) }
            return ("\(corpusFiles[file].lastPathComponent) slice \(start) round \(round)", Array(lines.joined(separator: "\n").utf8))
        }
    }
}

@Suite("fmt keeps what compiles")
struct FormatMeaningTests {
    @Test("every sample and fixture compiles to the same JSON after fmt")
    func corpusFiles() {
        #expect(FormatMeaning.corpusFiles.count > 50)
        for file in FormatMeaning.corpusFiles {
            if let problem = FormatMeaning.violation(Golden.bytes(file)) {
                Issue.record("\(file.lastPathComponent): \(problem)")
            }
        }
    }

    @Test("mutated slices of the corpus compile to the same JSON after fmt")
    func mutatedCorpus() {
        var failures: [String] = []
        let seed = UInt64(ProcessInfo.processInfo.environment["AGENDAC_FORMAT_MEANING_SEED"] ?? "") ?? 7
        let count = Int(ProcessInfo.processInfo.environment["AGENDAC_FORMAT_MEANING_COUNT"] ?? "") ?? 3000
        for (label, bytes) in FormatMeaning.mutatedInputs(count: count, seed: seed) {
            if let problem = FormatMeaning.violation(bytes) {
                failures.append("\(label): \(problem)\n--- input\n\(String(decoding: bytes, as: UTF8.self))\n---")
                if failures.count >= 5 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    static let foundInputs = Golden.inputs("format/meaning").filter { !$0.lastPathComponent.hasSuffix(".formatted.agenda") }

    @Test("inputs that once changed meaning: formatted as expected, compiled alike", arguments: foundInputs)
    func foundInput(_ input: URL) {
        let bytes = Golden.bytes(input)
        let expected = input.deletingPathExtension().appendingPathExtension("formatted.agenda")
        Golden.check(AgendaFormat.Formatter.format(SourceText(bytes: bytes)), against: expected)
        #expect(FormatMeaning.violation(bytes) == nil, "\(input.lastPathComponent): \(FormatMeaning.violation(bytes) ?? "")")
    }

    static func analyzed(_ name: String) -> (before: AnalyzedDocument, after: AnalyzedDocument) {
        let source = SourceText(bytes: Golden.bytes(Golden.fixtures.appendingPathComponent("format/meaning/\(name).agenda")))
        return (AnalyzedDocument(source: source), AnalyzedDocument(text: AgendaFormat.Formatter.format(source)))
    }

    @Test("an indented near miss of lukket withholds the item before and after fmt")
    func indentedFlag() {
        let (before, after) = Self.analyzed("indented-flag")
        #expect(before.meeting.items.first?.closed == true)
        #expect(after.meeting.items.first?.closed == true)
        #expect(after.diagnostics.contains { $0.code == "AG425" })
    }

    @Test("a signer written as a table row is read by its cells")
    func signerTable() {
        let (before, after) = Self.analyzed("signer-table")
        let names = ["x", "Anna Hansen", "Bo Jensen", "Carl Holm"]
        #expect(before.meeting.signatures?.signers.map(\.name) == names)
        #expect(after.meeting.signatures?.signers.map(\.name) == names)
    }

    @Test("adjacent lists of one kind are one list")
    func adjacentLists() {
        let (before, _) = Self.analyzed("adjacent-lists")
        let document = before.syntax
        guard let body = document.items.first?.entries.first?.body else {
            Issue.record("no section")
            return
        }
        let lists = body.compactMap { block -> ListSyntax? in if case .list(let list) = block { list } else { nil } }
        #expect(lists.map(\.entries.count) == [5])
    }
}

