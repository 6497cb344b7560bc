@testable import AgendaArchive
import AgendaBase
import Foundation
import Testing

/// The archive's index format (version 2: columns and a term table, `IndexSegment`):
/// an index an older agendac wrote is rebuilt by the next sync, never misread;
/// a damaged term table is an answer or an error, never a crash or a hang.
@Suite struct ArchiveIndexFormatTests {
    /// Makes the index in `folder` look as format 1 left it: the catalog's version, a segment's shard pack.
    static func makeFormatOne(_ folder: URL) throws {
        let catalogURL = folder.appendingPathComponent(IndexCatalog.fileName)
        let text = try String(contentsOf: catalogURL, encoding: .utf8)
        try text.replacingOccurrences(of: "\"version\":2", with: "\"version\":1").write(to: catalogURL, atomically: true, encoding: .utf8)
        for segment in ArchiveIndexUpdateTests.segmentFolders(folder) {
            let segmentFolder = folder.appendingPathComponent(segment)
            try FileManager.default.moveItem(at: segmentFolder.appendingPathComponent(IndexSegment.termsFile),
                                             to: segmentFolder.appendingPathComponent("shards.bin"))
        }
    }

    @Test func anIndexOfAnOlderFormatIsRebuiltNotRead() throws {
        let meetings = ArchiveIndexUpdateTests.meetings(12)
        let index = ArchiveSearchIndex(folder: temporaryTestFolder("index-format-one"))
        try index.sync(with: ArchiveSnapshot(meetings: meetings), archiveStamp: "stamp")
        let expected = try ArchiveIndexUpdateTests.found(index, "børnehaver")
        #expect(!expected.isEmpty)
        let oldSegments = ArchiveIndexUpdateTests.segmentFolders(index.folder)
        try Self.makeFormatOne(index.folder)

        #expect(!index.isCurrent(archiveStamp: "stamp"), "an old index is never current")
        #expect(throws: ArchiveIndexError.self) { try index.search(ArchiveSearchQuery("børnehaver")) }
        do { _ = try index.search(ArchiveSearchQuery("børnehaver")) } catch {
            #expect(error.description.contains("rebuilds it"), "\(error.description)")
        }
        let summary = try index.sync(with: ArchiveSnapshot(meetings: meetings), archiveStamp: "stamp")
        #expect(summary.meetingsIndexed == 12 && summary.segmentCount == 1, "every meeting indexed again")
        let segments = ArchiveIndexUpdateTests.segmentFolders(index.folder)
        #expect(segments.isDisjoint(with: oldSegments), "the old segments are gone, the new ones named after them")
        #expect(try IndexCatalog.read(from: index.folder)?.segments.map(\.name) == segments.sorted())
        #expect(try ArchiveIndexUpdateTests.found(index, "børnehaver") == expected)
        #expect(index.isCurrent(archiveStamp: "stamp"))
    }

    @Test func archiveSearchRebuildsAnOlderIndexByItself() throws {
        let archive = ArchiveExportCommandTests.samplesArchive()
        let first = ArchiveStoreTests.archive(["search", "udviklingsspor"], archive)
        #expect(first.code == 0 && first.output.contains("udviklingsspor"), "\(first.errors)")
        let folder = archive.appendingPathComponent("index")
        try Self.makeFormatOne(folder)
        let again = ArchiveStoreTests.archive(["search", "udviklingsspor"], archive)
        #expect(again.code == 0, "\(again.errors)")
        #expect(again.output == first.output)
        #expect(try IndexCatalog.read(from: folder) != nil, "the catalog is of this version again")
    }

    @Test func aTermTableWithNoEmptyBucketEnds() throws {
        let index = ArchiveSearchIndex(folder: temporaryTestFolder("index-full-table"))
        try index.sync(with: ArchiveSnapshot(meetings: ArchiveIndexUpdateTests.meetings(2)))
        let segment = try #require(ArchiveIndexUpdateTests.segmentFolders(index.folder).first)
        let url = index.folder.appendingPathComponent(segment).appendingPathComponent(IndexSegment.termsFile)
        var bytes = Golden.bytes(url)
        let buckets = Int(IndexSegment.uint64(bytes, at: 4))
        for bucket in 0..<buckets {
            // every bucket taken, by a hash no query's term has
            let entry = 12 + bucket * IndexSegment.termEntrySize
            IndexSegment.store(UInt64(bucket), in: &bytes, at: entry)
            IndexSegment.store(1, in: &bytes, at: entry + 16)
        }
        try Data(bytes).write(to: url)
        #expect(try index.search(ArchiveSearchQuery("børnehaver")).isEmpty)
        // a bucket whose postings lie beyond the file is an error
        IndexSegment.store(IndexSegment.termHash("børnehav"), in: &bytes, at: 12 + Int(IndexSegment.termHash("børnehav") & UInt64(buckets - 1)) * IndexSegment.termEntrySize)
        IndexSegment.store(UInt64(bytes.count), in: &bytes, at: 12 + Int(IndexSegment.termHash("børnehav") & UInt64(buckets - 1)) * IndexSegment.termEntrySize + 8)
        try Data(bytes).write(to: url)
        #expect(throws: ArchiveIndexError.self) { try index.search(ArchiveSearchQuery("børnehaver")) }
    }
}
