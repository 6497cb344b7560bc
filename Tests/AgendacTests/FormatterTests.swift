import AgendaBase
@testable import AgendaCLI
@testable import AgendaFormat
import AgendaSyntax
import Foundation
import Testing

/// Foundation has a `Formatter` class too; this file means ours.
private typealias Formatter = AgendaFormat.Formatter

/// Inputs for the formatter tests: the golden cases in `Tests/Fixtures/format/`
/// (`<case>.agenda` → `<case>.formatted.agenda`) and the samples, whose expected
/// output lives in `Tests/Fixtures/format/samples/`.
/// `AGENDAC_UPDATE_GOLDEN=1 swift test` rewrites the expected files.
enum FormatFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/Fixtures/format")
    static let samplesFolder = root.appendingPathComponent("samples")
    static let updateGolden = ProcessInfo.processInfo.environment["AGENDAC_UPDATE_GOLDEN"] == "1"
    static let formattedSuffix = ".formatted.agenda"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: URL
        var expected: URL
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let inputs = agendaFiles(in: folder).filter { !$0.lastPathComponent.hasSuffix(formattedSuffix) }
        let golden = inputs.map { input in
            let name = input.deletingPathExtension().lastPathComponent
            return Case(name: name, input: input, expected: folder.appendingPathComponent(name + formattedSuffix))
        }
        let samples = agendaFiles(in: samplesFolder).map { input in
            let name = input.deletingPathExtension().lastPathComponent
            return Case(name: "samples/" + name, input: input, expected: folder.appendingPathComponent("samples/" + name + formattedSuffix))
        }
        return golden + samples
    }()

    /// Every input and every expected output: all must format stably.
    static let allTexts: [Case] = cases + cases.map { Case(name: $0.name + " (expected)", input: $0.expected, expected: $0.expected) }

    static func agendaFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".agenda") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) -> [UInt8] { Array(FileManager.default.contents(atPath: url.path) ?? Data()) }

    /// The words of a text: split at whitespace, pipes and colons; markup made
    /// of dashes and stars, and escape backslashes, are not words. Keywords are
    /// compared in lowercase, since changing their case is the formatter's job.
    static func words(_ text: String) -> [String: Int] {
        let document = Parser.parse(text)
        var counts: [String: Int] = [:]
        for line in document.lines {
            var lineText = document.source.text(line.range)
            if case .keyword(let keywordLine) = line.kind {
                // the keyword (and its number) without the value; a line missing its colon (AG111) has its value after them
                let keywordEnd = keywordLine.colon ?? keywordLine.numberRange?.upperBound ?? keywordLine.keywordRange.upperBound
                // a variant (`Resumé`) is kept as the spelling it stands for (`resume`)
                let keyword = KeywordMatcher.spelling(written: document.source.bytes[keywordLine.keywordRange])
                    ?? document.source.text(keywordLine.keywordRange).lowercased()
                lineText = keyword + document.source.text(keywordLine.keywordRange.upperBound..<max(keywordLine.keywordRange.upperBound, keywordEnd)).lowercased()
                    + document.source.text(keywordEnd..<keywordLine.range.upperBound)
            }
            for piece in lineText.split(whereSeparator: { $0.isWhitespace || $0 == "|" || $0 == ":" }) {
                let word = piece.drop { $0 == "\\" }
                if word.isEmpty || word.allSatisfy({ $0 == "-" || $0 == "*" }) { continue }
                counts[String(word), default: 0] += 1
            }
        }
        return counts
    }

    /// Applies edits (non-overlapping) to a text.
    static func apply(_ edits: [TextEdit], to source: SourceText) -> String {
        var bytes = source.bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

@Suite("Formatter: golden files")
struct FormatterGoldenTests {
    @Test("the fixtures and samples are there")
    func fixturesExist() {
        let names = Set(FormatFixtures.cases.map(\.name))
        for name in ["messy-spacing", "lists", "tables", "comments", "english", "crlf", "blank-lines", "errors"] {
            #expect(names.contains(name), "missing fixture \(name).agenda")
        }
        #expect(FormatFixtures.cases.filter { $0.name.hasPrefix("samples/") }.count == 4)
    }

    @Test("formats each input to its expected file", arguments: FormatFixtures.cases)
    func golden(_ fixture: FormatFixtures.Case) throws {
        let formatted = Formatter.format(SourceText(bytes: FormatFixtures.bytes(fixture.input)))
        if FormatFixtures.updateGolden {
            try FileManager.default.createDirectory(at: fixture.expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(formatted, to: fixture.expected)
            return
        }
        let expected = String(decoding: FormatFixtures.bytes(fixture.expected), as: UTF8.self)
        let same = formatted == expected  // compared apart, so a failure shows the first differing line, not both files
        #expect(same, "\(fixture.name): \(Golden.firstDifference(expected, formatted))")
    }
}

@Suite("Formatter: properties")
struct FormatterPropertyTests {
    @Test("formatting twice changes nothing", arguments: FormatFixtures.allTexts)
    func idempotent(_ fixture: FormatFixtures.Case) {
        let once = Formatter.format(SourceText(bytes: FormatFixtures.bytes(fixture.input)))
        let twice = Formatter.format(once)
        let same = twice == once
        #expect(same, "\(fixture.name): \(Golden.firstDifference(once, twice))")
    }

    @Test("every word and comment is kept", arguments: FormatFixtures.cases)
    func keepsWords(_ fixture: FormatFixtures.Case) {
        let input = String(decoding: FormatFixtures.bytes(fixture.input), as: UTF8.self)
        let output = Formatter.format(input)
        #expect(FormatFixtures.words(output) == FormatFixtures.words(input))
        #expect(Parser.parse(output).comments.count == Parser.parse(input).comments.count)
    }

    @Test("the canonical layout applies, not the fallback", arguments: FormatFixtures.cases)
    func canonicalLayout(_ fixture: FormatFixtures.Case) {
        let result = Formatter.formattedLinesAndMode(SourceText(bytes: FormatFixtures.bytes(fixture.input)))
        #expect(result?.mode == .canonical)
    }

    @Test("output is clean: LF only, no trailing whitespace, no tab indentation, one final newline, no blank runs",
          arguments: FormatFixtures.cases)
    func cleanOutput(_ fixture: FormatFixtures.Case) {
        let output = Formatter.format(SourceText(bytes: FormatFixtures.bytes(fixture.input)))
        #expect(!output.contains("\r"))
        #expect(output.hasSuffix("\n") && !output.hasSuffix("\n\n"))
        #expect(!output.hasPrefix("\n"))
        #expect(!output.contains("\n\n\n"))
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.last != " " && line.last != "\t", "trailing whitespace: \(line.debugDescription)")
            #expect(!line.prefix { $0 == " " || $0 == "\t" }.contains("\t"), "tab in indentation: \(line.debugDescription)")
        }
    }

    @Test("whole-document edits give the formatted text", arguments: FormatFixtures.cases)
    func editsMatchFormat(_ fixture: FormatFixtures.Case) {
        let source = SourceText(bytes: FormatFixtures.bytes(fixture.input))
        #expect(FormatFixtures.apply(Formatter.edits(source, in: nil), to: source) == Formatter.format(source))
    }

    @Test("the conservative layout reads like the input and is stable", arguments: FormatFixtures.cases)
    func conservativeLayout(_ fixture: FormatFixtures.Case) {
        let document = Parser.parse(SourceText(bytes: FormatFixtures.bytes(fixture.input)))
        let once = DocumentLayout(document, plan: LinePlan(document), mode: .conservative).render().text
        #expect(DocumentShape(Parser.parse(once)) == DocumentShape(document))
        let again = Parser.parse(once)
        #expect(DocumentLayout(again, plan: LinePlan(again), mode: .conservative).render().text == once)
    }
}

@Suite("Formatter: rules")
struct FormatterRuleTests {
    @Test("keywords keep the author's language and spelling; only the case changes")
    func keywordSpelling() {
        let input = "MØDE: Byrådet\nUDVALG:x\nPUNKT 1: A\nSAGSNUMMER: 21/1\nSUMMARY:\nSagsResume:\nØkonomiske Forhold :\nDecided In:B\nUden Beslutning\nClosed\n"
        let expected = "møde: Byrådet\nudvalg: x\n\npunkt 1: A\nsagsnummer: 21/1\n\nsummary:\n\nsagsresume:\n\nøkonomiske forhold:\ndecided in: B\nuden beslutning\nclosed\n"
        #expect(Formatter.format(input) == expected)
    }

    @Test("CRLF becomes LF and the last line gets a newline")
    func lineEnds() {
        #expect(Formatter.format("møde: A\r\ndato: 2026-05-04\r\n") == "møde: A\ndato: 2026-05-04\n")
        #expect(Formatter.format("møde: A") == "møde: A\n")
        #expect(Formatter.format("") == "")
        #expect(Formatter.format("\n\n  \n") == "")
    }

    @Test("indented prose that would read as a keyword keeps its indentation, and stays prose")
    func keepsKeywordLookalikesIndented() {
        let input = "punkt 1: A\nresume:\nTekst\n  beslutning: ikke en beslutning  \n\t lukket\n"
        let output = Formatter.format(input)
        // no escape `\`: the fail-safe check reads an indented `lukket` as the flag, an escaped one as text
        #expect(output == "punkt 1: A\n\nresume:\nTekst\n  beslutning: ikke en beslutning\n     lukket\n")
        #expect(Parser.parse(output).items.first?.entries.count == 1)
    }

    @Test("text that is not UTF-8 is never touched")
    func invalidUTF8() {
        let source = SourceText(bytes: Array("møde:  A\n".utf8) + [0xFF, 0xFE] + Array("\npunkt 1:B\n".utf8))
        #expect(!Formatter.canFormat(source))
        #expect(Formatter.edits(source, in: nil).isEmpty)
    }

    @Test("control characters are text and are kept")
    func controlCharacters() {
        #expect(Formatter.format("møde:  A\u{01}B\n") == "møde: A\u{01}B\n")
    }
}

@Suite("Formatter: range formatting")
struct FormatterRangeTests {
    static let input = [
        "MØDE :  Byrådet", "punkt 1:   Første", "resume:", "Tekst.   ", "* et punkt", "punkt 2:Andet", "RESUME:", "Mere tekst.  ", "",
    ].joined(separator: "\n")

    /// The byte range from the start of line `first` to the end of line `last` (0-based).
    static func lines(_ first: Int, _ last: Int, in source: SourceText) -> Range<Int> {
        source.lineStart(first)..<source.lineRange(last).upperBound
    }

    @Test("edits stay inside the whole lines the range touches")
    func confinedToLines() {
        let source = SourceText(Self.input)
        let range = Self.lines(1, 3, in: source)
        let edits = Formatter.edits(source, in: range)
        #expect(!edits.isEmpty)
        for edit in edits {
            #expect(edit.range.lowerBound >= source.lineStart(1))
            #expect(edit.range.upperBound <= source.lineStart(4))
        }
        #expect(FormatFixtures.apply(edits, to: source) == [
            "MØDE :  Byrådet", "", "punkt 1: Første", "", "resume:", "Tekst.", "* et punkt", "punkt 2:Andet", "RESUME:", "Mere tekst.  ", "",
        ].joined(separator: "\n"))
    }

    @Test("a range inside one line formats that line only")
    func partOfOneLine() {
        let source = SourceText(Self.input)
        let start = source.lineStart(5) + 3
        let edits = Formatter.edits(source, in: start..<(start + 2))
        #expect(edits == [TextEdit(range: source.lineStart(5)..<source.lineStart(6), replacement: "\npunkt 2: Andet\n")])
    }

    @Test("a range that ends at a line start leaves that line alone")
    func endAtLineStart() {
        let source = SourceText(Self.input)
        let edits = Formatter.edits(source, in: source.lineStart(4)..<source.lineStart(5))
        #expect(edits == [TextEdit(range: source.lineStart(4)..<source.lineStart(5), replacement: "- et punkt\n")])
    }

    @Test("consecutive changed lines make one edit, unchanged lines split edits")
    func oneEditPerRun() {
        let source = SourceText("punkt 1:A\nsagsnr:1\nresume:\nTekst.\nekstra  \n")
        let edits = Formatter.edits(source, in: nil)
        #expect(edits.count == 2)
        #expect(FormatFixtures.apply(edits, to: source) == "punkt 1: A\nsagsnr: 1\n\nresume:\nTekst.\nekstra\n")
    }

    @Test("a canonical document needs no edits")
    func canonicalNeedsNothing() throws {
        let source = SourceText(Formatter.format(Self.input))
        #expect(Formatter.edits(source, in: nil).isEmpty)
        #expect(Formatter.edits(source, in: 0..<source.bytes.count).isEmpty)
    }
}


@Suite("agendac fmt")
struct FormatCommandTests {
    static let messy = "MØDE:Byrådet\npunkt 1:   Første\nresume:\nTekst.  \n"
    static let canonical = "møde: Byrådet\n\npunkt 1: Første\n\nresume:\nTekst.\n"

    /// A fresh folder with a messy file, a canonical one in a subfolder, and a non-agenda file.
    func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Self.messy.write(to: folder.appendingPathComponent("messy.agenda"), atomically: true, encoding: .utf8)
        try Self.canonical.write(to: folder.appendingPathComponent("sub/clean.agenda"), atomically: true, encoding: .utf8)
        try "not an agenda  \n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    func contents(_ folder: URL, _ name: String) -> String {
        String(decoding: FormatFixtures.bytes(folder.appendingPathComponent(name)), as: UTF8.self)
    }

    @Test("--check lists the files that would change, writes nothing and exits 1")
    func check() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = CapturedOutput()
        #expect(CLI.run(["fmt", "--check", "."], io: output.io(in: folder)) == ExitCode.findings)
        #expect(output.standardOutput == "messy.agenda\n")
        #expect(output.standardError.contains("1 of 2 files would be reformatted"))
        #expect(contents(folder, "messy.agenda") == Self.messy)
    }

    @Test("fmt rewrites only the files that change, then --check passes")
    func write() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = folder.appendingPathComponent("sub/clean.agenda")
        let cleanDate = try FileManager.default.attributesOfItem(atPath: clean.path)[.modificationDate] as? Date
        let output = CapturedOutput()
        #expect(CLI.run(["fmt", "."], io: output.io(in: folder)) == ExitCode.success)
        #expect(output.standardOutput == "messy.agenda\n")
        #expect(contents(folder, "messy.agenda") == Self.canonical)
        #expect(try FileManager.default.attributesOfItem(atPath: clean.path)[.modificationDate] as? Date == cleanDate)
        #expect(contents(folder, "notes.txt") == "not an agenda  \n")
        let again = CapturedOutput()
        #expect(CLI.run(["fmt", "--check", "messy.agenda", "sub"], io: again.io(in: folder)) == ExitCode.success)
        #expect(again.standardOutput.isEmpty)
    }

    @Test("fmt - formats standard input to standard output")
    func standardInput() throws {
        let output = CapturedOutput()
        let folder = FileManager.default.temporaryDirectory
        let status = try FormatCommand.run(["-"], io: output.io(in: folder), readStandardInput: { Array(Self.messy.utf8) })
        #expect(status == ExitCode.success)
        #expect(output.standardOutput == Self.canonical)

        let check = CapturedOutput()
        #expect(try FormatCommand.run(["-", "--check"], io: check.io(in: folder), readStandardInput: { Array(Self.messy.utf8) }) == ExitCode.findings)
        #expect(check.standardOutput == "<stdin>\n")
        #expect(try FormatCommand.run(["--check", "-"], io: check.io(in: folder), readStandardInput: { Array(Self.canonical.utf8) }) == ExitCode.success)
    }

    @Test("text that is not UTF-8 is left as it is and reported with exit 2; other files are still formatted")
    func notText() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken: [UInt8] = Array("møde:  A\n".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        try Data(broken).write(to: folder.appendingPathComponent("broken.agenda"))
        let output = CapturedOutput()
        #expect(CLI.run(["fmt", "."], io: output.io(in: folder)) == ExitCode.usage)
        #expect(FormatFixtures.bytes(folder.appendingPathComponent("broken.agenda")) == broken)
        #expect(output.standardError.contains("broken.agenda: not formatted"))
        #expect(contents(folder, "messy.agenda") == Self.canonical)

        let stdin = CapturedOutput()
        #expect(try FormatCommand.run(["-"], io: stdin.io(in: folder), readStandardInput: { broken }) == ExitCode.usage)
        #expect(stdin.standardOutput.isEmpty)
    }

    @Test("usage mistakes exit 2", arguments: [["fmt"], ["fmt", "--frobnicate", "x.agenda"], ["fmt", "-", "x.agenda"], ["fmt", "missing.agenda"]])
    func usage(_ arguments: [String]) {
        let output = CapturedOutput()
        #expect(CLI.run(arguments, io: output.io(in: FileManager.default.temporaryDirectory)) == ExitCode.usage)
        #expect(!output.standardError.isEmpty)
    }
}

/// The samples show what `agendac fmt` writes: they are already in the canonical layout.
@Suite struct SamplesAreCanonical {
    @Test(arguments: Golden.sampleFiles())
    func sampleIsFormatted(_ sample: URL) {
        let text = Golden.read(sample)
        let formatted = AgendaFormat.Formatter.format(SourceText(text))
        #expect(formatted == text, "\(sample.lastPathComponent) is not in the canonical layout; run `agendac fmt samples`: \(Golden.firstDifference(formatted, text))")
    }
}
