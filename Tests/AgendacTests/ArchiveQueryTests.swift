import AgendaArchive
import AgendaBase
@testable import AgendaCLI
import AgendaSemantics
import Foundation
import Testing

/// The archive of the samples and `Tests/Fixtures/archive/meetings`, as the
/// query side sees it: a snapshot of public models and the index made from it.
enum ArchiveFixture {
    static var meetingFiles: [URL] {
        Golden.sampleFiles() + Golden.inputs("archive/meetings")
    }

    /// The meeting's record, its source named relative to the package root (as the store names it relative to the archive).
    static func record(_ url: URL) -> ArchivedMeeting? {
        guard var record = try? ArchivedMeeting.record(of: AnalyzedDocument(text: Golden.read(url)).meeting).get() else { return nil }
        let bytes = Golden.bytes(url)
        let path = url.path.replacingOccurrences(of: Golden.packageRoot.path + "/", with: "")
        record.files = [ArchivedFile(kind: .source, path: path, sha256: SHA256.hexDigest(bytes), byteCount: bytes.count)]
        return record
    }

    static let snapshot = ArchiveSnapshot(meetings: meetingFiles.compactMap(record))

    /// A fresh index of the whole fixture archive.
    static func indexFolder() throws -> URL {
        let folder = temporaryTestFolder("archive-index")
        try ArchiveSearchIndex(folder: folder).sync(with: snapshot)
        return folder
    }

    /// The arguments of a `.query` or `.case` file: one a line.
    static func arguments(_ url: URL) -> [String] {
        Golden.read(url).split(separator: "\n").map(String.init)
    }
}

@Suite struct ArchiveSearchTests {
    static let folder = (try? ArchiveFixture.indexFolder()) ?? temporaryTestFolder("archive-index-missing")

    static func search(_ text: String, committee: String? = nil, caseNumber: String? = nil, decided: Bool = false,
                       from: String? = nil, to: String? = nil) throws -> [ArchiveSearchResult] {
        func date(_ text: String?) -> CalendarDate? {
            guard let text, case .date(let date) = CalendarDate.read(text) else { return nil }
            return date
        }
        return try ArchiveSearchIndex(folder: folder).search(ArchiveSearchQuery(
            text, committee: committee, caseNumber: caseNumber, decidedOnly: decided, from: date(from), to: date(to)))
    }

    @Test func theFixtureArchiveHoldsEveryMeeting() {
        #expect(ArchiveFixture.snapshot.meetings.count == ArchiveFixture.meetingFiles.count)
        #expect(ArchiveFixture.snapshot.meetings.count >= 5)
    }

    /// `Tests/Fixtures/archive/search/NAME.query` (the command's arguments, one a line) → `NAME.results`.
    @Test(arguments: Golden.inputs("archive/search", ext: "query"))
    func searchAsExpected(_ input: URL) {
        let output = CapturedOutput()
        let status = ArchiveSearchCommand.run(ArchiveFixture.arguments(input), indexFolder: Self.folder, io: output.io(in: Golden.packageRoot))
        #expect(status == ExitCode.success, "\(output.standardError)")
        Golden.check(output.standardOutput, against: input.deletingPathExtension().appendingPathExtension("results"))
    }

    @Test func aPluralFindsTheSingular() throws {
        let results = try Self.search("børnehaver")
        #expect(results.contains { $0.itemTitle == "Kapacitet i kommunens børnehaver" })
        // the passage marks the singular form, found by its stem
        #expect(results.contains { $0.passage?.marked().contains("[børnehave]") == true })
        #expect(try Self.search("BØRNEHAVEN").count == results.count)
    }

    @Test func filtersNarrowTheResults() throws {
        let all = try Self.search("Sundparken")
        #expect(all.count > 2)
        let council = try Self.search("Sundparken", committee: "byraadet")
        #expect(council.map(\.meeting) == ["byraadet/2026-05-26"])
        #expect(try Self.search("Sundparken", committee: "Byrådet").map(\.meeting) == council.map(\.meeting))
        let june = try Self.search("Sundparken", from: "2026-06-01", to: "2026-06-01")
        #expect(!june.isEmpty && june.allSatisfy { $0.date.iso == "2026-06-01" })
        let decided = try Self.search("Sundparken", decided: true)
        #expect(!decided.isEmpty && decided.allSatisfy { $0.meeting != "beskaeftigelses-og-integrationsudvalget/2026-06-01" })
        let byCase = try Self.search("", caseNumber: "15.00.00-P20-2-26")
        #expect(Set(byCase.map(\.meeting)) == ["byraadet/2026-05-26", "beskaeftigelses-og-integrationsudvalget/2026-06-01"])
        #expect(try Self.search("Sundparken", from: "2026-07-01", to: "2026-01-01").isEmpty)
        // a case no item carries finds nothing, though its parts are everywhere
        #expect(try Self.search("", caseNumber: "15.00.00-P20-2-25").isEmpty)
        #expect(try Self.search("Sundparken", caseNumber: "00.00.00-P20-2-26").isEmpty)
    }

    @Test func aHitSaysWhichSectionMatched() throws {
        let hit = try #require(Self.search("ressourcefokuseret").first)
        #expect(hit.itemNumber == 1 && hit.meeting == "beskaeftigelses-og-integrationsudvalget/2026-06-01")
        #expect(hit.field == "sections")
        #expect(hit.section == "Sagsfremstilling")
    }

    /// A closed item's own text is in no result, passage or index file: only its
    /// public title and public decision are searchable.
    @Test func closedContentIsNeverFound() throws {
        #expect(try Self.search("LUKKETMARKØR").isEmpty)
        #expect(try Self.search("sælgeren").isEmpty)
        let land = try Self.search("grund")
        #expect(land.contains { $0.itemTitle == "Køb af grund" })
        for query in ["grund", "børnehave", "Byrådet godkendte", "Stensballe"] {
            for result in try Self.search(query) {
                let passage = result.passage?.marked() ?? ""
                #expect(passage.contains("LUKKETMARKØR") == false && passage.contains("4,2 mio") == false, "\(passage)")
            }
        }
        let marker = Array("LUKKETMARK".utf8)
        let files = FileManager.default.enumerator(at: Self.folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            let bytes = Golden.bytes(file)
            guard bytes.count >= marker.count else { continue }
            let found = (0...(bytes.count - marker.count)).contains { bytes[$0..<($0 + marker.count)].elementsEqual(marker) }
            #expect(!found, "\(file.lastPathComponent) holds closed content")
        }
    }

    @Test func badArgumentsAreUsageErrors() {
        for arguments in [[String](), ["--from", "2026-13-40", "x"], ["x", "--committee"], ["x", "--bogus"], ["x", "--limit", "0"]] {
            let output = CapturedOutput()
            #expect(ArchiveSearchCommand.run(arguments, indexFolder: Self.folder, io: output.io(in: Golden.packageRoot)) == ExitCode.usage)
            #expect(output.standardError.contains("agendac archive search:"))
        }
    }
}

@Suite struct ArchiveCaseHistoryTests {
    /// `Tests/Fixtures/archive/case/NAME.case` → `NAME.history`.
    @Test(arguments: Golden.inputs("archive/case", ext: "case"))
    func historyAsExpected(_ input: URL) {
        let output = CapturedOutput()
        let status = ArchiveCaseCommand.run(ArchiveFixture.arguments(input), snapshot: ArchiveFixture.snapshot, io: output.io(in: Golden.packageRoot))
        #expect(status == ExitCode.success)
        Golden.check(output.standardOutput, against: input.deletingPathExtension().appendingPathExtension("history"))
    }

    @Test func aCaseAcrossTheTwoHorsensMeetings() {
        let entries = CaseHistory(ArchiveFixture.snapshot).entries(ofCase: "15.00.00-P05-3-25")
        #expect(entries.map(\.treatment.meeting.path) == [
            "beskaeftigelses-og-integrationsudvalget/2026-05-04", "beskaeftigelses-og-integrationsudvalget/2026-06-01"])
        #expect(entries.map(\.treatment.itemNumber) == [5, 1])
        #expect(entries.allSatisfy { $0.link == .caseNumber })
        #expect(entries.first?.treatment.outcome.isEmpty == false)
    }

    /// Sundparken: the committee's item 3 of 4 May carries another case number, but
    /// the council's item and the committee's item of 1 June name it in `sagens gang:`.
    @Test func sagensGangLinksItemsWithoutTheCaseNumber() {
        let entries = CaseHistory(ArchiveFixture.snapshot).entries(ofCase: "15.00.00-P20-2-26")
        #expect(entries.map { "\($0.treatment.meeting.path)#\($0.treatment.itemNumber)" } == [
            "beskaeftigelses-og-integrationsudvalget/2026-05-04#3", "byraadet/2026-05-26#9",
            "beskaeftigelses-og-integrationsudvalget/2026-06-01#3"])
        #expect(entries.map(\.link) == [.history, .caseNumber, .caseNumber])
    }

    @Test func badArgumentsAreUsageErrors() {
        for arguments in [[String](), ["a", "b"], ["--xml", "1"]] {
            let output = CapturedOutput()
            #expect(ArchiveCaseCommand.run(arguments, snapshot: ArchiveFixture.snapshot, io: output.io(in: Golden.packageRoot)) == ExitCode.usage)
        }
    }
}

/// `Tests/Fixtures/archive/checks/NAME.agenda` → `NAME.diagnostics`: the document's
/// own findings and the archive's (AG705–AG707), against the fixture archive.
@Suite struct ArchiveHistoryCheckTests {
    static func render(_ url: URL) -> String {
        let document = AnalyzedDocument(source: SourceText(bytes: Golden.bytes(url)))
        let archive = ArchiveHistoryCheck.check(document.meeting, against: ArchiveItemLookup(ArchiveFixture.snapshot))
        return (document.diagnostics + archive).map { DiagnosticPrinter.line($0, in: document.source) }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: Golden.inputs("archive/checks"))
    func reportsAsExpected(_ input: URL) {
        Golden.check(Self.render(input), against: input.deletingPathExtension().appendingPathExtension("diagnostics"))
    }

    /// The samples' own lines agree with the archive of the samples, but for the
    /// ones the fixture meetings were written to show.
    @Test func samplesAgreeWithTheirArchive() {
        let lookup = ArchiveItemLookup(ArchiveFixture.snapshot)
        for sample in Golden.sampleFiles() {
            let document = AnalyzedDocument(source: SourceText(bytes: Golden.bytes(sample)))
            let codes = ArchiveHistoryCheck.check(document.meeting, against: lookup).map(\.code)
            let expected = sample.lastPathComponent.contains("2026-06-01") ? ["AG707"] : []
            #expect(codes == expected, "\(sample.lastPathComponent): \(codes)")
        }
    }
}
