@testable import AgendaArchive
import AgendaBase
import AgendaSearch
import AgendaSemantics
import Foundation
import Testing

/// `archive export --to postgres`: the files psql loads. The golden files
/// (`Tests/Fixtures/archive/postgres/`) are the export of the samples;
/// `Tests/archive/postgres.sh` loads what `writesTheLoadCheck` leaves in
/// `.build/archive-postgres/` into a real PostgreSQL and compares its
/// searches, case histories and texts with the answers written beside it.
@Suite(.serialized) struct PostgresExportTests {
    static let fixtures = Golden.fixtures.appendingPathComponent("archive/postgres")

    /// Text that COPY must carry exactly: a tab, backslashes, the end-of-data
    /// marker and `\N` alone on lines, æøå, `aa`, a decomposed ø, characters
    /// outside the BMP, quotes, and a NUL (which PostgreSQL text cannot hold).
    static let awkward = """
        møde: Teknik- og Miljøudvalget
        kommune: Aabenraa Kommune
        dokument: referat
        dato: 2026-03-10
        tid: 16:00
        sted: Rådhuset, sal "B" \\ 2

        punkt 1: Sti C:\\data\\ny\tmed tabulator, 𝔸 og 🏛️
        sagsnr: 01.02.03-A00-1-26

        resume:
        Første linje med backslash \\ og \\. midt i.

        \\\\.

        \\\\N

        Aabenraa og Åbenrå, sto\u{0338}rre og ØKONOMI 😀; 'apostrof' og "citat".

        Nul\u{0}tegn og klokke\u{7}.

        beslutning: Teknik- og Miljøudvalget, 2026-03-10
        Børnehaverne får ny legeplads.

        punkt 2: Børnehave i Aabenraa
        sagsnr: 01.02.03-A00-1-26

        resume:
        Opfølgning.

        """

    static func export(_ snapshot: ArchiveSnapshot) throws -> [String: [UInt8]] {
        try PostgresExport.write(snapshot, to: MemoryExportSink()).0.files
    }

    static func text(_ files: [String: [UInt8]], _ path: String) -> String {
        String(decoding: files[path] ?? [], as: UTF8.self)
    }

    @Test func rowsEscapeForCopy() {
        var row = PostgresRow()
        row.text("a\tb\\c\nd\re")
        row.text(nil)
        row.text("\\N")
        row.text("\\.")
        row.text("æøå 𝔸🏛️ \u{0}\u{1}\u{7F}")
        row.integer(42)
        row.boolean(false)
        row.integers([1, 3])
        let expected = "a\\tb\\\\c\\nd\\re\t\\N\t\\\\N\t\\\\.\tæøå 𝔸🏛️ \u{FFFD}\\x01\\x7f\t42\tf\t{1,3}\n"
        #expect(String(decoding: row.line, as: UTF8.self) == expected)
        #expect(SQLLiteral.text("O'Brien\u{0}") == "'O''Brien\u{FFFD}'")
    }

    @Test func samplesMatchTheGoldenFiles() throws {
        let archive = try ArchiveExportFixtures.samplesArchive()
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let files = try Self.export(archive.snapshot)
        #expect(Set(files.keys) == ["schema.sql", "indexes.sql", "load.sql", "data/replace.sql", "data/meetings.sql",
                                    "data/items.sql", "data/cases.sql", "data/treatments.sql", "data/files.sql"])
        for (path, bytes) in files {
            let url = Self.fixtures.appendingPathComponent(path)
            if Golden.updating { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
            Golden.check(String(decoding: bytes, as: UTF8.self), against: url)
        }
        #expect(try Self.export(archive.snapshot) == files)
    }

    /// Every data file is COPY blocks only: a header, rows with the table's column count, `\.`.
    @Test func dataFilesAreWellFormed() throws {
        let meetings = try ArchiveExportFixtures.sampleMeetings() + [ArchiveExportFixtures.meeting(text: Self.awkward)]
        let files = try Self.export(ArchiveSnapshot(meetings: meetings))
        for table in PostgresExport<MemoryExportSink>.Table.allCases {
            let lines = Self.text(files, table.path).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "COPY agendac_archive.\(table.rawValue) (\(table.columns)) FROM STDIN;")
            #expect(lines.dropLast().last == "\\." && lines.last == "")
            let columns = table.columns.split(separator: ",").count
            for row in lines.dropFirst().dropLast(2) {
                #expect(row.split(separator: "\t", omittingEmptySubsequences: false).count == columns, "\(table): \(row.prefix(80))")
            }
        }
        #expect(Self.text(files, "data/replace.sql").contains("WHERE municipality = 'Aabenraa Kommune';"))
    }

    @Test func closedContentNeverAppears() throws {
        let meeting = try ArchiveExportFixtures.meeting(text: ClosedItemLeakTests.planted.text)
        let files = try Self.export(ArchiveSnapshot(meetings: [meeting]))
        let all = files.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        let shown = ClosedItemLeakTests.markersShown(in: all)
        #expect(shown.isEmpty, "the PostgreSQL export shows closed markers: \(shown.sorted().prefix(5))")
        #expect(all.contains(ClosedItemLeakTests.publicTitle) && all.contains(ClosedItemLeakTests.publicDecision[0]))
        #expect(Self.text(files, "data/treatments.sql").split(separator: "\n").count == 2, "a closed item's case number made a treatment")
    }

    /// The export for Tests/archive/postgres.sh and the library's answers beside it.
    @Test func writesTheLoadCheck() throws {
        let closed = try ArchiveExportFixtures.meeting(text: ClosedItemLeakTests.planted.text)
        let meetings = try ArchiveExportFixtures.sampleMeetings() + [ArchiveExportFixtures.meeting(text: Self.awkward), closed]
        let archive = try ArchiveExportFixtures.archive(of: meetings, municipality: "Horsens Kommune", name: "postgres")
        defer { try? FileManager.default.removeItem(at: archive.root) }
        let out = Golden.packageRoot.appendingPathComponent(".build/archive-postgres")
        try? FileManager.default.removeItem(at: out)
        let folder = try ExportFolder(target: out.appendingPathComponent("export"), kind: "postgres")
        try PostgresExport.write(archive.snapshot, to: folder).0.commit()
        let answers = try PostgresLoadCheck.answers(archive.snapshot)
        try Data(answers.prettyPrinted().utf8).write(to: out.appendingPathComponent("expected.json"))
        #expect((answers["searches"]?.arrayValue?.count ?? 0) > 100)
    }
}

/// What the library answers, for the PostgreSQL load to be compared with:
/// which items each query finds (`ArchiveSearchIndex`, as `agendac archive
/// search` answers), every case's history (`CaseHistory`, as `agendac archive
/// case` lists it), and every item's texts.
enum PostgresLoadCheck {
    static func answers(_ snapshot: ArchiveSnapshot) throws -> JSON {
        var items: [JSON] = []
        var vocabulary: [String] = []
        var seen = Set<String>()
        let fallback = snapshot.municipality ?? "Kommune"
        for meeting in snapshot.meetings {
            let id = PostgresExport<MemoryExportSink>.meetingID(
                of: meeting, municipality: PostgresExport<MemoryExportSink>.municipality(of: meeting, default: fallback))
            for (offset, record) in ItemRecord.records(of: meeting).enumerated() {
                let names = ["title", "sections", "recommendation", "decision"]
                items.append(.object([("meeting_id", .string(id)), ("position", .int(offset + 1))]
                    + zip(names, record.texts).map { ($0, JSON.string($1)) }))
                // queries: every word of the items as written; words with digits and joined runs
                // (case numbers) are tokenised differently by PostgreSQL's parser (README)
                for text in record.texts {
                    let bytes = Array(text.utf8)
                    for token in SearchText.tokens(in: text) where !token.isCompound && !token.isPart {
                        let word = String(decoding: bytes[token.byteRange], as: UTF8.self)
                        guard word.contains(where: \.isLetter), !word.contains(where: \.isNumber) else { continue }
                        if seen.insert(word.lowercased()).inserted { vocabulary.append(word) }
                    }
                }
            }
        }
        let fixed = ["børnehaver", "BØRNEHAVE", "Aabenraa", "åbenrå", "førtidspensionen", "beskæftigelsesindsatsen",
                     "udviklingsspor analyse", "borgere ledighed", "økonomi", "større", "legepladser", "integration og job",
                     "sto\u{0338}rre", "Offentligtitelord", "ikkefindesord"]
        // about 200 of them (each search costs milliseconds in a debug build);
        // AGENDAC_POSTGRES_QUERIES=all for every word
        let all = ProcessInfo.processInfo.environment["AGENDAC_POSTGRES_QUERIES"] == "all"
        let stride = all ? 1 : max(1, vocabulary.count / 200)
        let queries = fixed + vocabulary.enumerated().filter { $0.offset % stride == 0 }.map(\.element)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("agendac-pg-index-\(getpid())-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = ArchiveSearchIndex(folder: folder)
        try index.sync(with: snapshot)
        var searches: [JSON] = []
        for query in queries {
            let hits = try index.search(ArchiveSearchQuery(query, limit: max(1, items.count)))
            let ids = hits.map { "\($0.meeting)#\($0.itemNumber)" }.sorted()
            searches.append(.object([("query", .string(query)), ("hits", .array(ids.map { .string($0) }))]))
        }
        let history = CaseHistory(snapshot)
        let histories: [JSON] = snapshot.caseIndex().treatmentsByCase.keys.sorted().map { key in
            .object([("case_key", .string(key)), ("treatments", .array(history.entries(ofCase: key).map { entry in
                let treatment = entry.treatment
                return .object([
                    ("meeting_path", .string(treatment.meeting.path)), ("meeting_date", .string(treatment.date.iso)),
                    ("committee", .string(treatment.committee)), ("item_number", .int(treatment.itemNumber)),
                    ("item_title", .string(treatment.itemTitle)), ("recommendation", .string(treatment.recommendation)),
                    ("outcome", .string(treatment.outcome)), ("stage", .string(treatment.stage.rawValue)),
                    ("link", .string(entry.link.rawValue)),
                ])
            }))])
        }
        return .object([("searches", .array(searches)), ("cases", .array(histories)), ("items", .array(items))])
    }
}
