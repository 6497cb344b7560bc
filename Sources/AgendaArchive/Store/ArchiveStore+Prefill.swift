import AgendaBase
import AgendaSemantics
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

extension ArchiveStore {
    /// For the benchmark: files many minutes at once with their source only
    /// (no rendered outputs), one ledger record each, catalog and ledger written
    /// once, so that an archive of 100,000 items is made in seconds. What `add`
    /// reads (the catalog, the ledger's last line, one meeting's folder) is
    /// shaped as in an archive filled by `add`, and `verify` finds it intact.
    /// Refuses an archive that already holds meetings.
    public mutating func prefillSourcesOnly(_ documents: [(source: [UInt8], meeting: Meeting)], at time: String) throws(ArchiveError) {
        let lock = try ArchiveLock(root: root)
        defer { withExtendedLifetime(lock) {} }
        try reloadCatalog()
        guard catalog.entries.isEmpty else { throw ArchiveError("prefill is for an empty archive") }
        var newCatalog = catalog
        var ledger: [UInt8] = []
        var previous = LedgerRecord.firstPrevious
        for (index, document) in documents.enumerated() {
            guard case .success(let filed) = ArchivedMeeting.record(of: document.meeting) else {
                throw ArchiveError("document \(index + 1) names no committee or date")
            }
            guard newCatalog.entry(filed.id) == nil else { throw ArchiveError("\(filed.id) is there twice") }
            let version = ArchiveLayout.revisionVersion(1)
            let sourcePath = ArchiveLayout.versionFolder(filed.id, version) + "/" + ArchiveLayout.sourceName
            let sha = SHA256Text.of(document.source)
            let file = ArchivedFile(kind: .source, path: sourcePath, sha256: sha, byteCount: document.source.count)
            let state = MeetingState(id: filed.id, committee: filed.committee, date: filed.date, time: document.meeting.time?.value.text,
                                     versions: [VersionState(name: version, source: sha, addedAt: time, reason: nil,
                                                             approvers: ArchiveStore.approvers(of: document.meeting), approvals: [], files: [file])])
            do {
                try FileManager.default.createDirectory(at: url(sourcePath).deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(document.source).write(to: url(sourcePath))
                try Data(state.json.prettyPrinted().utf8).write(to: url(ArchiveLayout.statePath(filed.id)))
            } catch {
                throw ArchiveError("\(filed.id): cannot be written (\(ErrorText.describing(error)))")
            }
            newCatalog.set(CatalogEntry(state))
            let record = LedgerRecord(sequence: index + 1, kind: .add, meeting: filed.id, version: version, stage: state.stage,
                                      at: time, by: nil, reason: nil, source: sha, files: [file], previous: previous)
            let (sealed, line) = record.sealed()
            previous = sealed.hash
            ledger += line
        }
        do {
            try AtomicFile.write(newCatalog.bytes, to: url(ArchiveLayout.catalogName))
        } catch {
            throw ArchiveError(error.description)
        }
        try LedgerFile.append(ledger, to: url(ArchiveLayout.ledgerName))
        catalog = newCatalog
    }
}
