import AgendaBase
@testable import AgendaSemantics
import AgendaIDE
import Foundation
import Testing

/// The shipped OS2KLE list: embedded unchanged, indexed, and how well its keywords suggest subjects.
@Suite struct OS2KLETests {
    static let shippedFile = Golden.packageRoot.appendingPathComponent("Sources/AgendaSemantics/KLE/OS2KLE/OS2KLE.txt")

    /// One source of truth: the binary's copy is the shipped file, byte for byte (`scripts/embed-os2kle`).
    @Test func embeddedCopyIsTheShippedFile() {
        let shipped = Golden.bytes(Self.shippedFile)
        let embedded = Array(OS2KLEText.text.utf8)
        #expect(shipped.count == embedded.count, "run scripts/embed-os2kle: the embedded list has \(embedded.count) bytes, the file \(shipped.count)")
        #expect(shipped == embedded, "run scripts/embed-os2kle: the embedded list differs from OS2KLE.txt")
        let licence = Golden.packageRoot.appendingPathComponent("Sources/AgendaSemantics/KLE/OS2KLE/LICENSE-OS2KLE.txt")
        #expect(Golden.read(licence).hasPrefix("Mozilla Public License Version 2.0"))
    }

    /// `check` asks the generated numbers; they are the text's, read as the list reads them.
    @Test func embeddedKeysAreTheListsNumbers() {
        #expect(OS2KLEKeys.keys == OS2KLEFile.keys(in: OS2KLEText.text), "run scripts/embed-os2kle: the generated numbers differ from OS2KLE.txt's")
        #expect(OS2KLEKeys.keys.count == KLESubjectList.os2kle.subjects.count)
    }

    @Test func everySubjectIsIndexedWithItsTitle() {
        let list = KLESubjectList.os2kle
        #expect(list.subjects.count == 2_390)
        #expect(list.subject("15.00.00")?.title == "Organisering og understøttelse af beskæftigelsesindsatsen i almindelighed")
        #expect(list.subject("00.01.00")?.title == "Kommunens styrelse i almindelighed")
        #expect(list.subject("00.00.00") == nil)
        #expect(list.subject("15.0.00") == nil)
        #expect(zip(list.subjects, list.subjects.dropFirst()).allSatisfy { $0.key < $1.key })
        #expect(list.subjects(withDigitPrefix: "1500").allSatisfy { $0.code.hasPrefix("15.00.") })
        #expect(!list.subjects(withDigitPrefix: "1500").isEmpty)
        #expect(list.subjects(withDigitPrefix: "99").isEmpty)
        #expect(list.subjects(withDigitPrefix: "").count == 2_390)
        #expect(list.subjects(withDigitPrefix: "1x").isEmpty)
    }

    @Test func nearestSubjectsStayInTheMainGroup() {
        let list = KLESubjectList.os2kle
        let near = list.nearest(toKey: 150_099)
        #expect(!near.isEmpty && near.count <= 3)
        #expect(near.allSatisfy { $0.mainGroup == 15 })
        #expect(list.nearest(toKey: 990_000).isEmpty)
    }

    @Test func danishWordsMeetTheirInflections() {
        #expect(DanishWords.stem("skolerne") == DanishWords.stem("skole"))
        #expect(DanishWords.stem("beskæftigelsesindsatsen") == "beskæftigelsesindsats")
        #expect(DanishWords.stems("BØRNENE og Ældre") == ["børn", "og", "ældr"])
        #expect(DanishWords.words("O\u{338}konomi") == ["økonomi"])
    }

    @Test func keywordsRankSubjects() {
        let ranked = KLEKeywordIndex.os2kle.rank(title: "Ansøgning om partistøtte", text: "Støtte til politiske partier efter partistøtteloven.")
        #expect(ranked.map(\.subject.code).contains("00.01.00"))
        #expect(ranked.first?.keywords.isEmpty == false)
        #expect(KLEKeywordIndex.os2kle.rank(title: "", text: "").isEmpty)
    }

    /// How often the top suggestion (and the top three) is the subject each sample item carries.
    /// The figures are printed for README; the floor keeps them from sliding unnoticed.
    @Test func suggestionsAgreeWithTheSamples() {
        let report = SubjectSuggestionReport.measure(Golden.sampleFiles())
        print(report.summary)
        #expect(report.items > 10)
        #expect(report.topOne * 100 >= report.items * SubjectSuggestionReport.floorPercentTopOne)
        #expect(report.topThree * 100 >= report.items * SubjectSuggestionReport.floorPercentTopThree)
    }
}

/// Suggestions against the subjects the samples' secretaries chose.
struct SubjectSuggestionReport {
    static let floorPercentTopOne = 15
    static let floorPercentTopThree = 30
    var items = 0
    var topOne = 0
    var topThree = 0
    var lines: [String] = []

    static func measure(_ files: [URL]) -> SubjectSuggestionReport {
        var report = SubjectSuggestionReport()
        for file in files {
            let document = AnalyzedDocument(source: SourceText(bytes: Golden.bytes(file)))
            for item in document.meeting.items {
                guard let written = item.caseNumber?.value, case .kle(let number)? = CaseNumber.parse(written) else { continue }
                let ranked = document.suggestedSubjects(for: item, limit: 3).map(\.subject.code)
                report.items += 1
                if ranked.first == number.subjectCode { report.topOne += 1 }
                if ranked.contains(number.subjectCode) { report.topThree += 1 }
                report.lines.append("\(number.subjectCode) \(ranked.first == number.subjectCode ? "✓" : ranked.contains(number.subjectCode) ? "3" : "✗") \(item.title) → \(ranked.joined(separator: ", "))")
            }
        }
        return report
    }

    var summary: String {
        (lines + ["KLE suggestions on the samples: top 1 \(topOne)/\(items), top 3 \(topThree)/\(items)"]).joined(separator: "\n")
    }
}

/// The municipality's KLE-XML in KL's structure, and the workspace's case-number forms.
@Suite struct KLEPlanAndFormTests {
    @Test func readsKLEXMLInKLsStructure() throws {
        let folder = Golden.fixtures.appendingPathComponent("rules/kle-history/KLE")
        guard case .success(let plan) = KLEPlan.load(folder) else { Issue.record("the plan does not load"); return }
        #expect(plan.mainGroups["15"] == "Arbejdsmarked og beskæftigelsesindsats")
        #expect(plan.groups["15.00"] == "Organisering og understøttelse af beskæftigelsesindsatsen")
        #expect(plan.subjects.count == 4)
        #expect(plan.retired == ["15.00.05": "2024-12-31"])
        #expect(plan.movedTo == ["15.00.08": "15.00.20"])
        #expect(plan.facets == ["A00": "Organisering mv. i almindelighed", "G01": "Generelle sager"])
        #expect(plan.facetCategories == ["A": "Organisering mv.", "G": "Efter faste regler"])
        // neither a legal reference's number nor a filter's title is taken for a subject
        #expect(plan.subjectList.subjects.map(\.code) == ["15.00.00", "15.00.20"])
    }

    @Test func xmlReaderSurvivesAnything() {
        var plan = KLEPlan()
        for text in ["", "<", "<Emne><EmneNr>15.00.00", "</Emne></Emne>", "<Emne><EmneNr>15.00.00</EmneNr><EmneTitel>a &amp; b &#230;&#xF8; &bogus;</EmneTitel></Emne>",
                     "<![CDATA[", "<!-- x", "<Emne/><EmneNr/>"] {
            plan.read(xml: text)
        }
        #expect(plan.subjects["15.00.00"] == "a & b æø &bogus;")
    }

    @Test func patternLetters() {
        let year = CaseNumberPattern("yyyy-nnnnnn")
        #expect(year.matches("2026-000123"))
        #expect(!year.matches("2026-00123"))
        let kle = CaseNumberPattern("nn.nn.nn-Xnn-n-yy")
        #expect(kle.matches("15.00.00-A00-1719-26"))
        #expect(kle.matches("15.00.00-O\u{338}00-1-26"))
        #expect(!kle.matches("15.00.00-X00-1-26"))
        #expect(!kle.matches("15.00.00-A00--26"))
        #expect(CaseNumberPattern("a-nnn").matches("b-123"))
        #expect(CaseNumberPattern("\\n-n").matches("n-42"))
        #expect(!CaseNumberPattern("n").matches(String(repeating: "1", count: 65)))
    }

    @Test func patternsMustBeAListOfForms() {
        let url = URL(fileURLWithPath: "/tmp/agendac.json")
        for bad in [#"{"caseNumberPatterns": "yy/nnnnn"}"#, #"{"caseNumberPatterns": ["yy/nnnnn", 3]}"#, #"{"caseNumberPatterns": [""]}"#] {
            guard let json = try? JSON.parse(Array(bad.utf8)) else { Issue.record("bad test JSON"); continue }
            guard case .failure(let error) = WorkspaceSettings.parse(json, url: url) else { Issue.record("\(bad) was accepted"); continue }
            #expect(error.reason.contains("caseNumberPatterns"))
        }
    }
}

/// Editor features with the workspace's own case-number forms.
@Suite struct CaseNumberFormEditorTests {
    static let settings: WorkspaceSettings? = {
        let text = #"{"caseNumberPatterns": ["yyyy-nnnnnn", "nn.nn.nn-Xnn-n-yy"]}"#
        guard let json = try? JSON.parse(Array(text.utf8)),
              case .success(let settings) = WorkspaceSettings.parse(json, url: URL(fileURLWithPath: "/tmp/agendac.json")) else { return nil }
        return settings
    }()

    @Test func hoverNamesTheFormANumberHas() throws {
        let settings = try #require(Self.settings)
        let text = "møde: Økonomiudvalget\ndato: 2026-05-04\n\npunkt 1: Sag\nsagsnr: 2026-000123\n"
        let document = AnalyzedDocument(text: text, context: CheckContext(settings: settings))
        #expect(!document.diagnostics.contains { $0.rule == .caseNumberForm || $0.rule == .malformedCaseNumber })
        let offset = try #require(text.utf8.firstRange(of: "000123".utf8)).lowerBound
        let position = text.utf8.distance(from: text.utf8.startIndex, to: offset)
        let hover = try #require(Hover.hover(in: document, at: position, context: IDEContext(settings: settings)))
        #expect(hover.markdown.contains("**Sagsnummer `2026-000123`** (formen `yyyy-nnnnnn` fra agendac.json)"))
    }
}
