import AgendaSearch
import Foundation
import Testing

/// The index as columns and per-term postings (`SearchIndex+Columns.swift`), as
/// the archive keeps it on disk: read back, it answers as the index it was
/// written from; damaged or cut short, it is refused with a place, never a crash.
struct SearchIndexColumnsTests {
    /// The fixture's index as the archive reads it: columns, every attribute, and the postings of `terms`.
    static func reopened(_ index: SearchIndex, terms: [String]) throws -> SearchIndex {
        var read = try SearchIndex.decode(columns: index.encodedColumns())
        for term in terms where index.terms.contains(term) {
            #expect(try read.load(postings: index.encodedPostings(of: term), of: term), "\(term)")
        }
        return read
    }

    @Test func columnsAndPostingsAnswerAsTheWholeIndex() throws {
        let (index, queries) = SearchIndexTests.fixture()
        let columns = index.encodedColumns()
        #expect(columns == SearchIndexTests.fixture().index.encodedColumns(), "the same documents give the same bytes")
        #expect(try SearchIndex.decode(columns: columns).encodedColumns() == columns, "read back and written again, the same bytes")
        let lean = index.droppingTexts()  // the columns keep no texts: hits carry no snippet
        for (label, query) in queries {
            let read = try Self.reopened(index, terms: SearchIndex.terms(of: query.text))
            #expect(read.search(query) == lean.search(query), "\(label)")
            #expect(read.termCount <= SearchIndex.terms(of: query.text).count, "only the query's terms are read")
        }
    }

    @Test func numberedIDsAreKeptAsACount() throws {
        var numbered = SearchIndex(fields: [SearchField(name: "title", weight: 1)])
        var named = numbered
        for number in 0..<300 {
            numbered.add(SearchDocument(id: String(number), texts: ["børnehave nummer \(number)"], date: 20260000 + number))
            named.add(SearchDocument(id: "møde/\(number)", texts: ["børnehave nummer \(number)"], date: number % 3 == 0 ? nil : number))
        }
        #expect(numbered.encodedColumns().count + 300 * 4 < named.encodedColumns().count, "no id bytes or offsets for numbered ids")
        for index in [numbered, named] {
            let read = try Self.reopened(index, terms: ["børnehav", "nummer"])
            let query = SearchQuery("børnehaver", dates: 10...20260100, limit: 400)
            #expect(read.search(query) == index.droppingTexts().search(query))
            #expect(read.search(query).count > 50)
        }
    }

    @Test func onlyTheFilteredAttributeIsRead() throws {
        let (index, queries) = SearchIndexTests.fixture()
        let columns = index.encodedColumns()
        var reads: [Range<Int>] = []
        let read: SearchIndex.ColumnReader = { (offset: Int, count: Int) throws(SearchIndexError) -> [UInt8] in
            reads.append(offset..<(offset + count))
            return Array(columns[offset..<(offset + count)])
        }
        guard let (_, query) = queries.first(where: { !$0.query.filters.isEmpty }) else {
            Issue.record("the fixture has a filtered query")
            return
        }
        var opened = try SearchIndex.open(columns: read)
        let opening = reads.reduce(0) { $0 + $1.count }
        reads = []
        try opened.loadFilters(of: query, from: read)
        #expect(reads.count == query.filters.count, "one read per filter")
        for term in SearchIndex.terms(of: query.text) where index.terms.contains(term) {
            _ = try opened.load(postings: index.encodedPostings(of: term), of: term)
        }
        #expect(opened.search(query) == index.droppingTexts().search(query))
        #expect(opening + reads.reduce(0) { $0 + $1.count } < columns.count, "the other attribute values stay unread")
    }

    @Test func postingsOfAnotherTermAreNotTaken() throws {
        let (index, _) = SearchIndexTests.fixture()
        let terms = index.terms
        var read = try SearchIndex.decode(columns: index.encodedColumns())
        #expect(try read.load(postings: index.encodedPostings(of: terms[0]), of: terms[1]) == false)
        #expect(read.termCount == 0)
    }

    @Test func damagedColumnsAreRefusedNotCrashes() throws {
        let (index, _) = SearchIndexTests.fixture()
        let columns = index.encodedColumns()
        #expect(throws: SearchIndexError.self) { try SearchIndex.decode(columns: []) }
        #expect(throws: SearchIndexError.self) { try SearchIndex.decode(columns: index.encoded()) }
        var otherVersion = columns
        otherVersion[4] = 1
        #expect(throws: SearchIndexError.self) { try SearchIndex.decode(columns: otherVersion) }
        for cut in 0..<columns.count {
            #expect(throws: SearchIndexError.self) { try SearchIndex.decode(columns: Array(columns.prefix(cut))) }
        }
        var random = SeededRandom(seed: 31)
        for _ in 0..<2_000 {
            var changed = columns
            changed[random.below(changed.count)] = UInt8(truncatingIfNeeded: random.next())
            if let read = try? SearchIndex.decode(columns: changed) {
                _ = read.search(SearchQuery("børnehave", filters: ["committee": "Byrådet"], dates: 20200101...20301231))
            }
        }
        let postings = index.encodedPostings(of: "børnehav")
        for position in postings.indices {
            var changed = postings
            changed[position] ^= 0x5A
            var read = try SearchIndex.decode(columns: columns)
            if (try? read.load(postings: changed, of: "børnehav")) == true { _ = read.search(SearchQuery("børnehave")) }
        }
    }
}
