import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// The search index's table of contents (`catalog.json`): the segments in the
/// order written, each with its item count and the ranges of items retired
/// because their meeting was replaced or removed. Written last and atomically,
/// so a half-done update leaves the old catalog, and every file it names, in place.
struct IndexCatalog: Equatable, Sendable {
    static let fileName = "catalog.json"
    /// 2: manifests as columns and a term table (`IndexSegment`); an index of
    /// another version is rebuilt by the next update (`readForUpdate`), never read.
    static let formatVersion = 2

    struct Segment: Equatable, Sendable {
        var name: String
        var items: Int
        var meetings: Int
        /// Meetings no longer searched (replaced or removed), by their place in `meetings.json`.
        var retired: [Retired]

        var retiredCount: Int { retired.reduce(0) { $0 + $1.items.count } }
        var liveMeetings: Int { meetings - retired.count }
        var isAllRetired: Bool { retired.count >= meetings }

        func isRetired(item: Int) -> Bool { retired.contains { $0.items.contains(item) } }
        func isRetired(meeting ordinal: Int) -> Bool { retired.contains { $0.ordinal == ordinal } }
    }

    struct Retired: Equatable, Sendable {
        var ordinal: Int
        var items: Range<Int>
    }

    var segments: [Segment] = []
    /// The number the next segment's name takes.
    var nextSegment = 1
    /// The `ArchiveStamp` of the archive this index was last brought fully up
    /// to date with (taken before its snapshot was read); nil after any other update.
    var archiveStamp: String?
    /// How far into the archive's ledger that sync (or a later `follow`) read; nil with `archiveStamp`.
    var ledger: LedgerMark?

    var json: JSON {
        var object = JSONObjectBuilder()
        object.set("version", IndexCatalog.formatVersion)
        object.set("next", nextSegment)
        object.set("archive", archiveStamp)
        if let ledger { object.set("ledger", .array([.int(ledger.offset), .string(ledger.hash)])) }
        object.set("segments", .array(segments.map { segment in
            var entry = JSONObjectBuilder()
            entry.set("name", segment.name)
            entry.set("items", segment.items)
            entry.set("meetings", segment.meetings)
            entry.set("retired", .array(segment.retired.map { .array([.int($0.ordinal), .int($0.items.lowerBound), .int($0.items.count)]) }))
            return entry.json
        }))
        return object.json
    }

    init() {}

    init(json: JSON) throws(ArchiveIndexError) {
        guard json["version"]?.intValue == IndexCatalog.formatVersion else {
            throw ArchiveIndexError("\(IndexCatalog.fileName) is not version \(IndexCatalog.formatVersion) of the index (an older agendac wrote it); `agendac archive search` rebuilds it", isOtherVersion: true)
        }
        guard let next = json["next"]?.intValue, next >= 1, let entries = json["segments"]?.arrayValue else {
            throw ArchiveIndexError("\(IndexCatalog.fileName) lacks `next` or `segments`")
        }
        nextSegment = next
        archiveStamp = json["archive"]?.stringValue
        if let mark = json["ledger"]?.arrayValue, mark.count == 2, let offset = mark[0].intValue, offset >= 0, let hash = mark[1].stringValue {
            ledger = LedgerMark(offset: offset, hash: hash)
        }
        for entry in entries {
            guard let name = entry["name"]?.stringValue, IndexCatalog.isSegmentName(name),
                  let items = entry["items"]?.intValue, items >= 0,
                  let meetings = entry["meetings"]?.intValue, meetings >= 0,
                  let retiredEntries = entry["retired"]?.arrayValue else {
                throw ArchiveIndexError("\(IndexCatalog.fileName) has a segment without a valid name, items, meetings or retired list")
            }
            var retired: [Retired] = []
            for range in retiredEntries {
                guard let ordinal = range[0]?.intValue, ordinal >= 0, ordinal < meetings,
                      let first = range[1]?.intValue, let count = range[2]?.intValue,
                      first >= 0, count >= 0, first <= items - count else {
                    throw ArchiveIndexError("segment \(name): a retired meeting lies outside its \(meetings) meetings and \(items) items")
                }
                retired.append(Retired(ordinal: ordinal, items: first..<(first + count)))
            }
            segments.append(Segment(name: name, items: items, meetings: meetings, retired: retired))
        }
    }

    /// `s` and six or more digits: nothing that could leave the index folder.
    static func isSegmentName(_ name: String) -> Bool {
        name.count >= 7 && name.hasPrefix("s") && name.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func segmentName(_ number: Int) -> String {
        let digits = String(number)
        return "s" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The catalog an update starts from: none yet, or one of another format
    /// version, is an empty one (numbering new segments after the old ones, which
    /// the update removes once its catalog is written), so an index written by an
    /// older agendac is rebuilt, never misread. A damaged catalog is an error.
    static func readForUpdate(from folder: URL) throws(ArchiveIndexError) -> (catalog: IndexCatalog, outdated: [String]) {
        do {
            return (try read(from: folder) ?? IndexCatalog(), [])
        } catch where error.isOtherVersion {
            var fresh = IndexCatalog()
            let url = folder.appendingPathComponent(fileName)
            if let json = try? ArchiveIndexError.parseJSON(ArchiveIndexError.readBytes(url), url), let next = json["next"]?.intValue, next >= 1 {
                fresh.nextSegment = next
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let outdated = names.filter(isSegmentName).sorted()
            for name in outdated {
                if let number = Int(name.dropFirst()), number >= fresh.nextSegment { fresh.nextSegment = number + 1 }
            }
            return (fresh, outdated)
        }
    }

    static func read(from folder: URL) throws(ArchiveIndexError) -> IndexCatalog? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let bytes = try ArchiveIndexError.readBytes(url)
        return try IndexCatalog(json: ArchiveIndexError.parseJSON(bytes, url))
    }
}

/// Why the archive's search index could not be read or written.
public struct ArchiveIndexError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    /// The index was written in another format version (it is rebuilt, not read).
    var isOtherVersion = false
    init(_ description: String, isOtherVersion: Bool = false) {
        self.description = description
        self.isOtherVersion = isOtherVersion
    }

    static func readBytes(_ url: URL) throws(ArchiveIndexError) -> [UInt8] {
        let file = try SegmentFile(url)
        let size = file.size
        guard size < 1 << 32 else { throw ArchiveIndexError("\(url.path) is too large for an index file") }
        return try file.read(0, Int(size))
    }

    static func parseJSON(_ bytes: [UInt8], _ url: URL) throws(ArchiveIndexError) -> JSON {
        do {
            return try JSON.parse(bytes)
        } catch {
            throw ArchiveIndexError("\(url.path): \(error)")
        }
    }

    static func write(_ bytes: [UInt8], to url: URL) throws(ArchiveIndexError) {
        do {
            try AtomicFile.write(bytes, to: url)
        } catch {
            throw ArchiveIndexError("cannot write \(url.path): \(error)")
        }
    }
}
