import AgendaBase
import AgendaSearch
import Foundation
import Testing

/// The search index over a small corpus (`Tests/Fixtures/search/corpus.json`):
/// ranked hits with their snippets in `queries.expected`, and the byte form.
struct SearchIndexTests {
    static func fixture() -> (index: SearchIndex, queries: [(label: String, query: SearchQuery)]) {
        let bytes = Golden.bytes(Golden.fixtures.appendingPathComponent("search/corpus.json"))
        guard let corpus = try? JSON.parse(bytes) else {
            Issue.record("corpus.json does not parse")
            return (SearchIndex(fields: []), [])
        }
        let fields = (corpus["fields"]?.arrayValue ?? []).map {
            SearchField(name: $0["name"]?.stringValue ?? "", weight: $0["weight"]?.doubleValue ?? 1)
        }
        var index = SearchIndex(fields: fields)
        for document in corpus["documents"]?.arrayValue ?? [] {
            var attributes: [String: [String]] = [:]
            for name in ["committee", "case", "decided"] {
                if let value = document[name]?.stringValue { attributes[name] = [value] }
            }
            index.add(SearchDocument(id: document["id"]?.stringValue ?? "",
                                     texts: fields.map { document[$0.name]?.stringValue ?? "" },
                                     attributes: attributes, date: document["date"]?.intValue))
        }
        var queries: [(String, SearchQuery)] = []
        for query in corpus["queries"]?.arrayValue ?? [] {
            let filters = Dictionary((query["filters"]?.objectValue ?? []).map { ($0.0, $0.1.stringValue ?? "") }, uniquingKeysWith: { a, _ in a })
            var dates: ClosedRange<Int>? = nil
            if let from = query["from"]?.intValue, let to = query["to"]?.intValue, from <= to { dates = from...to }
            var label = "query: \(query["query"]?.stringValue ?? "")"
            for (name, value) in filters.sorted(by: { $0.key < $1.key }) { label += " --\(name) \(value)" }
            if let dates { label += " --from \(dates.lowerBound) --to \(dates.upperBound)" }
            queries.append((label, SearchQuery(query["query"]?.stringValue ?? "", filters: filters, dates: dates)))
        }
        return (index, queries)
    }

    static func describe(_ hits: [SearchHit]) -> String {
        if hits.isEmpty { return "  (no hits)\n" }
        var text = ""
        for hit in hits {
            text += "  \(hit.id)  \(String(format: "%.4f", hit.score))\n"
            if let snippet = hit.snippet {
                text += "    \(snippet.field) \(snippet.matchByteRange.lowerBound)..<\(snippet.matchByteRange.upperBound): \(snippet.marked())\n"
            }
        }
        return text
    }

    @Test func answersTheFixtureQueries() {
        let (index, queries) = Self.fixture()
        #expect(queries.count >= 20)
        var report = ""
        for (label, query) in queries {
            report += label + "\n" + Self.describe(index.search(query))
        }
        Golden.check(report, against: Golden.fixtures.appendingPathComponent("search/queries.expected"))
    }

    @Test func danishMatchingFindsTheForms() {
        let (index, _) = Self.fixture()
        func ids(_ text: String) -> Set<String> { Set(index.search(SearchQuery(text, limit: 100)).map(\.id)) }
        #expect(ids("børnehaver").contains("horsens/2026-05-04/1"), "børnehaver finds børnehave")
        #expect(ids("børnehaver").contains("herning/2026-01-13/5"), "ø written as o + U+0338 is found")
        #expect(ids("Aabenraa").contains("aabenraa/2025-10-20/4"), "Aabenraa finds Åbenrå")
        #expect(ids("Åbenrå").contains("herning/2026-01-13/5") == false)
        #expect(ids("åbenrå") == ids("AABENRAA"))
        #expect(ids("27.12.00-P20-1-26") == ["aabenraa/2025-10-20/4"], "a case number is one token")
        #expect(ids("skåret") == ["herning/2026-01-13/5"], "å written as a + U+030A")
    }

    @Test func snippetPlaceIsTheMatchInTheField() {
        let (index, _) = Self.fixture()
        let hit = index.search(SearchQuery("Aabenraa", filters: ["case": "27.12.00-p20-1-26"])).first
        let snippet = hit?.snippet
        #expect(snippet?.field == "title")
        let title = "Samarbejde med Åbenrå Kommune om busruter"
        if let range = snippet?.matchByteRange {
            #expect(String(decoding: Array(title.utf8)[range], as: UTF8.self) == "Åbenrå")
        }
    }

    @Test func bytesAreDeterministicAndReadBack() throws {
        let (index, queries) = Self.fixture()
        let bytes = index.encoded()
        #expect(bytes == Self.fixture().index.encoded(), "the same documents give the same bytes")
        #expect(Array(bytes.prefix(4)) == Array("AGSI".utf8))
        let read = try SearchIndex.decode(bytes)
        #expect(read.encoded() == bytes)
        for (_, query) in queries { #expect(read.search(query) == index.search(query)) }
        // seeds for the search-index fuzz target (scripts/fuzz)
        let seeds = Golden.packageRoot.appendingPathComponent(".build/search-index")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        try Data(bytes).write(to: seeds.appendingPathComponent("whole.idx"))
        let (manifest, shards) = index.encodedShards()
        try Data(manifest).write(to: seeds.appendingPathComponent("manifest.idx"))
        for shard in shards.prefix(5) { try Data(shard.bytes).write(to: seeds.appendingPathComponent("shard-" + SearchIndex.shardFileName(shard.key))) }
    }

    @Test func shardsHoldOnlyWhatAQueryNeeds() throws {
        let (index, queries) = Self.fixture()
        let (manifest, shards) = index.encodedShards()
        #expect(shards.count > 10)
        #expect(Set(shards.map { SearchIndex.shardFileName($0.key) }).count == shards.count)
        for (_, query) in queries {
            var partial = try SearchIndex.decode(manifest: manifest)
            let wanted = Set(partial.shardKeys(for: query.text))
            for shard in shards where wanted.contains(shard.key) { try partial.load(shard: shard.bytes) }
            #expect(partial.search(query) == index.search(query), "\(query.text)")
            #expect(partial.termCount < index.termCount || query.text.isEmpty == false)
            // only the query's own terms decoded from those shards: the same hits, scores and snippets
            var lean = try SearchIndex.decode(manifest: manifest)
            for shard in shards where wanted.contains(shard.key) { try lean.load(shard: shard.bytes, for: query.text) }
            #expect(lean.search(query) == index.search(query), "\(query.text)")
            #expect(lean.termCount <= Set(SearchText.tokens(in: query.text).map(\.term)).count)
        }
        // a damaged shard read for a few terms is refused or read, never a crash
        for shard in shards.prefix(8) {
            for position in stride(from: 0, to: shard.bytes.count, by: 3) {
                var changed = shard.bytes
                changed[position] ^= 0xA5
                var lean = try SearchIndex.decode(manifest: manifest)
                if (try? lean.load(shard: changed, for: "børnehave sundparken")) != nil { _ = lean.search(SearchQuery("børnehave")) }
            }
        }
    }

    @Test func badBytesAreRefusedWithAPlace() {
        let bytes = Self.fixture().index.encoded()
        #expect(throws: SearchIndexError.self) { try SearchIndex.decode([]) }
        #expect(throws: SearchIndexError.self) { try SearchIndex.decode(Array("AGSI".utf8) + [9, 0]) }
        #expect(throws: SearchIndexError.self) { try SearchIndex.decode(Array(bytes.dropLast())) }
        #expect(throws: SearchIndexError.self) { try SearchIndex.decode(bytes + [0]) }
        // every truncation and every single-byte change is refused or read, never a crash
        for cut in stride(from: 0, to: bytes.count, by: 7) { _ = try? SearchIndex.decode(Array(bytes.prefix(cut))) }
        for position in stride(from: 0, to: bytes.count, by: 5) {
            var changed = bytes
            changed[position] ^= 0xA5
            if let index = try? SearchIndex.decode(changed) { _ = index.search(SearchQuery("børnehave")) }
        }
    }

    @Test func tokensCoverCaseNumbersAndDecomposedLetters() {
        let tokens = SearchText.tokens(in: "Sag 27.12.00-P20-1-26: bo\u{0338}rnehaver.")
        #expect(tokens.map(\.term) == ["sag", "27.12.00-p20-1-26", "27", "12", "00", "p20", "1", "26", "børnehav"])
        #expect(tokens.first { $0.isCompound }?.byteRange == 4..<21)
        #expect(SearchText.fold("AABENRAA") == "åbenrå")
        #expect(SearchText.term(forWord: "og") == nil)
    }
}
