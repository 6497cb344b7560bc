import AgendaBase
import AgendaCLI
import AgendaRender
import AgendaSemantics
import Foundation
import Testing

/// The output layer, tested on data: each `Tests/Fixtures/render/<case>.agenda`
/// is rendered to every format and compared with `<case>.json|txt|md|html`
/// beside it (`<case>.public.*` for the public version of the cases listed in
/// `publicCases`). `AGENDAC_UPDATE_GOLDEN=1 swift test …` rewrites the expected
/// files; review the diff before committing it.
@Suite struct RenderGoldenTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsFolder.appendingPathComponent("Fixtures/render")
    static let repository = testsFolder.deletingLastPathComponent()

    /// Cases also rendered with `--public`.
    static let publicCases: Set<String> = ["constructs", "new-user-aalborg", "horsens-2026-06-01", "attachment-links", "decision-line", "votes", "closed-items"]

    static var caseNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".agenda") }.map { String($0.dropLast(".agenda".count)) }.sorted()
    }

    struct Golden: CustomTestStringConvertible, Sendable {
        var caseName: String
        var format: OutputFormat
        var publicVersion: Bool

        var expectedFile: String { caseName + (publicVersion ? ".public." : ".") + format.fileExtension }
        var testDescription: String { expectedFile }
    }

    static var goldens: [Golden] {
        caseNames.flatMap { name in
            OutputFormat.allCases.flatMap { format in
                [Golden(caseName: name, format: format, publicVersion: false)]
                    + (publicCases.contains(name) ? [Golden(caseName: name, format: format, publicVersion: true)] : [])
            }
        }
    }

    /// The seeds' cases print in their municipality's house style (`samples/styles/<name>.stil.json`, by the
    /// case's first word), so their text stays the seed's layout; every other case in the built-in style.
    static func style(_ caseName: String) -> HouseStyle {
        guard let municipality = caseName.split(separator: "-").first else { return .standard }
        let url = repository.appendingPathComponent("samples/styles/\(municipality).stil.json")
        guard let bytes = FileManager.default.contents(atPath: url.path) else { return .standard }
        return StyleFile.read(Array(bytes)).style ?? .standard
    }

    static func meeting(_ caseName: String) throws -> Meeting {
        let text = try String(contentsOf: fixtures.appendingPathComponent(caseName + ".agenda"), encoding: .utf8)
        return AnalyzedDocument(text: text).meeting
    }

    @Test func everyCaseIsPresent() {
        let names = Set(Self.caseNames)
        for expected in ["constructs", "new-user-aalborg", "horsens-2026-05-04", "herning-2026-01-13", "haderslev-2025-10-20", "horsens-2026-06-01", "tables", "attachment-links"] {
            #expect(names.contains(expected), "fixture \(expected).agenda is missing from \(Self.fixtures.path)")
        }
        #expect(Self.publicCases.isSubset(of: names))
    }

    @Test(arguments: goldens) func rendersAsExpected(_ golden: Golden) throws {
        let output = AgendaRenderer.render(try Self.meeting(golden.caseName), as: golden.format,
                                           options: RenderOptions(publicVersion: golden.publicVersion, style: Self.style(golden.caseName)))
        let expectedURL = Self.fixtures.appendingPathComponent(golden.expectedFile)
        if ProcessInfo.processInfo.environment["AGENDAC_UPDATE_GOLDEN"] == "1" {
            try AtomicFile.write(output, to: expectedURL)
            return
        }
        guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
            Issue.record("\(golden.expectedFile) is missing; run with AGENDAC_UPDATE_GOLDEN=1 and review the new file")
            return
        }
        #expect(output == expected, "\(golden.expectedFile) differs: \(AgendacTests.Golden.firstDifference(expected, output))")
    }
}

// MARK: - The JSON schema

extension RenderGoldenTests {
    /// Every sample's JSON is checked against `docs/schema.json` by a small
    /// validator (type, required, properties, additionalProperties, items, enum,
    /// const, oneOf, anyOf, local $ref): enough to prove that every key the
    /// renderer writes is documented and every documented key is written.
    @Suite struct Schema {
        static func schema() throws -> JSON {
            let url = RenderGoldenTests.repository.appendingPathComponent("docs/schema.json")
            return try JSON.parse(Array(try Data(contentsOf: url)))
        }

        @Test(arguments: RenderGoldenTests.caseNames) func outputFollowsTheSchema(_ caseName: String) throws {
            let schema = try Self.schema()
            for publicVersion in [false, true] {
                let text = AgendaRenderer.render(try RenderGoldenTests.meeting(caseName), as: .json, options: RenderOptions(publicVersion: publicVersion))
                let document = try JSON.parse(text)
                var validator = SchemaValidator(root: schema)
                validator.validate(document, against: schema, at: "$")
                #expect(validator.problems.isEmpty, "\(caseName): \(validator.problems.prefix(5).joined(separator: "; "))")
            }
        }

        @Test func everyPropertyIsDescribed() throws {
            var undescribed: [String] = []
            func visit(_ node: JSON, _ path: String) {
                switch node {
                case .object(let members):
                    for (key, value) in members {
                        if key == "properties", case .object(let properties) = value {
                            for (name, property) in properties where property["description"]?.stringValue?.isEmpty ?? true {
                                undescribed.append("\(path).\(name)")
                            }
                        }
                        visit(value, "\(path)/\(key)")
                    }
                case .array(let values):
                    for (index, value) in values.enumerated() { visit(value, "\(path)[\(index)]") }
                default: break
                }
            }
            visit(try Self.schema(), "#")
            #expect(undescribed.isEmpty, "properties without a description: \(undescribed)")
        }

        @Test func versionsAgree() throws {
            let schema = try Self.schema()
            let documented = schema["properties"]?["schemaVersion"]?["const"]?.stringValue
            let written = try JSON.parse(AgendaRenderer.render(Meeting(), as: .json))["schemaVersion"]?.stringValue
            #expect(documented == written)
            #expect(schema["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        }

        @Test func validatorRejectsWhatItShould() throws {
            let schema = try Self.schema()
            var document = try JSON.parse(AgendaRenderer.render(try RenderGoldenTests.meeting("constructs"), as: .json))
            guard case .object(var members) = document else {
                Issue.record("the document is not an object")
                return
            }
            members.removeAll { $0.0 == "agendaItem" }
            members.append(("undocumented", JSON.bool(true)))
            document = .object(members)
            var validator = SchemaValidator(root: schema)
            validator.validate(document, against: schema, at: "$")
            #expect(validator.problems.contains { $0.contains("agendaItem") })
            #expect(validator.problems.contains { $0.contains("undocumented") })
        }
    }
}

/// Just enough of JSON Schema 2020-12 for the schema agendac writes.
struct SchemaValidator {
    let root: JSON
    private(set) var problems: [String] = []

    init(root: JSON) { self.root = root }

    mutating func validate(_ value: JSON, against schema: JSON, at path: String) {
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else {
                problems.append("\(path): unresolvable $ref \(reference)")
                return
            }
            validate(value, against: target, at: path)
        }
        if let types = schema["type"] {
            let allowed = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue].compactMap { $0 }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                problems.append("\(path): expected \(allowed.joined(separator: " or ")), found \(Self.typeName(value))")
                return
            }
        }
        if let constant = schema["const"], constant != value { problems.append("\(path): expected the constant \(constant.serialized())") }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) { problems.append("\(path): \(value.serialized()) is not one of the allowed values") }
        if let alternatives = schema["oneOf"]?.arrayValue { validateAlternatives(value, alternatives, exactlyOne: true, at: path) }
        if let alternatives = schema["anyOf"]?.arrayValue { validateAlternatives(value, alternatives, exactlyOne: false, at: path) }
        if case .object(let members) = value {
            let keys = members.map(\.0)
            for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !keys.contains(required) {
                problems.append("\(path): missing required property \(required)")
            }
            let properties = schema["properties"]?.objectValue ?? []
            for (key, member) in members {
                if let property = properties.first(where: { $0.0 == key })?.1 {
                    validate(member, against: property, at: "\(path).\(key)")
                } else if schema["additionalProperties"]?.boolValue == false {
                    problems.append("\(path): property \(key) is not in the schema")
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() { validate(element, against: items, at: "\(path)[\(index)]") }
        }
    }

    mutating func validateAlternatives(_ value: JSON, _ alternatives: [JSON], exactlyOne: Bool, at path: String) {
        var passing = 0
        var firstProblems: [String]?
        for alternative in alternatives {
            var trial = SchemaValidator(root: root)
            trial.validate(value, against: alternative, at: path)
            if trial.problems.isEmpty { passing += 1 } else if firstProblems == nil { firstProblems = trial.problems }
        }
        if passing == 0 { problems.append("\(path): matches no alternative (\(firstProblems?.first ?? "no alternatives"))") }
        if exactlyOne && passing > 1 { problems.append("\(path): matches \(passing) alternatives of oneOf") }
    }

    func resolve(_ reference: String) -> JSON? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSON? = root
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    static func matches(_ value: JSON, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }

    static func typeName(_ value: JSON) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

// MARK: - Fidelity to the seeds

extension RenderGoldenTests {
    /// The text output reproduces the published minutes the samples were
    /// written from: every word of the seed is in the output (as often or
    /// more), and the output adds little. Table-of-contents lines are left out
    /// on both sides (the seeds' hold page numbers), as are the seeds' PDF
    /// artifacts: a repeated "Fraværende Navn" line and words broken by a
    /// hyphen at a table cell's line end ("Beskæftigel- sesrettet").
    @Suite struct SeedFidelity {
        static let seeds = RenderGoldenTests.testsFolder.appendingPathComponent("Fixtures/seeds")

        static let pairs: [(seed: String, caseName: String)] = [
            ("000_4dc6bcd4ad4a3175.txt", "horsens-2026-05-04"),
            ("001_4d730365fae17496.txt", "herning-2026-01-13"),
            ("002_47e8ca1cd34ccfcd.txt", "haderslev-2025-10-20"),
        ]

        /// Every seed the project keeps is compared, so none can be added and forgotten.
        @Test func everyKeptSeedIsCompared() throws {
            let kept = try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { $0.hasSuffix(".txt") }
            #expect(Set(kept) == Set(Self.pairs.map(\.seed)), "Tests/Fixtures/seeds holds \(kept.sorted())")
        }

        @Test(arguments: pairs.map(\.seed))
        func textKeepsEveryWordOfTheSeed(_ seedName: String) throws {
            guard let caseName = Self.pairs.first(where: { $0.seed == seedName })?.caseName else { return }
            let seedText = try String(contentsOf: Self.seeds.appendingPathComponent(seedName), encoding: .utf8)
            let output = AgendaRenderer.render(try RenderGoldenTests.meeting(caseName), as: .text,
                                               options: RenderOptions(style: RenderGoldenTests.style(caseName)))

            var available = WordCount(Self.words(Self.comparableLines(output, dropRepeatedAbsentees: false)))
            let outputTotal = available.total
            let seedWords = Self.words(Self.comparableLines(seedText, dropRepeatedAbsentees: true), hyphenBreaks: true)
            var missing: [String] = []
            var seedTotal = 0
            var index = 0
            while index < seedWords.count {
                // a word broken by a hyphen in the seed counts as found when the output has it whole
                if let (joined, length) = Self.joinedWord(seedWords, from: index, in: available) {
                    available.take(joined)
                    seedTotal += 1
                    index += length
                    continue
                }
                let word = seedWords[index].text
                if !available.take(word) { missing.append(word) }
                seedTotal += 1
                index += 1
            }
            let added = outputTotal - (seedTotal - missing.count)
            let share = Double(added) / Double(max(1, seedTotal))
            print("\(seedName) → \(caseName).txt: \(seedTotal) seed words, \(missing.count) missing, \(added) added (\(String(format: "%.1f", share * 100))%)")
            #expect(missing.isEmpty, "words of \(seedName) missing from the text output: \(missing.prefix(30))")
            #expect(share < 0.10, "the text output adds \(added) words to \(seedTotal) (\(share * 100)%); the limit is 10%")
        }

        /// The lines that are compared: without the table of contents' entries
        /// and, in a seed, without the repeated absentee line of an item.
        static func comparableLines(_ text: String, dropRepeatedAbsentees: Bool) -> [String] {
            var lines: [String] = []
            var inContents = false
            var absenteesSeenInItem = false
            for rawLine in text.components(separatedBy: "\n") {
                let line = rawLine.filter { $0 != "*" && $0 != "#" }.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("Punkt ") {
                    inContents = false
                    absenteesSeenInItem = false
                }
                if inContents { continue }
                if line == "Indholdsfortegnelse" { inContents = true }
                if dropRepeatedAbsentees, line.hasPrefix("Fraværende") {
                    if absenteesSeenInItem && !line.hasPrefix("Fraværende:") { continue }
                    absenteesSeenInItem = true
                }
                lines.append(rawLine)
            }
            return lines
        }

        struct Word {
            var text: String
            /// Followed by `- ` and a lower-case letter: maybe a word broken across a line in the PDF.
            var brokenAfter: Bool
        }

        static func words(_ lines: [String], hyphenBreaks: Bool = false) -> [Word] {
            var words: [Word] = []
            let text = lines.joined(separator: "\n")
            var current = ""
            var characters = Array(text)
            characters.append(" ")
            for (index, character) in characters.enumerated() {
                if character.isLetter || character.isNumber {
                    current.append(character)
                    continue
                }
                guard !current.isEmpty else { continue }
                var broken = false
                if hyphenBreaks, character == "-", index + 2 < characters.count, characters[index + 1] == " ",
                   characters[index + 2].isLowercase {
                    broken = true
                }
                words.append(Word(text: current, brokenAfter: broken))
                current = ""
            }
            return words
        }

        /// The longest run of hyphen-broken pieces from `index` whose joined word the output still has.
        static func joinedWord(_ words: [Word], from index: Int, in available: WordCount) -> (String, Int)? {
            var best: (String, Int)?
            var joined = words[index].text
            var end = index
            while end < words.count - 1, words[end].brokenAfter, end - index < 3 {
                end += 1
                joined += words[end].text
                if available.has(joined) { best = (joined, end - index + 1) }
            }
            return best
        }
    }

    /// A multiset of words.
    struct WordCount {
        private var counts: [String: Int] = [:]
        private(set) var total = 0

        init(_ words: [SeedFidelity.Word]) {
            for word in words { counts[word.text, default: 0] += 1 }
            total = words.count
        }

        func has(_ word: String) -> Bool { (counts[word] ?? 0) > 0 }

        @discardableResult mutating func take(_ word: String) -> Bool {
            guard let count = counts[word], count > 0 else { return false }
            counts[word] = count - 1
            return true
        }
    }
}

// MARK: - Safety and the public version

extension RenderGoldenTests {
    @Suite struct Safety {
        static let hostile = """
            møde: Udvalget <script>alert("x")</script> & 'co'
            dato: 2026-05-04

            punkt 1: Titel med <b>tags</b> & "citat"
            resume:
            Se [farlig](javascript:alert) og [også farlig](JaVaScRiPt:x) og [data](data:text/html,x) og [sti](bilag/a.pdf).
            Se [sikker](https://example.dk/?a=1&b="2") og [post](mailto:a@b.dk) og [her](#punkt-1).
            Tekst med <img src=x onerror=alert(1)> og 'enkelte' "dobbelte" & tegn.
            """

        @Test func htmlEscapesEveryTextAndAttribute() {
            let html = AgendaRenderer.render(AnalyzedDocument(text: Self.hostile).meeting, as: .html)
            #expect(!html.contains("<script>"))
            #expect(!html.contains("<b>"))
            #expect(!html.contains("<img"))
            #expect(html.contains("Udvalget &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"))
            #expect(html.contains("Titel med &lt;b&gt;tags&lt;/b&gt; &amp; &quot;citat&quot;"))
            #expect(html.contains("&#39;enkelte&#39; &quot;dobbelte&quot; &amp; tegn"))
        }

        @Test func htmlLinksOnlyToAllowedSchemes() {
            let html = AgendaRenderer.render(AnalyzedDocument(text: Self.hostile).meeting, as: .html)
            #expect(!html.lowercased().contains("javascript:"))
            #expect(!html.contains("href=\"data:"))
            #expect(!html.contains("href=\"bilag/"))
            #expect(html.contains("Se farlig og også farlig og data og sti."))
            #expect(html.contains("<a href=\"https://example.dk/?a=1&amp;b=&quot;2&quot;\">sikker</a>"))
            #expect(html.contains("<a href=\"mailto:a@b.dk\">post</a>"))
            #expect(html.contains("<a href=\"#punkt-1\">her</a>"))
        }

        @Test func markdownLinksOnlyToAllowedSchemes() {
            let markdown = AgendaRenderer.render(AnalyzedDocument(text: Self.hostile).meeting, as: .markdown)
            #expect(!markdown.lowercased().contains("javascript:"))
            #expect(!markdown.contains("](data:"))
            #expect(markdown.contains("[post](mailto:a@b.dk)"))
            #expect(markdown.contains("\\<img"))
        }

        @Test func safeTargetDropsHiddenCharactersBeforeReadingTheScheme() {
            let meeting = AnalyzedDocument(text: "punkt 1: T\nresume:\n[a](java\tscript:x) [b](https://x.dk/\ty)\n").meeting
            let html = AgendaRenderer.render(meeting, as: .html)
            #expect(!html.contains("script:"))
            #expect(html.contains("href=\"https://x.dk/y\""))
        }

        /// Half-written documents reach the renderers too (the language server previews them): every
        /// prefix of the constructs fixture, cut at each line, renders in every format.
        @Test func everyPrefixRenders() throws {
            let text = try String(contentsOf: RenderGoldenTests.fixtures.appendingPathComponent("constructs.agenda"), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            for count in 0...lines.count {
                let meeting = AnalyzedDocument(text: lines.prefix(count).joined(separator: "\n")).meeting
                for format in OutputFormat.allCases {
                    #expect(!AgendaRenderer.render(meeting, as: format, options: RenderOptions(publicVersion: count % 2 == 0)).isEmpty)
                }
            }
        }

        static let confidential = """
            møde: Udvalget
            dokument: referat
            dato: 2026-05-04

            punkt 1: Åbent punkt
            sagsnr: 21/100
            resume:
            Offentlig tekst.
            bilag:
            - Offentligt bilag
            - Hemmeligt bilag (ikke offentlig)

            punkt 2: Afsked af Skjult Person
            lukket
            offentlig titel: Personalesag
            sagsnr: 81/999
            sagsbehandler: Skjult Person
            afgøres i: Udvalget
            resume:
            Fortrolig oplysning.
            beslutning: Udvalget, 2026-05-04
            Hemmelig beslutning.
            offentlig beslutning: Udvalget traf beslutning i sagen.
            bilag:
            - Fortroligt bilag
            """

        @Test(arguments: OutputFormat.allCases) func publicVersionWithholdsClosedContent(_ format: OutputFormat) {
            let meeting = AnalyzedDocument(text: Self.confidential).meeting
            let full = AgendaRenderer.render(meeting, as: format)
            let shown = AgendaRenderer.render(meeting, as: format, options: RenderOptions(publicVersion: true))
            for secret in ["Afsked af", "Fortrolig oplysning", "Hemmelig beslutning", "Fortroligt bilag", "Skjult Person", "81/999", "Hemmeligt bilag"] {
                #expect(full.contains(secret), "the full version lacks \(secret)")
                #expect(!shown.contains(secret), "the public version shows \(secret)")
            }
            for kept in ["Personalesag", "Udvalget traf beslutning i sagen.", "Åbent punkt", "Offentlig tekst", "Offentligt bilag", "21/100"] {
                #expect(shown.contains(kept), "the public version lacks \(kept)")
            }
            if format != .json { #expect(shown.contains("Lukket punkt")) }
        }
    }
}

// MARK: - agendac compile

extension RenderGoldenTests {
    @Suite struct Compile {
        static func run(_ arguments: [String], in folder: URL = RenderGoldenTests.fixtures) -> (code: Int32, streams: CapturedOutput) {
            let streams = CapturedOutput()
            let code = CLI.run(["compile"] + arguments, io: streams.io(in: folder))
            return (code, streams)
        }

        static func temporaryFolder() throws -> URL {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-compile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return folder
        }

        @Test func printsTheChosenFormatAndItsWarnings() throws {
            let (code, streams) = Self.run(["constructs.agenda", "--to", "text"])
            #expect(code == 0)
            // warnings are shown, and do not stop the output
            #expect(streams.standardError.contains("constructs.agenda:24:1: warning AG406:"))
            #expect(streams.standardError.contains("0 errors, 1 warning"))
            let expected = try String(contentsOf: RenderGoldenTests.fixtures.appendingPathComponent("constructs.txt"), encoding: .utf8)
            #expect(streams.standardOutput == expected)
        }

        @Test func writesToTheOutputFileInstead() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let source = try String(contentsOf: RenderGoldenTests.fixtures.appendingPathComponent("constructs.agenda"), encoding: .utf8)
            try source.write(to: folder.appendingPathComponent("m.agenda"), atomically: true, encoding: .utf8)
            // the attachment files it names, so the checker has nothing to report
            try FileManager.default.copyItem(at: RenderGoldenTests.fixtures.appendingPathComponent("bilag"), to: folder.appendingPathComponent("bilag"))
            let (code, streams) = Self.run(["m.agenda", "--to", "html", "-o", "m.html", "--public"], in: folder)
            #expect(code == 0)
            #expect(streams.standardOutput.isEmpty)
            let written = try String(contentsOf: folder.appendingPathComponent("m.html"), encoding: .utf8)
            let expected = try String(contentsOf: RenderGoldenTests.fixtures.appendingPathComponent("constructs.public.html"), encoding: .utf8)
            #expect(written == expected)
        }

        static let withError = "møde: Udvalget\ndato: 2026-02-30\n\npunkt 1: Eneste punkt\nresume:\nTekst.\n"

        @Test func errorsStopTheOutputAndAreReported() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try Self.withError.write(to: folder.appendingPathComponent("bad.agenda"), atomically: true, encoding: .utf8)
            let (code, streams) = Self.run(["bad.agenda", "--to", "markdown"], in: folder)
            #expect(code == 1)
            #expect(streams.standardOutput.isEmpty)
            #expect(streams.standardError.contains("bad.agenda:2:7: error AG300:"))
            #expect(streams.standardError.contains("1 error, "))
            #expect(streams.standardError.contains("nothing written"))
            #expect(streams.standardError.contains("--force"))
            #expect(!streams.standardError.contains(" information "))

            let (fileCode, _) = Self.run(["bad.agenda", "--to", "html", "-o", "bad.html"], in: folder)
            #expect(fileCode == 1)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.html").path), "no output file from a document with errors")
        }

        @Test func forceWritesADraftDespiteErrors() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try Self.withError.write(to: folder.appendingPathComponent("bad.agenda"), atomically: true, encoding: .utf8)
            let (code, streams) = Self.run(["bad.agenda", "--to", "text", "-o", "draft.txt", "--force"], in: folder)
            #expect(code == 1, "the errors are still errors")
            #expect(streams.standardError.contains("bad.agenda:2:7: error AG300:"))
            let written = try String(contentsOf: folder.appendingPathComponent("draft.txt"), encoding: .utf8)
            #expect(written.contains("1. Eneste punkt"))
        }

        @Test func publicVersionIsNeverForced() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try Self.withError.write(to: folder.appendingPathComponent("bad.agenda"), atomically: true, encoding: .utf8)
            let (code, streams) = Self.run(["bad.agenda", "--to", "html", "--public", "--force", "-o", "public.html"], in: folder)
            #expect(code == 2)
            #expect(streams.standardError.contains("--public and --force cannot be combined"))
            #expect(streams.standardError.contains("only made from a document without errors"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public.html").path))

            let (publicCode, publicStreams) = Self.run(["bad.agenda", "--to", "html", "--public", "-o", "public.html"], in: folder)
            #expect(publicCode == 1)
            #expect(publicStreams.standardError.contains("a public version is only made from a document without errors"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("public.html").path))
        }

        /// An error in a closed item's public fields (AG421) stops the public version too.
        @Test func publicFieldOnAnOpenItemStopsThePublicVersion() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try "møde: Udvalget\ndokument: referat\ndato: 2026-05-04\n\npunkt 1: Køb af Vestergade 12\noffentlig titel: Køb af ejendom\nbeslutning:\nKøbt for 4,1 mio. kr.\n"
                .write(to: folder.appendingPathComponent("m.agenda"), atomically: true, encoding: .utf8)
            let (code, streams) = Self.run(["m.agenda", "--to", "text", "--public"], in: folder)
            #expect(code == 1)
            #expect(streams.standardOutput.isEmpty)
            #expect(streams.standardError.contains("m.agenda:6:1: error AG421:"))
        }

        /// A warning (here a closed item without a public decision, AG420) is shown with its fix, and does not stop the output.
        @Test func warningsDoNotStopThePublicVersion() throws {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try "møde: Udvalget\ndokument: referat\ndato: 2026-05-04\n\npunkt 1: Køb af Vestergade 12\nlukket\nbeslutning:\nKøbt for 4,1 mio. kr.\n"
                .write(to: folder.appendingPathComponent("m.agenda"), atomically: true, encoding: .utf8)
            let (code, streams) = Self.run(["m.agenda", "--to", "text", "--public"], in: folder)
            #expect(code == 0)
            #expect(streams.standardOutput.contains("1. Lukket punkt"))
            #expect(!streams.standardOutput.contains("Vestergade"))
            #expect(!streams.standardOutput.contains("4,1 mio"))
            #expect(streams.standardError.contains("m.agenda:5:1: warning AG420:"))
            #expect(streams.standardError.contains("offentlig beslutning:"))
        }

        @Test(arguments: [
            (["constructs.agenda"], "--to"),
            (["constructs.agenda", "--to", "docx"], "'docx'"),
            (["--to", "text"], "exactly one file"),
            (["constructs.agenda", "haderslev-2025-10-20.agenda", "--to", "text"], "exactly one file"),
            (["missing.agenda", "--to", "text"], "no such file"),
            (["constructs.agenda", "--to", "text", "--color"], "unknown option"),
            (["constructs.agenda", "--to", "text", "-o"], "-o needs a value"),
            (["constructs.agenda", "--to", "text", "--public", "--force"], "--public and --force cannot be combined"),
        ])
        func refusesAMistakenCommandLine(_ arguments: [String], _ message: String) {
            let (code, streams) = Self.run(arguments)
            #expect(code == 2)
            #expect(streams.standardOutput.isEmpty)
            #expect(streams.standardError.contains(message), "stderr: \(streams.standardError)")
        }
    }
}
