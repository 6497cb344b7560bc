import AgendaBase
import AgendaSearch
import Foundation

/// One segment of the archive's search index, a folder written once and never
/// changed: an AGSI manifest and term shards (`AgendaSearch`, texts left out),
/// the item records a hit is shown from (`records.bin`, read per hit), and the
/// meetings it holds with their fingerprints (`meetings.json`).
///
///     records.bin = "AGRC" count(UInt64 LE) offsets((count + 1) × UInt64 LE) records(JSON, one after another)
enum IndexSegment {
    static let manifestFile = "manifest.agsi", recordsFile = "records.bin", meetingsFile = "meetings.json"
    static let recordsMagic = Array("AGRC".utf8)

    /// A meeting's items in a segment: numbers `first ..< first + count`.
    struct MeetingEntry: Equatable, Sendable {
        var id: String
        var fingerprint: String
        var first: Int
        var count: Int
        var items: Range<Int> { first..<(first + count) }
    }

    /// The meeting's items as the index keeps them, and a fingerprint of exactly that.
    struct Batch: Sendable {
        var id: String
        var fingerprint: String
        var records: [ItemRecord]

        init(id: String, records: [ItemRecord]) {
            self.id = id
            self.records = records
            var bytes: [UInt8] = []
            for record in records { bytes += record.json.serializedBytes() }
            fingerprint = SHA256.hexDigest(SHA256.hash(bytes))
        }

        init(id: String, fingerprint: String, records: [ItemRecord]) {
            self.id = id
            self.fingerprint = fingerprint
            self.records = records
        }

        init(_ meeting: ArchivedMeeting) { self.init(id: meeting.id.path, records: ItemRecord.records(of: meeting)) }
    }

    static func write(_ batches: [Batch], named name: String, in folder: URL) throws(ArchiveIndexError) -> IndexCatalog.Segment {
        let segmentFolder = folder.appendingPathComponent(name)
        do {
            if FileManager.default.fileExists(atPath: segmentFolder.path) {
                try FileManager.default.removeItem(at: segmentFolder)  // left by an update that did not finish
            }
            try FileManager.default.createDirectory(at: segmentFolder, withIntermediateDirectories: true)
        } catch {
            throw ArchiveIndexError("cannot make \(segmentFolder.path): \(error)")
        }
        var index = SearchIndex(fields: ItemRecord.fields)
        var entries: [JSON] = []
        var offsets: [UInt64] = [0]
        var data: [UInt8] = []
        var number = 0
        let cache = SearchText.TermCache()
        for batch in batches {
            var entry = JSONObjectBuilder()
            entry.set("id", batch.id)
            entry.set("fingerprint", batch.fingerprint)
            entry.set("first", number)
            entry.set("count", batch.records.count)
            entries.append(entry.json)
            for record in batch.records {
                index.add(record.document(id: number), cache: cache)
                data += record.json.serializedBytes()
                offsets.append(UInt64(data.count))
                number += 1
            }
        }
        let (manifest, shards) = index.droppingTexts().encodedShards()
        try ArchiveIndexError.write(manifest, to: segmentFolder.appendingPathComponent(manifestFile))
        for shard in shards {
            try ArchiveIndexError.write(shard.bytes, to: segmentFolder.appendingPathComponent(SearchIndex.shardFileName(shard.key)))
        }
        var records = recordsMagic
        appendUInt64(UInt64(number), to: &records)
        for offset in offsets { appendUInt64(offset, to: &records) }
        records += data
        try ArchiveIndexError.write(records, to: segmentFolder.appendingPathComponent(recordsFile))
        try ArchiveIndexError.write(JSON.array(entries).serializedBytes(), to: segmentFolder.appendingPathComponent(meetingsFile))
        return IndexCatalog.Segment(name: name, items: number, meetings: batches.count, retired: [])
    }

    static func meetings(of segment: IndexCatalog.Segment, in folder: URL) throws(ArchiveIndexError) -> [MeetingEntry] {
        let url = folder.appendingPathComponent(segment.name).appendingPathComponent(meetingsFile)
        guard let list = try ArchiveIndexError.parseJSON(ArchiveIndexError.readBytes(url), url).arrayValue else {
            throw ArchiveIndexError("\(url.path) is not a list of meetings")
        }
        var entries: [MeetingEntry] = []
        for entry in list {
            guard let id = entry["id"]?.stringValue, let fingerprint = entry["fingerprint"]?.stringValue,
                  let first = entry["first"]?.intValue, let count = entry["count"]?.intValue,
                  first >= 0, count >= 0, first <= segment.items - count else {
                throw ArchiveIndexError("\(url.path): a meeting entry lacks id, fingerprint or a valid item range")
            }
            entries.append(MeetingEntry(id: id, fingerprint: fingerprint, first: first, count: count))
        }
        return entries
    }

    /// The segment's index with its manifest and the shards a query's words need.
    static func index(of segment: IndexCatalog.Segment, in folder: URL, for queryText: String) throws(ArchiveIndexError) -> SearchIndex {
        let segmentFolder = folder.appendingPathComponent(segment.name)
        let manifestURL = segmentFolder.appendingPathComponent(manifestFile)
        var index: SearchIndex
        do {
            index = try SearchIndex.decode(manifest: ArchiveIndexError.readBytes(manifestURL))
            guard index.documentCount == segment.items else {
                throw ArchiveIndexError("\(manifestURL.path) holds \(index.documentCount) items; the catalog says \(segment.items)")
            }
            for key in index.shardKeys(for: queryText) {
                let url = segmentFolder.appendingPathComponent(SearchIndex.shardFileName(key))
                guard FileManager.default.fileExists(atPath: url.path) else { continue }  // no term with that prefix
                try index.load(shard: ArchiveIndexError.readBytes(url))
            }
        } catch let error as ArchiveIndexError {
            throw error
        } catch {
            throw ArchiveIndexError("\(segmentFolder.path): \(error)")
        }
        return index
    }

    /// The records of some items, reading only their bytes.
    static func records(_ numbers: [Int], of segment: IndexCatalog.Segment, in folder: URL) throws(ArchiveIndexError) -> [Int: ItemRecord] {
        let url = folder.appendingPathComponent(segment.name).appendingPathComponent(recordsFile)
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw ArchiveIndexError("cannot read \(url.path)") }
        defer { try? handle.close() }
        func read(_ offset: UInt64, _ count: Int) throws(ArchiveIndexError) -> [UInt8] {
            do {
                try handle.seek(toOffset: offset)
                let data = try handle.read(upToCount: count) ?? Data()
                guard data.count == count else { throw ArchiveIndexError("\(url.path) ends early") }
                return [UInt8](data)
            } catch let error as ArchiveIndexError {
                throw error
            } catch {
                throw ArchiveIndexError("\(url.path): \(error)")
            }
        }
        let header = try read(0, 12)
        guard Array(header.prefix(4)) == recordsMagic, uint64(header, at: 4) == UInt64(segment.items) else {
            throw ArchiveIndexError("\(url.path) is not the records of \(segment.items) items")
        }
        let dataStart = UInt64(12 + 8 * (segment.items + 1))
        var found: [Int: ItemRecord] = [:]
        for number in numbers where number >= 0 && number < segment.items {
            let bounds = try read(UInt64(12 + 8 * number), 16)
            let start = uint64(bounds, at: 0), end = uint64(bounds, at: 8)
            guard start <= end, end - start < 1 << 30 else { throw ArchiveIndexError("\(url.path): record \(number) has no valid bounds") }
            let bytes = try read(dataStart + start, Int(end - start))
            guard let record = ItemRecord(json: try ArchiveIndexError.parseJSON(bytes, url)) else {
                throw ArchiveIndexError("\(url.path): record \(number) is not an item record")
            }
            found[number] = record
        }
        return found
    }

    /// Every record of a segment, for merging segments.
    static func allRecords(of segment: IndexCatalog.Segment, in folder: URL) throws(ArchiveIndexError) -> [ItemRecord] {
        let all = try records(Array(0..<segment.items), of: segment, in: folder)
        return (0..<segment.items).compactMap { all[$0] }
    }

    static func appendUInt64(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    static func uint64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        guard offset >= 0, offset + 8 <= bytes.count else { return 0 }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        return value
    }
}
