@testable import AgendaArchive
import AgendaBase
import AgendaSearch
import AgendaSemantics
import Foundation
import Testing

/// The index on disk answers exactly as the same items in one index in memory:
/// the disk reads only the manifest, the query's shards and, from those, only
/// the query's terms (`SearchIndex.load(shard:for:)`), then the shown records;
/// the memory index holds everything. Same hits, same order, same scores, same
/// passages, over a generated archive of the fixture meetings on many dates.
@Suite struct ArchiveSearchDifferentialTests {
    static let queries: [ArchiveSearchQuery] = [
        ArchiveSearchQuery("børnehaver"), ArchiveSearchQuery("godkendt"), ArchiveSearchQuery("Sundparken udviklingsplan"),
        ArchiveSearchQuery("førtidspension udviklingsspor"), ArchiveSearchQuery("Aabenraa"), ArchiveSearchQuery("indstiller"),
        ArchiveSearchQuery("beskæftigelsesindsatsen", committee: "Beskæftigelses- og Integrationsudvalget"),
        ArchiveSearchQuery("godkendt", decidedOnly: true, from: CalendarDate(year: 2030, month: 3, day: 1), to: CalendarDate(year: 2030, month: 8, day: 31)),
        ArchiveSearchQuery("", caseNumber: "15.00.00-P20-2-26"), ArchiveSearchQuery("Sundparken", caseNumber: "15.00.00-P20-2-26"),
        ArchiveSearchQuery("28.00.00-P20-4-26"), ArchiveSearchQuery("grund køb", limit: 25), ArchiveSearchQuery("ingenting-her"),
    ]

    @Test func theIndexOnDiskRanksAsTheWholeIndexInMemory() throws {
        let meetings = ArchiveIndexUpdateTests.meetings(60)
        let disk = ArchiveSearchIndex(folder: temporaryTestFolder("index-differential"))
        try disk.sync(with: ArchiveSnapshot(meetings: meetings))
        var memory = SearchIndex(fields: ItemRecord.fields)
        var records: [ItemRecord] = []
        for meeting in meetings {
            for record in ItemRecord.records(of: meeting) {
                memory.add(record.document(id: records.count))
                records.append(record)
            }
        }
        var compared = 0
        for query in Self.queries {
            let found = try disk.search(query)
            // the archive shows equal scores in the order the items were indexed (as `ArchiveSearchIndex.search` sorts its candidates)
            let ranked = memory.search(query.searchQuery(limit: query.limit)).compactMap { hit in Int(hit.id).map { (number: $0, score: hit.score) } }
                .sorted { ($0.score, -$0.number) > ($1.score, -$1.number) }
            let expected = ranked.compactMap { hit -> (ItemRecord, Double, SearchSnippet?)? in
                guard records.indices.contains(hit.number) else { return nil }
                return (records[hit.number], hit.score, memory.snippet(for: query.text, in: records[hit.number].texts))
            }
            #expect(found.count == expected.count, "\(query.text)")
            for (result, (record, score, passage)) in zip(found, expected) {
                #expect(result.meeting == record.meeting && result.itemNumber == record.itemNumber, "\(query.text): \(result.meeting)#\(result.itemNumber) \(result.score) vs \(record.meeting)#\(record.itemNumber) \(score)")
                #expect(result.score == score, "\(query.text)")
                #expect(result.passage == passage, "\(query.text)")
            }
            compared += found.count
        }
        #expect(compared > 100, "the queries find enough to compare")
    }
}
