import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

extension ArchiveSearchIndex {
    /// Brings an index last synced with the archive at `root` up to date from
    /// the ledger alone: every commit appends one record naming its meeting, so
    /// the records appended since the recorded mark name every meeting changed,
    /// and only those are read and indexed; the catalog and the other meetings
    /// stay unread. Returns false, having changed nothing, when the index was not
    /// synced with this archive by this agendac, or the ledger does not continue
    /// from the mark, or a named meeting cannot be read: a full `sync` then
    /// decides (and reports what is wrong).
    public func follow(archive root: URL, archiveStamp: String) throws(ArchiveIndexError) -> Bool {
        guard let catalog = try IndexCatalog.read(from: folder), let mark = catalog.ledger,
              let synced = catalog.archiveStamp, ArchiveStamp.sameAgendac(synced, archiveStamp),
              let (records, newMark) = LedgerFile.records(after: mark, in: root.appendingPathComponent(ArchiveLayout.ledgerName)),
              let store = try? ArchiveStore.openForReadingMeetings(at: root) else { return false }
        var seen = Set<String>()
        var meetings: [ArchivedMeeting] = []
        for record in records where seen.insert(record.meeting.path).inserted {
            guard let meeting = try? store.meeting(record.meeting) else { return false }
            meetings.append(meeting)
        }
        _ = try update(meetings.map(IndexSegment.Batch.init), removing: [], archiveStamp: archiveStamp, ledger: newMark)
        return true
    }
}
