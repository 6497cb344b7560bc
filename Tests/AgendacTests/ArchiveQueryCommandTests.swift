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
