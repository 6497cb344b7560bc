import AgendaArchive
import Foundation
import Testing

/// `agendac archive search` and `archive case` on a real archive: the samples
/// added with `archive add`; the search index is brought up to date on the way.
@Suite(.serialized) struct ArchiveQueryCommandTests {
    @Test func searchFindsAStemmedWordWithItsPlace() {
        let archive = ArchiveExportCommandTests.samplesArchive()
        let result = ArchiveStoreTests.archive(["search", "førtidspensionen", "--committee", "Beskæftigelses- og Integrationsudvalget"], archive)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output.contains("1. Beskæftigelses- og Integrationsudvalget"))
        #expect(result.output.contains("[førtidspension]"))
        #expect(FileManager.default.fileExists(atPath: archive.appendingPathComponent("index").path))
        // the index kept in the archive is not a file the ledger covers, so verify stays content
        #expect(ArchiveStoreTests.archive(["verify"], archive).code == 0)
        let none = ArchiveStoreTests.archive(["search", "førtidspension", "--from", "2030-01-01"], archive)
        #expect(none.code == 0 && none.output.contains("no items found"))
    }

    /// `archive search` reads the archive only when something was committed since
    /// the index was last synced (the catalog's and ledger's stamp says so): a
    /// meeting added is found without a manual sync, and an unchanged archive's
    /// meetings stay unread (hiding one's `meeting.json`, which a snapshot needs,
    /// does not stop the search).
    @Test func searchSyncsOnlyWhenTheArchiveChanged() throws {
        let archive = ArchiveExportCommandTests.samplesArchive()
        #expect(ArchiveStoreTests.archive(["search", "udviklingsspor"], archive).code == 0)
        let stamp = try #require(ArchiveStamp.read(archive))
        #expect(ArchiveSearchIndex(folder: archive.appendingPathComponent("index")).isCurrent(archiveStamp: stamp))

        let state = archive.appendingPathComponent("meetings/beskaeftigelses-og-integrationsudvalget/2026-05-04/meeting.json")
        let hidden = state.deletingLastPathComponent().appendingPathComponent("meeting.json.hidden")
        try FileManager.default.moveItem(at: state, to: hidden)
        let unread = ArchiveStoreTests.archive(["search", "førtidspension"], archive)
        #expect(unread.code == 0 && unread.output.contains("førtidspension"), "\(unread.output) \(unread.errors)")
        try FileManager.default.moveItem(at: hidden, to: state)

        let folder = temporaryTestFolder("agendac-archive-search-added")
        let file = folder.appendingPathComponent("dagsorden.agenda")
        try "møde: Økonomiudvalget\ndokument: dagsorden\ndato: 2026-09-07\n\npunkt 1: Vandrehjemmet ved Skibsbroen\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(ArchiveStoreTests.archive(["add", file.path, "--at", "2026-09-01T08:00:00Z"], archive).code == 0)
        #expect(!ArchiveSearchIndex(folder: archive.appendingPathComponent("index")).isCurrent(archiveStamp: try #require(ArchiveStamp.read(archive))))
        let found = ArchiveStoreTests.archive(["search", "vandrehjem"], archive)
        #expect(found.code == 0 && found.output.contains("Vandrehjemmet ved Skibsbroen"), "\(found.output) \(found.errors)")
        #expect(ArchiveSearchIndex(folder: archive.appendingPathComponent("index")).isCurrent(archiveStamp: try #require(ArchiveStamp.read(archive))))

        // an archive that names no municipality has a stamp too; a folder that is no archive has none
        let bare = ArchiveStoreTests.newArchive()
        _ = try ArchiveStore.openOrCreate(at: bare)
        #expect(ArchiveStamp.read(bare) != nil)
        #expect(ArchiveStamp.read(folder) == nil)
    }

    /// After a commit, `archive search` follows the ledger: only the meetings its
    /// new records name are read (another meeting's hidden `meeting.json`, which a
    /// whole snapshot needs, does not stop it), and an index whose ledger mark the
    /// archive no longer continues from falls back to reading the whole archive.
    @Test func searchAfterACommitReadsOnlyTheMeetingsTheLedgerNames() throws {
        let archive = ArchiveExportCommandTests.samplesArchive()
        #expect(ArchiveStoreTests.archive(["search", "udviklingsspor"], archive).code == 0)
        let folder = temporaryTestFolder("agendac-archive-search-follow")
        let file = folder.appendingPathComponent("dagsorden.agenda")
        try "møde: Økonomiudvalget\ndokument: dagsorden\ndato: 2026-09-07\n\npunkt 1: Vandrehjemmet ved Skibsbroen\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(ArchiveStoreTests.archive(["add", file.path, "--at", "2026-09-01T08:00:00Z"], archive).code == 0)

        let state = archive.appendingPathComponent("meetings/beskaeftigelses-og-integrationsudvalget/2026-05-04/meeting.json")
        let hidden = state.deletingLastPathComponent().appendingPathComponent("meeting.json.hidden")
        try FileManager.default.moveItem(at: state, to: hidden)
        let found = ArchiveStoreTests.archive(["search", "vandrehjem"], archive)
        #expect(found.code == 0 && found.output.contains("Vandrehjemmet ved Skibsbroen"), "\(found.output) \(found.errors)")
        #expect(ArchiveSearchIndex(folder: archive.appendingPathComponent("index")).isCurrent(archiveStamp: try #require(ArchiveStamp.read(archive))))
        let old = ArchiveStoreTests.archive(["search", "førtidspension"], archive)
        #expect(old.code == 0 && old.output.contains("førtidspension"), "the rest of the index is kept: \(old.output)")
        try FileManager.default.moveItem(at: hidden, to: state)

        // the same agenda changed: its meeting is indexed again, not found twice
        try "møde: Økonomiudvalget\ndokument: dagsorden\ndato: 2026-09-07\n\npunkt 1: Vandrehjemmet ved Havnen\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(ArchiveStoreTests.archive(["add", file.path, "--at", "2026-09-02T08:00:00Z"], archive).code == 0)
        let changed = ArchiveStoreTests.archive(["search", "vandrehjem"], archive)
        #expect(changed.code == 0 && changed.output.contains("Vandrehjemmet ved Havnen") && !changed.output.contains("Skibsbroen"), "\(changed.output)")

        // a mark the ledger does not continue from: the whole archive is read again, and the search still answers
        let catalogURL = archive.appendingPathComponent("index/catalog.json")
        let catalog = try String(contentsOf: catalogURL, encoding: .utf8)
        let marked = try #require(catalog.range(of: #""ledger":\[[0-9]+,"[0-9a-f]+"\]"#, options: .regularExpression))
        try catalog.replacingCharacters(in: marked, with: #""ledger":[0,"\#(String(repeating: "1", count: 64))"]"#).write(to: catalogURL, atomically: true, encoding: .utf8)
        try "møde: Økonomiudvalget\ndokument: dagsorden\ndato: 2026-09-14\n\npunkt 1: Vandrehjemmets budget\n"
            .write(to: folder.appendingPathComponent("naeste.agenda"), atomically: true, encoding: .utf8)
        #expect(ArchiveStoreTests.archive(["add", folder.appendingPathComponent("naeste.agenda").path, "--at", "2026-09-03T08:00:00Z"], archive).code == 0)
        let again = ArchiveStoreTests.archive(["search", "vandrehjem"], archive)
        #expect(again.code == 0 && again.output.contains("Vandrehjemmets budget") && again.output.contains("Havnen"), "\(again.output)")
        #expect(ArchiveSearchIndex(folder: archive.appendingPathComponent("index")).isCurrent(archiveStamp: try #require(ArchiveStamp.read(archive))))
    }

    @Test func caseListsEveryTreatmentInDateOrder() {
        let archive = ArchiveExportCommandTests.samplesArchive()
        let result = ArchiveStoreTests.archive(["case", "15.00.00-P05-3-25"], archive)
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("case 15.00.00-P05-3-25: 2 treatments"))
        let may = result.output.range(of: "2026-05-04")
        let june = result.output.range(of: "2026-06-01")
        #expect(may != nil && june != nil && (may?.lowerBound ?? result.output.endIndex) < (june?.lowerBound ?? result.output.startIndex))
    }

    @Test func theArchiveOptionIsTakenWhereverItStands() {
        let archive = ArchiveExportCommandTests.samplesArchive()
        #expect(ArchiveStoreTests.run(["archive", "search", "--archive", archive.path, "udviklingsspor"]).code == 0)
        #expect(ArchiveStoreTests.run(["archive", "search", "--archive"]).code == 2)
    }

    @Test func siteIsBuiltFromARealArchiveAndAgainOnlyWhatChanged() throws {
        let archive = ArchiveExportCommandTests.samplesArchive()
        let site = archive.deletingLastPathComponent().appendingPathComponent(archive.lastPathComponent + "-site")
        let first = ArchiveStoreTests.archive(["site", site.path], archive)
        #expect(first.code == 0, "\(first.errors)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("soeg.html").path))
        let again = ArchiveStoreTests.archive(["site", site.path], archive)
        #expect(again.code == 0 && again.output.contains(" 0 written"), "\(again.output)")
    }
}
