import AgendaBase
import AgendaIDE
import AgendaLSP
import AgendaRender
import AgendaSemantics
import AgendaSyntax
import Foundation
import Testing

/// The incremental analysis against a full one, after every edit of long
/// seeded random edit sequences (as rust-analyzer's reparsing tests do): the
/// text, its line index and every finding (range, rule, severity, message,
/// fixes) must be the same, and so must the document the language server's
/// features read (`IncrementalAnalysis.document`): the model's JSON, the
/// syntax tree with its ranges, document symbols, semantic tokens, folding
/// ranges, and hover and completion at a position that moves with the step. A sequence that once failed is kept in
/// `Tests/Fixtures/incremental/` and replayed.
@Suite struct IncrementalAnalysisTests {
    /// Documents to edit: the samples (with their settings), the rule fixtures and generated minutes.
    static func documents() -> [(name: String, text: String, context: CheckContext)] {
        var documents: [(String, String, CheckContext)] = []
        for url in Golden.sampleFiles() {
            documents.append((url.lastPathComponent, Golden.read(url), CheckContext.discover(for: url).0))
        }
        for url in Golden.inputs("rules") {
            documents.append((url.lastPathComponent, Golden.read(url), CheckContext()))
        }
        documents.append(("generated", generatedMinutes(items: 30), CheckContext()))
        return documents
    }

    /// `AGENDAC_INCREMENTAL_STEPS=50` makes every sequence 50 times longer (a long run by hand).
    static let longRun = Int(ProcessInfo.processInfo.environment["AGENDAC_INCREMENTAL_STEPS"] ?? "") ?? 1

    @Test(arguments: 0..<2)
    func randomEditsMatchAFullAnalysis(round: Int) throws {
        for (index, document) in Self.documents().enumerated() {
            var random = SeededRandom(seed: UInt64(round * 1000 + index + 1))
            let steps = Self.longRun * (document.name == "generated" ? 300 : document.name.contains("-20") ? 40 : 60)
            try replay(document.text, context: document.context, name: "\(document.name) round \(round)", steps: steps, random: &random)
        }
    }

    @Test func keptSequencesMatchAFullAnalysis() throws {
        let kept = Golden.inputs("incremental", ext: "json")
        #expect(!kept.isEmpty)
        for url in kept {
            let json = try JSON.parse(Array(Golden.read(url).utf8))
            let text = json["text"]?.stringValue ?? ""
            var analysis = IncrementalAnalysis(source: SourceText(text))
            for (step, edit) in (json["edits"]?.arrayValue ?? []).enumerated() {
                let lower = edit["start"]?.intValue ?? 0
                let upper = edit["end"]?.intValue ?? lower
                analysis = analysis.applying(TextEdit(range: lower..<upper, replacement: edit["text"]?.stringValue ?? ""))
                try compare(analysis, context: CheckContext(), what: "\(url.lastPathComponent) step \(step)")
            }
        }
    }

    @Test func anEditInsideAnItemLeavesTheOthersAlone() {
        let text = generatedMinutes(items: 40)
        let analysis = IncrementalAnalysis(source: SourceText(text))
        let offset = Array(text.utf8).indices.last { offset in text.utf8.count > offset + 20 && offset > text.utf8.count / 2 } ?? 0
        let edited = analysis.applying(TextEdit(range: offset..<offset, replacement: "x"))
        #expect(edited.reanalysedSegments <= 2, "one item analysed again, not \(edited.reanalysedSegments)")
    }

    /// The language server's features after an edit read the document put
    /// together from the kept segments: one item analysed again, and the
    /// completion, hover and symbols a full analysis gives.
    @Test func featuresAfterAnEditReadTheKeptSegments() throws {
        let text = generatedMinutes(items: 60)
        let before = AnalysisCell(source: SourceText(text), context: CheckContext())
        _ = before.incremental
        let source = before.source
        // a field typed below a decision in the middle of the document, the cursor after its colon
        guard let decision = text.range(of: "Godkendt.\n", range: text.index(text.startIndex, offsetBy: text.count / 2)..<text.endIndex)
        else { Issue.record("no decision to edit"); return }
        let lineStart = text.utf8.distance(from: text.utf8.startIndex, to: decision.upperBound)
        let edit = TextEdit(range: lineStart..<lineStart, replacement: "fraværende: \n")
        let offset = lineStart + "fraværende:".utf8.count
        let after = AnalysisCell(source: source.replacing(edit.range, with: Array(edit.replacement.utf8)), context: CheckContext(),
                                 after: before, edits: [edit])
        let document = after.analysis
        #expect(after.incremental.isIncremental)
        #expect(after.incremental.reanalysedSegments <= 2, "one item analysed again, not \(after.incremental.reanalysedSegments)")
        let full = AnalyzedDocument(source: after.source)
        #expect(Completion.complete(in: document, at: offset + 1) == Completion.complete(in: full, at: offset + 1))
        #expect(!Completion.complete(in: document, at: offset + 1).items.isEmpty)
        #expect(Hover.hover(in: document, at: offset - 3) == Hover.hover(in: full, at: offset - 3))
        #expect(Hover.hover(in: document, at: offset - 3) != nil)
        try compareDocuments(full, document, what: "after one edit")
    }

    func replay(_ text: String, context: CheckContext, name: String, steps: Int, random: inout SeededRandom) throws {
        var analysis = IncrementalAnalysis(source: SourceText(text), context: context)
        var edits: [TextEdit] = []
        var incremental = 0
        defer { if Self.longRun > 1 { print("\(name): \(incremental) of \(steps) edits incremental") } }
        for step in 0..<steps {
            let edit = Self.randomEdit(in: analysis.source, random: &random)
            edits.append(edit)
            analysis = analysis.applying(edit)
            if analysis.isIncremental { incremental += 1 }
            do {
                try compare(analysis, context: context, what: "\(name) step \(step)")
            } catch {
                keep(text, edits, name: name)
                throw error
            }
        }
    }

    struct Mismatch: Error, CustomStringConvertible { var description: String }

    func compare(_ analysis: IncrementalAnalysis, context: CheckContext, what: String) throws {
        let fresh = SourceText(bytes: analysis.source.bytes)
        guard analysis.source.allLineStarts == fresh.allLineStarts else { throw Mismatch(description: "\(what): the line index differs") }
        let full = AnalyzedDocument(source: fresh, context: context)
        let expected = full.diagnostics.map(Self.describe)
        let actual = analysis.diagnostics.map(Self.describe)
        guard expected == actual else {
            let missing = expected.filter { !actual.contains($0) }
            let extra = actual.filter { !expected.contains($0) }
            throw Mismatch(description: "\(what): findings differ\nmissing: \(missing)\nextra: \(extra)\norder or count: \(expected.count) vs \(actual.count)")
        }
        try compareDocuments(full, analysis.document, what: what)
    }

    /// The features' document put together from kept segments against a full analysis.
    func compareDocuments(_ full: AnalyzedDocument, _ kept: AnalyzedDocument, what: String) throws {
        func same<Value: Equatable>(_ label: String, _ read: (AnalyzedDocument) -> Value) throws {
            let expected = read(full), actual = read(kept)
            guard expected == actual else { throw Mismatch(description: "\(what): \(label) differs\nfull: \(expected)\nkept: \(actual)") }
        }
        try same("the model's JSON") { AgendaRenderer.render($0.meeting, as: .json) }
        try same("the syntax tree") { SyntaxTreePrinter.print($0.syntax) }
        try same("the scanned lines") { Array($0.syntax.lines) }
        try same("the comments") { $0.syntax.comments }
        try same("the document symbols") { DocumentSymbols.symbols(in: $0) }
        try same("the semantic tokens") { SemanticTokens.tokens(in: $0) }
        try same("the folding ranges") { FoldingRanges.ranges(in: $0) }
        let count = full.source.bytes.count
        for offset in [count / 3, count / 2, (count * 7) / 8, count] {
            try same("hover at \(offset)") { Hover.hover(in: $0, at: offset) }
            try same("completion at \(offset)") { Completion.complete(in: $0, at: offset) }
        }
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        let fixes = diagnostic.fixes.map { fix in
            fix.title + ": " + fix.edits.map { "\($0.range)=\($0.replacement)" }.joined(separator: ", ")
        }
        return "\(diagnostic.range) \(diagnostic.code) \(diagnostic.severity) \(diagnostic.message) [\(fixes.joined(separator: "; "))]"
    }

    /// Writes a failing sequence where it can be kept as a fixture.
    func keep(_ text: String, _ edits: [TextEdit], name: String) {
        let json = JSON.object([
            ("text", .string(text)),
            ("edits", .array(edits.map { .object([("start", .int($0.range.lowerBound)), ("end", .int($0.range.upperBound)), ("text", .string($0.replacement))]) })),
        ])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("incremental-failure-\(name.replacingOccurrences(of: " ", with: "-")).json")
        try? Data(json.serializedBytes()).write(to: url)
        print("kept the failing sequence in \(url.path); copy it to Tests/Fixtures/incremental/")
    }

    // MARK: Edits

    static let pieces = [
        "a", "x", " ", "æ", "ø", "å", "Å", "é", "😀", "𝄞", ":", "1", "9", "-", "|", "\\", "\n", "\n", "\r\n", "\r", "\t", "(", ")", ",",
    ]
    static let lines = [
        "punkt 3: Ny sag", "punkt 1: Godkendelse", "punkt: Uden nummer", "Punkt 7 Mangler kolon", "pukt 4: Stavefejl", "lukket", "lukket\u{A0}", "luket",
        "beslutning:", "beslutning: Udvalget, 2026-05-04", "Godkendt.", "resume:", "sagsfremstilling:", "indstilling: Direktionen indstiller, at",
        "1. sagen godkendes", "2. x", "udfald 1: tiltrådt", "udfald 5: forkastet", "sagsnr: 21/24526", "sagsnr: 15.00.00-A00-9-26", "sagsnr: 99/1",
        "afstemning:", "for: 3 (A, V)", "imod: 2", "undlod at stemme: 0", "inhabil: Anna Hansen (A)", "fraværende: Per Hansen (V)",
        "offentlig titel: Ejendom", "offentlig beslutning: Godkendt", "fortrolig beslutning", "uden beslutning", "underskrifter:",
        "- Anna Hansen (A)", "  - indrykket", "                        - dybt", "| a | b |", "|---|---|", "| 1 | 2 | 3 |", "// kommentar",
        "bilag:", "- bilag/notat.pdf", "dato: 2026-05-04", "deltagere: Anna Hansen (A), Per Hansen (V)", "Tekst med æøå og 😀.", "",
        "\u{FEFF}lukket", "Beslutning", "\u{01}kontrol",
    ]

    /// An edit somewhere in `source`, often at an item's border or a line's start.
    static func randomEdit(in source: SourceText, random: inout SeededRandom) -> TextEdit {
        let bytes = source.bytes
        let count = bytes.count
        func boundary(_ offset: Int) -> Int {
            var offset = max(0, min(offset, count))
            while offset > 0, offset < count, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
            return offset
        }
        // a line start, an item's start or end, or anywhere
        let lineStart = source.lineStart(random.below(source.lineCount))
        var position: Int
        switch random.below(4) {
        case 0: position = lineStart
        case 1:
            let itemStarts = source.allLineStarts.filter { $0 < count && bytes[$0] == UInt8(ascii: "p") }
            position = itemStarts.isEmpty ? lineStart : itemStarts[random.below(itemStarts.count)]
            if random.below(2) == 0, position > 0 { position -= 1 }  // the end of the item above
        default: position = boundary(random.below(count + 1))
        }
        switch random.below(10) {
        case 0, 1, 2:
            return TextEdit(range: position..<position, replacement: pieces[random.below(pieces.count)])
        case 3, 4:
            let line = lines[random.below(lines.count)]
            return TextEdit(range: position..<position, replacement: random.below(2) == 0 ? line + "\n" : "\n" + line)
        case 5:
            // delete a character or a few
            let end = boundary(position + 1 + random.below(4))
            return TextEdit(range: position..<max(position, end), replacement: "")
        case 6:
            // delete whole lines (joining items), now and then many
            let line = source.line(containing: position)
            let last = min(source.lineCount - 1, line + (random.below(8) == 0 ? random.below(40) : random.below(3)))
            let end = last + 1 < source.lineCount ? source.lineStart(last + 1) : count
            return TextEdit(range: source.lineStart(line)..<end, replacement: "")
        case 7:
            // replace a word
            let end = boundary(position + random.below(12))
            return TextEdit(range: position..<max(position, end), replacement: lines[random.below(lines.count)])
        case 8:
            // split an item: a new item line inside it
            return TextEdit(range: lineStart..<lineStart, replacement: "punkt \(random.below(30)): Delt\n")
        default:
            // a byte that is not text, or half a character
            if random.below(2) == 0 { return TextEdit(range: position..<position, replacement: "\u{7F}") }
            let end = min(count, position + 1)
            return TextEdit(range: position..<end, replacement: "")
        }
    }

    // MARK: Generated documents

    func generatedMinutes(items: Int) -> String { Self.generatedMinutes(items: items) }

    static func generatedMinutes(items: Int) -> String {
        var text = "møde: Økonomiudvalget\ndokument: referat\ndato: 2026-05-04\ndeltagere: Anna Hansen (A), Per Hansen (V), Bo Ørum (Ø)\n\n"
        for number in 1...items {
            // some numbers left out, one repeated, one out of sequence
            let written = number % 5 == 0 ? "punkt:" : number == 7 ? "punkt 6:" : "punkt \(number):"
            text += "\(written) Sag nummer \(number) om æøå\n"
            text += "sagsnr: \(number % 4 == 0 ? "21/24526" : "2\(number % 10)/1\(number)")\n"
            if number % 6 == 0 { text += "lukket\n" }
            text += "\nresume:\nHorsens Kommune har en sag 😀 om \(number).\n\n"
            text += "indstilling: Direktionen indstiller, at\n1. sagen godkendes\n2. den videresendes\n\n"
            if number % 3 != 0 {
                text += "beslutning: Økonomiudvalget, 2026-05-04\nGodkendt.\nudfald 1: tiltrådt\n"
                if number % 4 == 1 { text += "afstemning:\nfor: 2 (Anna Hansen, Per Hansen)\nimod: 1 (Bo Ørum)\n" }
                text += "\n"
            }
            if number % 8 == 2 { text += "inhabil: Anna Hansen (A)\n\n" }
        }
        return text + "underskrifter:\n- Anna Hansen\n- Per Hansen\n"
    }
}
