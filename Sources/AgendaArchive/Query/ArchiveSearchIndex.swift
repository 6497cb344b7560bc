import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The archive's search index on disk: segments written once (`IndexSegment`)
/// listed by a catalog (`IndexCatalog`). Adding a meeting writes one small
/// segment and retires the meeting's older items where it was indexed before;
/// segments are merged when `mergeFactor` of one size have gathered (log-structured,
/// so each item is rewritten about log₈ of the archive's meetings times, never all
/// at once), and no merge makes a segment above `maxMergedItems`, which bounds the
/// work of any one update.
public struct ArchiveSearchIndex: Sendable {
    public let folder: URL
    static let mergeFactor = 8
    static let maxMergedItems = 6_000

    /// The index kept in `folder` (created on the first update).
    public init(folder: URL) {
        self.folder = folder
    }

    /// What an update did, for the CLI to report and tests to check.
    public struct UpdateSummary: Equatable, Sendable {
        public var meetingsIndexed = 0
        public var meetingsRetired = 0
        public var segmentsWritten = 0
        public var segmentCount = 0
    }

    /// Brings the index in line with a snapshot: meetings new or changed since
    /// they were indexed are indexed, meetings gone are retired; unchanged ones
    /// cost only their fingerprint. `archiveStamp` is the archive's `ArchiveStamp`
    /// taken *before* the snapshot was read; it is recorded, so `isCurrent` can
    /// later tell without reading the archive that nothing changed since;
    /// `ledger`, the ledger's mark taken before the snapshot too, lets `follow`
    /// later read only the records appended since.
    @discardableResult
    public func sync(with snapshot: ArchiveSnapshot, archiveStamp: String? = nil, ledger: LedgerMark? = nil) throws(ArchiveIndexError) -> UpdateSummary {
        let batches = snapshot.meetings.map(IndexSegment.Batch.init)
        let live = try liveMeetings(in: IndexCatalog.readForUpdate(from: folder).catalog)
        let wanted = Set(batches.map(\.id))
        let changed = batches.filter { live[$0.id]?.fingerprint != $0.fingerprint }
        let gone = live.keys.filter { !wanted.contains($0) }
        return try update(changed, removing: Set(gone), archiveStamp: archiveStamp, ledger: archiveStamp == nil ? nil : ledger)
    }

    /// Whether the index was last synced with the archive in exactly the state
    /// `archiveStamp` describes: one small file read, no meeting opened.
    public func isCurrent(archiveStamp: String) -> Bool {
        guard let catalog = try? IndexCatalog.read(from: folder) else { return false }
        return catalog.archiveStamp == archiveStamp
    }

    /// Indexes these meetings (replacing what was indexed of them) and retires
    /// the removed ones, without reading the rest of the archive.
    @discardableResult
    public func update(adding meetings: [ArchivedMeeting], removing removed: [MeetingID] = []) throws(ArchiveIndexError) -> UpdateSummary {
        try update(meetings.map(IndexSegment.Batch.init), removing: Set(removed.map(\.path)))
    }

    /// Writes the index anew from a snapshot.
    @discardableResult
    public func rebuild(from snapshot: ArchiveSnapshot) throws(ArchiveIndexError) -> UpdateSummary {
        let catalogURL = folder.appendingPathComponent(IndexCatalog.fileName)
        if FileManager.default.fileExists(atPath: catalogURL.path) {
            do { try FileManager.default.removeItem(at: catalogURL) } catch {
                throw ArchiveIndexError("cannot remove \(catalogURL.path): \(error)")
            }
        }
        return try sync(with: snapshot)
    }

    func update(_ batches: [IndexSegment.Batch], removing removed: Set<String>,
                archiveStamp: String? = nil, ledger: LedgerMark? = nil) throws(ArchiveIndexError) -> UpdateSummary {
        var (catalog, outdated) = try IndexCatalog.readForUpdate(from: folder)
        // only a sync with the whole archive (or its ledger) vouches for it; any other update forgets the stamp
        catalog.archiveStamp = archiveStamp
        catalog.ledger = ledger
        let live = try liveMeetings(in: catalog)
        var summary = UpdateSummary()
        let fresh = batches.filter { live[$0.id]?.fingerprint != $0.fingerprint }
        let retiring = Set(fresh.map(\.id)).union(removed)
        for id in retiring {
            guard let place = live[id], let position = catalog.segments.firstIndex(where: { $0.name == place.segment }) else { continue }
            catalog.segments[position].retired.append(.init(ordinal: place.ordinal, items: place.entry.items))
            summary.meetingsRetired += 1
        }
        var obsolete = outdated
        if !fresh.isEmpty {
            catalog.segments.append(try writeSegment(fresh, catalog: &catalog))
            summary.meetingsIndexed = fresh.count
            summary.segmentsWritten += 1
        }
        while let run = mergeableRun(catalog.segments) {
            let merging = Array(catalog.segments[run])
            var merged: [IndexSegment.Batch] = []
            for segment in merging { merged += try liveBatches(of: segment) }
            let segment = try writeSegment(merged, catalog: &catalog)
            catalog.segments.replaceSubrange(run, with: [segment])
            obsolete += merging.map(\.name)
            summary.segmentsWritten += 1
        }
        // a segment whose items are all retired is dropped
        for segment in catalog.segments where segment.isAllRetired { obsolete.append(segment.name) }
        catalog.segments.removeAll(where: \.isAllRetired)
        try ArchiveIndexError.write(catalog.json.serializedBytes(), to: folder.appendingPathComponent(IndexCatalog.fileName))
        for name in obsolete { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        summary.segmentCount = catalog.segments.count
        return summary
    }

    func writeSegment(_ batches: [IndexSegment.Batch], catalog: inout IndexCatalog) throws(ArchiveIndexError) -> IndexCatalog.Segment {
        let name = IndexCatalog.segmentName(catalog.nextSegment)
        catalog.nextSegment += 1
        return try IndexSegment.write(batches, named: name, in: folder)
    }

    /// The last `mergeFactor` segments when they are of one size class and small enough together.
    func mergeableRun(_ segments: [IndexCatalog.Segment]) -> Range<Int>? {
        let factor = ArchiveSearchIndex.mergeFactor
        guard segments.count >= factor else { return nil }
        let run = (segments.count - factor)..<segments.count
        let tiers = Set(segments[run].map { ArchiveSearchIndex.tier($0.liveMeetings) })
        let items = segments[run].reduce(0) { $0 + $1.items - $1.retiredCount }
        return tiers.count == 1 && items <= ArchiveSearchIndex.maxMergedItems ? run : nil
    }

    static func tier(_ meetings: Int) -> Int {
        var tier = 0, size = max(meetings, 1)
        while size >= mergeFactor { size /= mergeFactor; tier += 1 }
        return tier
    }

    /// A segment's meetings still searched, with their records.
    func liveBatches(of segment: IndexCatalog.Segment) throws(ArchiveIndexError) -> [IndexSegment.Batch] {
        let records = try IndexSegment.allRecords(of: segment, in: folder)
        return try IndexSegment.meetings(of: segment, in: folder).enumerated().compactMap { ordinal, entry in
            guard !segment.isRetired(meeting: ordinal), entry.first + entry.count <= records.count else { return nil }
            return IndexSegment.Batch(id: entry.id, fingerprint: entry.fingerprint, records: Array(records[entry.items]))
        }
    }

    /// Where each meeting's current items are: meeting path → segment and entry.
    func liveMeetings(in catalog: IndexCatalog) throws(ArchiveIndexError) -> [String: LivePlace] {
        var live: [String: LivePlace] = [:]
        for segment in catalog.segments {
            for (ordinal, entry) in try IndexSegment.meetings(of: segment, in: folder).enumerated()
            where !segment.isRetired(meeting: ordinal) {
                live[entry.id] = LivePlace(segment: segment.name, ordinal: ordinal, entry: entry)
            }
        }
        return live
    }

    struct LivePlace {
        var segment: String
        var ordinal: Int
        var entry: IndexSegment.MeetingEntry
        var fingerprint: String { entry.fingerprint }
    }
}
