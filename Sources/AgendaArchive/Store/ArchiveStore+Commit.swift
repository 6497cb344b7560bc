import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

extension ArchiveStore {
    /// Writes a meeting's new state (and a new version's files) as one change:
    /// the folder built in staging and renamed into place, then the catalog,
    /// then the ledger record. On any failure the archive is left as it was.
    mutating func commit(_ state: MeetingState, writing version: VersionFiles? = nil, replacing replaced: String? = nil,
                         record draft: LedgerRecord) throws(ArchiveError) -> LedgerRecord {
        let last = try LedgerFile.last(url(ArchiveLayout.ledgerName))
        var record = draft
        record.sequence = (last?.sequence ?? 0) + 1
        record.previous = last?.hash ?? LedgerRecord.firstPrevious
        let (sealed, line) = record.sealed()

        var write = try ArchiveWrite(root: root)
        do {
            let meetingFolder = ArchiveLayout.meetingFolder(state.id)
            let built = write.staging.appendingPathComponent("meeting")
            try buildFolder(built, from: url(meetingFolder), meetingFolder: meetingFolder, state: state,
                            version: version, replacing: replaced)
            try faultInjection?(.filesStaged)
            try write.moveIntoPlace(built, as: meetingFolder)
            try faultInjection?(.meetingMoved)
            var newCatalog = catalog
            newCatalog.set(CatalogEntry(state))
            try write.replace(ArchiveLayout.catalogName, with: newCatalog.bytes)
            try faultInjection?(.catalogWritten)
            try write.append(line)
            try faultInjection?(.ledgerAppended)
            catalog = newCatalog
        } catch {
            write.rollBack()
            throw error
        }
        write.finish()
        return sealed
    }

    /// The meeting's folder as it will be: a copy of the old one, the replaced
    /// version's folder removed, the new version's files and `meeting.json` written.
    private func buildFolder(_ built: URL, from existing: URL, meetingFolder: String, state: MeetingState,
                             version: VersionFiles?, replacing replaced: String?) throws(ArchiveError) {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: existing.path) {
                try manager.copyItem(at: existing, to: built)
                if let replaced {
                    let old = built.appendingPathComponent(replaced)
                    if manager.fileExists(atPath: old.path) { try manager.removeItem(at: old) }
                }
            } else {
                try manager.createDirectory(at: built, withIntermediateDirectories: true)
            }
        } catch {
            throw ArchiveError("\(meetingFolder): cannot be copied for the change (\(ErrorText.describing(error))); nothing was changed")
        }
        var files = version?.files.map { ($0.path, $0.bytes) } ?? []
        files.append((ArchiveLayout.statePath(state.id), Array(state.json.prettyPrinted().utf8)))
        for (path, bytes) in files {
            guard path.hasPrefix(meetingFolder + "/") else { continue }
            let target = built.appendingPathComponent(String(path.dropFirst(meetingFolder.count + 1)))
            do {
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard manager.createFile(atPath: target.path, contents: Data(bytes)) else {
                    throw ArchiveError("\(path): cannot be written; nothing was changed")
                }
            } catch let error as ArchiveError {
                throw error
            } catch {
                throw ArchiveError("\(path): cannot be written (\(ErrorText.describing(error))); nothing was changed")
            }
        }
    }
}
