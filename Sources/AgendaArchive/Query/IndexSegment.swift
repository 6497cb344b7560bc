import AgendaBase
import AgendaSearch
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// One segment of the archive's search index, a folder of four files written
/// once and never changed: the AGSI manifest as columns (`SearchIndex+Columns`:
/// a search reads its header and per-document lengths and dates in a few reads,
/// decoding nothing per document, and an attribute's documents only when it
/// filters on it), each term's postings found through a hash table
/// (`terms.bin`: a query reads its own terms' table entries and postings,
/// nothing else), the item records a hit is shown from (`records.bin`, read
/// per hit), and the meetings it holds with their fingerprints
/// (`meetings.json`). Four files, so adding a meeting syncs four files to disk.
///
///     records.bin = "AGRC" count(UInt64 LE) offsets((count + 1) × UInt64 LE) records(JSON, one after another)
///     terms.bin   = "AGTT" buckets(UInt64 LE, a power of two) table(buckets × hash(UInt64 LE) offset(UInt64 LE) size(UInt64 LE))
///                   postings(AGSI, one term each, `SearchIndex.encodedPostings(of:)`)
///
/// A bucket of size 0 is empty; a term is looked for from bucket `hash & (buckets − 1)`
/// onwards (FNV-1a over its UTF-8), to the first empty bucket, checking the term
/// its postings name.
enum IndexSegment {
    static let manifestFile = "manifest.agsi", termsFile = "terms.bin", recordsFile = "records.bin", meetingsFile = "meetings.json"
    static let recordsMagic = Array("AGRC".utf8), termsMagic = Array("AGTT".utf8)
    static let termEntrySize = 24

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
        try ArchiveIndexError.write(index.encodedColumns(), to: segmentFolder.appendingPathComponent(manifestFile))
        try ArchiveIndexError.write(termTable(index), to: segmentFolder.appendingPathComponent(termsFile))
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

    /// `terms.bin` for an index: the table, then each term's postings.
    static func termTable(_ index: SearchIndex) -> [UInt8] {
        let terms = index.terms
        var buckets = 8
        while buckets < 2 * terms.count { buckets *= 2 }
        let tableEnd = 12 + buckets * termEntrySize
        var table = [UInt8](repeating: 0, count: tableEnd)
        table.replaceSubrange(0..<4, with: termsMagic)
        store(UInt64(buckets), in: &table, at: 4)
        var postings: [UInt8] = []
        for term in terms {
            let bytes = index.encodedPostings(of: term)
            let hash = termHash(term)
            var bucket = Int(hash & UInt64(buckets - 1))
            while uint64(table, at: 12 + bucket * termEntrySize + 16) != 0 { bucket = (bucket + 1) & (buckets - 1) }
            let entry = 12 + bucket * termEntrySize
            store(hash, in: &table, at: entry)
            store(UInt64(tableEnd + postings.count), in: &table, at: entry + 8)
            store(UInt64(bytes.count), in: &table, at: entry + 16)
            postings += bytes
        }
        return table + postings
    }

    /// FNV-1a, 64 bits, over the term's UTF-8: the same in every process (Swift's `Hasher` is not).
    static func termHash(_ term: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// The segment's index: its manifest's columns, the documents of the values
    /// the query filters on, and the postings of the query's terms.
    static func index(of segment: IndexCatalog.Segment, in folder: URL, for query: SearchQuery) throws(ArchiveIndexError) -> SearchIndex {
        let segmentFolder = folder.appendingPathComponent(segment.name)
        let manifest = try SegmentFile(segmentFolder.appendingPathComponent(manifestFile))
        let read: SearchIndex.ColumnReader = { (offset: Int, count: Int) throws(SearchIndexError) -> [UInt8] in
            do throws(ArchiveIndexError) { return try manifest.read(UInt64(max(0, offset)), count) } catch {
                throw SearchIndexError(offset: offset, reason: error.description)
            }
        }
        var index: SearchIndex
        do {
            index = try SearchIndex.open(columns: read)
            guard index.documentCount == segment.items else {
                throw ArchiveIndexError("\(manifest.url.path) holds \(index.documentCount) items; the catalog says \(segment.items)")
            }
            try index.loadFilters(of: query, from: read)
        } catch let error as ArchiveIndexError {
            throw error
        } catch {
            throw ArchiveIndexError("\(manifest.url.path): \(error)")
        }
        let terms = SearchIndex.terms(of: query.text)
        if !terms.isEmpty {
            let file = try SegmentFile(segmentFolder.appendingPathComponent(termsFile))
            let buckets = try termBuckets(file)
            for term in terms { try loadPostings(of: term, into: &index, from: file, buckets: buckets) }
        }
        return index
    }

    /// The number of buckets `terms.bin` says its table has.
    static func termBuckets(_ file: SegmentFile) throws(ArchiveIndexError) -> UInt64 {
        let header = try file.read(0, 12)
        let buckets = uint64(header, at: 4)
        guard Array(header.prefix(4)) == termsMagic, buckets > 0, buckets < 1 << 32, buckets & (buckets - 1) == 0 else {
            throw ArchiveIndexError("\(file.url.path) is not a term table")
        }
        return buckets
    }

    /// Finds a term in the table and adds its postings; a term the segment lacks adds nothing.
    static func loadPostings(of term: String, into index: inout SearchIndex, from file: SegmentFile, buckets: UInt64) throws(ArchiveIndexError) {
        let hash = termHash(term)
        let tableEnd = 12 + buckets * UInt64(termEntrySize)
        var bucket = hash & (buckets - 1)
        for _ in 0..<buckets {
            let entry = try file.read(12 + bucket * UInt64(termEntrySize), termEntrySize)
            let offset = uint64(entry, at: 8), size = uint64(entry, at: 16)
            if size == 0 { return }  // an empty bucket: the term is not here
            if uint64(entry, at: 0) == hash {
                guard offset >= tableEnd, size < 1 << 30 else { throw ArchiveIndexError("\(file.url.path): the postings of bucket \(bucket) lie outside the file") }
                do {
                    if try index.load(postings: file.read(offset, Int(size)), of: term) { return }
                } catch let error as ArchiveIndexError {
                    throw error
                } catch {
                    throw ArchiveIndexError("\(file.url.path): \(error)")
                }
            }
            bucket = (bucket + 1) & (buckets - 1)
        }
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

    static func store(_ value: UInt64, in bytes: inout [UInt8], at offset: Int) {
        for index in 0..<8 where offset + index < bytes.count { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * index)) }
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
    let file: ReadOnlyFile
    /// The file's size in bytes when opened (0 when it cannot be told): a segment's files are written once.
    let size: UInt64

    init(_ url: URL) throws(ArchiveIndexError) {
        guard let file = ReadOnlyFile(path: url.path) else {
            throw ArchiveIndexError("cannot read \(url.path); remove the archive's index/ folder and search again to rebuild it")
        }
        self.url = url
        self.file = file
        size = file.size ?? 0
    }

    /// `count` bytes from `offset`, read straight into the array (no `Data` between).
    func read(_ offset: UInt64, _ count: Int) throws(ArchiveIndexError) -> [UInt8] {
        guard count >= 0, offset < UInt64(Int64.max) - UInt64(count) else { throw ArchiveIndexError("\(url.path): a length or offset out of range") }
        // a damaged length asks for more than the file holds: refused before any memory is taken for it
        guard offset + UInt64(count) <= size else { throw ArchiveIndexError("\(url.path) ends early (\(count) bytes at \(offset) asked of \(size))") }
        guard let bytes = file.read(at: offset, count: count), bytes.count == count else { throw ArchiveIndexError("\(url.path) ends early or cannot be read") }
        return bytes
    }
}
