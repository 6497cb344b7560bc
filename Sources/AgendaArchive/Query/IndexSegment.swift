import AgendaBase
import AgendaSearch
import Foundation

/// One segment of the archive's search index, a folder of four files written
/// once and never changed: the AGSI manifest (`AgendaSearch`, texts left out),
/// its term shards packed in one file (`shards.bin`, each read only when a query
/// needs it), the item records a hit is shown from (`records.bin`, read per hit),
/// and the meetings it holds with their fingerprints (`meetings.json`). Four
/// files, so adding a meeting syncs four files to disk, not one per shard.
///
///     records.bin = "AGRC" count(UInt64 LE) offsets((count + 1) × UInt64 LE) records(JSON, one after another)
///     shards.bin  = "AGSP" count(UInt64 LE) table(count × key length(UInt64 LE) key(UTF-8) offset(UInt64 LE) size(UInt64 LE)) shards(AGSI)
enum IndexSegment {
    static let manifestFile = "manifest.agsi", shardsFile = "shards.bin", recordsFile = "records.bin", meetingsFile = "meetings.json"
    static let recordsMagic = Array("AGRC".utf8), shardsMagic = Array("AGSP".utf8)

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
            fingerprint = SHA256.hexDigest(bytes)
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
        var packed = shardsMagic
        appendUInt64(UInt64(shards.count), to: &packed)
        var shardOffset: UInt64 = 0
        for shard in shards {
            let key = Array(shard.key.utf8)
            appendUInt64(UInt64(key.count), to: &packed)
            packed += key
            appendUInt64(shardOffset, to: &packed)
            appendUInt64(UInt64(shard.bytes.count), to: &packed)
            shardOffset += UInt64(shard.bytes.count)
        }
        for shard in shards { packed += shard.bytes }
        try ArchiveIndexError.write(packed, to: segmentFolder.appendingPathComponent(shardsFile))
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
            let wanted = index.shardKeys(for: queryText)
            if !wanted.isEmpty {
                let file = try SegmentFile(segmentFolder.appendingPathComponent(shardsFile))
                let table = try shardTable(file)
                for key in wanted {
                    guard let place = table[key] else { continue }  // no term with that prefix
                    try index.load(shard: file.read(place.offset, place.size), for: queryText)
                }
            }
        } catch let error as ArchiveIndexError {
            throw error
        } catch {
            throw ArchiveIndexError("\(segmentFolder.path): \(error)")
        }
        return index
    }

    /// Where each shard lies in `shards.bin`: key → offset (after the table) and size.
    static func shardTable(_ file: SegmentFile) throws(ArchiveIndexError) -> [String: (offset: UInt64, size: Int)] {
        let header = try file.read(0, 12)
        guard Array(header.prefix(4)) == shardsMagic else { throw ArchiveIndexError("\(file.url.path) is not a shard pack") }
        let count = uint64(header, at: 4)
        guard count < 1 << 24 else { throw ArchiveIndexError("\(file.url.path) claims \(count) shards") }
        // the table in one read: at most 24 + 64 bytes an entry, and no further than the file goes
        let tableBytes = try file.read(12, Int(min(count * 88, file.size > 12 ? file.size - 12 : 0)))
        var position: UInt64 = 12
        var entries: [(key: String, offset: UInt64, size: UInt64)] = []
        for _ in 0..<count {
            let at = Int(position - 12)
            let length = uint64(tableBytes, at: at)
            guard length <= 64, at + 24 + Int(length) <= tableBytes.count else {
                throw ArchiveIndexError("\(file.url.path): a shard key of \(length) bytes, or a table beyond the file")
            }
            let key = String(decoding: tableBytes[(at + 8)..<(at + 8 + Int(length))], as: UTF8.self)
            entries.append((key, uint64(tableBytes, at: at + 8 + Int(length)), uint64(tableBytes, at: at + 16 + Int(length))))
            position += 24 + length
        }
        var table: [String: (offset: UInt64, size: Int)] = [:]
        for entry in entries {
            guard entry.size < 1 << 30, entry.offset < UInt64.max - position - entry.size else {
                throw ArchiveIndexError("\(file.url.path): shard '\(entry.key)' lies outside the file")
            }
            table[entry.key] = (position + entry.offset, Int(entry.size))
        }
        return table
    }

    /// The records of some items, reading only their bytes.
    static func records(_ numbers: [Int], of segment: IndexCatalog.Segment, in folder: URL) throws(ArchiveIndexError) -> [Int: ItemRecord] {
        let file = try SegmentFile(folder.appendingPathComponent(segment.name).appendingPathComponent(recordsFile))
        let url = file.url
        func read(_ offset: UInt64, _ count: Int) throws(ArchiveIndexError) -> [UInt8] { try file.read(offset, count) }
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

/// A segment file read piece by piece (a shard, a record), closed when released.
final class SegmentFile {
    let url: URL
    let handle: FileHandle

    init(_ url: URL) throws(ArchiveIndexError) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw ArchiveIndexError("cannot read \(url.path); run `agendac archive index --rebuild`") }
        self.url = url
        self.handle = handle
    }

    /// The file's size in bytes (0 when it cannot be told).
    var size: UInt64 { (try? handle.seekToEnd()) ?? 0 }

    deinit { try? handle.close() }

    /// `count` bytes from `offset`, read straight into the array (no `Data` between).
    func read(_ offset: UInt64, _ count: Int) throws(ArchiveIndexError) -> [UInt8] {
        guard count >= 0, offset < UInt64(Int64.max) - UInt64(count) else { throw ArchiveIndexError("\(url.path): a length or offset out of range") }
        let descriptor = handle.fileDescriptor
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count, let base = buffer.baseAddress {
                let read = pread(descriptor, base + initialized, count - initialized, off_t(offset) + off_t(initialized))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { complete = false; return }
                initialized += read
            }
        }
        guard complete, bytes.count == count else { throw ArchiveIndexError("\(url.path) ends early or cannot be read") }
        return bytes
    }
}
