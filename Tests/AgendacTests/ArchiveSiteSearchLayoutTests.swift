@testable import AgendaArchive
import AgendaBase
import AgendaSearch
import AgendaSemantics
import Foundation
import Testing

/// The search index cut for speed (`SiteSearchShards.swift`): common terms in
/// files of their own with a head of their best postings, shards cut by longer
/// prefixes. A generated archive with a small layout (so every kind of file
/// occurs) is written to `.build/archive-site-split/` with `SearchIndex`'s hits
/// for its queries; the browser test checks that the page finds the same hits,
/// in the same order with the same passages, from the heads and from whole lists.
@Suite struct ArchiveSiteSearchLayoutTests {
    static let browserSite = Golden.packageRoot.appendingPathComponent(".build/archive-site-split")
    static let layout = SearchLayout(termFileLength: 300, shardLength: 400, shortestPrefix: 2, longestPrefix: 4, headSize: 24)
    static let stems = ["børnehave", "skole", "vej", "budget", "plan", "borger", "aftale", "bygning", "kommune", "indsats",
                        "tilbud", "høring", "lokalplan", "jobcenter", "ældrepleje", "klima"]
    static let endings = ["", "r", "n", "rne", "s"]

    /// Meetings of 10 items from a few words in several inflections, rare words and recurring case numbers.
    static func generatedMeetings(count: Int) throws -> [ArchivedMeeting] {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        func sentence(_ words: Int) -> String {
            (0..<words).map { _ in next(6) == 0 ? "ord\(next(300))" : stems[next(stems.count)] + endings[next(endings.count)] }
                .joined(separator: " ") + "."
        }
        return try (0..<count).map { number in
            let committee = ["Børne- og Skoleudvalget", "Teknik- og Miljøudvalget", "Økonomiudvalget"][number % 3]
            var text = "møde: \(committee)\nkommune: Prøve Kommune\ndokument: referat\n"
            text += "dato: \(2000 + number / 100)-\(String(format: "%02d", number % 12 + 1))-\(String(format: "%02d", number % 28 + 1))\ntid: 16:00\n\n"
            for item in 1...10 {
                text += "punkt \(item): Sag om \(sentence(3))\nsagsnr: 15.00.00-P20-\(next(40))-26\n\n"
                text += "resume:\n\(sentence(4 + next(20)))\n\n"
                text += "indstilling: Direktionen indstiller, at\n1. udvalget godkender \(sentence(3))\n\n"
                text += "beslutning:\n\(next(3) > 0 ? "Godkendt. " + sentence(2 + next(6)) : "Udsat.")\n\n"
            }
            return try ArchivedMeeting.record(of: AnalyzedDocument(text: text).meeting).get()
        }
    }

    static func queries() -> [String] {
        var queries = stems + stems.map { $0 + "rne" } + ["ord17", "ord250 budget", "15.00.00-P20-7-26", "klima lokalplan", "skole børnehave plan", "udvalget godkender"]
        queries += zip(stems, stems.dropFirst()).map { "\($0) \($1)" }
        return queries
    }

    @Test func theSplitSiteAndItsExpectationsForTheBrowser() throws {
        let meetings = try Self.generatedMeetings(count: 60)
        let snapshot = ArchiveSnapshot(meetings: meetings)
        let data = SiteSearchData(snapshot, layout: Self.layout)
        let files = ArchiveSite.plan(snapshot, searchLayout: Self.layout)
        let paths = files.map(\.path)
        // every kind of file occurs: own files with heads, shards cut by longer prefixes
        #expect(paths.filter { $0.hasPrefix("soeg/o/") && $0.hasSuffix("-top.js") }.count > 10)
        let shardKeyLengths = Set(paths.filter { $0.hasPrefix("soeg/t/") }.map { ($0.count - "soeg/t/.js".count) / 2 })
        #expect(shardKeyLengths.contains(2) && shardKeyLengths.contains { $0 > 2 }, "\(shardKeyLengths)")

        var index = SearchIndex(fields: SiteSearchData.fields)
        index.add(contentsOf: data.documents.map { SearchDocument(id: $0.url, texts: $0.texts) })
        var expected = "# query\tdocument\tBM25 score from AgendaSearch.SearchIndex over the site's documents\n"
        for query in Self.queries() {
            let hits = index.search(SearchQuery(query, limit: 20))
            #expect(!hits.isEmpty, "no hit for \(query)")
            for hit in hits { expected += "\(query)\t\(hit.id)\t\(SiteSearchData.number(hit.score))\n" }
        }
        try? FileManager.default.removeItem(at: Self.browserSite)
        _ = try SiteWriter(folder: Self.browserSite, readFile: { _ in [] }).write(files)
        try Data(expected.utf8).write(to: Self.browserSite.appendingPathComponent("search-expected.tsv"))
    }

    /// Every term is in exactly one file, and the browser's rule (the longest listed
    /// prefix) finds the shard it is in; a shard over the size is cut, as far as the prefix allows.
    @Test func everyTermIsWhereTheBrowserLooks() {
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let letters = Array("abøå1-.")
        var encoded: [String: String] = [:]
        for _ in 0..<3000 {
            let term = String((0..<(1 + next(8))).map { _ in letters[next(letters.count)] })
            encoded[term] = String(repeating: "x", count: 1 + next(next(10) == 0 ? 600 : 40))
        }
        let plan = ShardPlan(encoded, layout: Self.layout)
        let keys = Set(plan.shards.keys)
        var seen: [String: Int] = [:]
        for term in plan.termFiles { seen[term, default: 0] += 1 }
        for (key, terms) in plan.shards {
            let size = terms.reduce(0) { $0 + $1.utf8.count + (encoded[$1]?.utf8.count ?? 0) }
            #expect(size <= Self.layout.shardLength || key.unicodeScalars.count == Self.layout.longestPrefix
                    || terms.allSatisfy { $0.unicodeScalars.count <= key.unicodeScalars.count }, "shard \(key) of \(size)")
            for term in terms {
                seen[term, default: 0] += 1
                #expect(ShardPlan.shardKey(of: term, among: keys, longestPrefix: Self.layout.longestPrefix) == key, "\(term) in \(key)")
            }
        }
        #expect(seen.count == encoded.count && seen.values.allSatisfy { $0 == 1 })
        #expect(plan.termFiles.allSatisfy { (encoded[$0]?.utf8.count ?? 0) > Self.layout.termFileLength })
    }

    /// A head holds the best postings by BM25 term weight; every posting left out
    /// weighs no more than the one it names as next, and that no more than the head's last;
    /// those left out like next are earlier documents, the others weigh no more than `other`.
    @Test func aHeadHoldsTheBestPostings() throws {
        var state: UInt64 = 3
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let lengths = (0..<500).map { _ in UInt32(10 + next(400)) }
        let list = (0..<500).filter { _ in next(3) > 0 }.map { (UInt32($0), UInt32(1 + next(12))) }
        let average = 200.0
        func weight(_ p: SiteSearchData.Posting) -> Double {
            let tf = Double(p.frequency) / 2
            return tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Double(p.length) / average))
        }
        let head = SiteSearchData.head(list, lengths: lengths, average: average, size: 24)
        #expect(head.postings.count == 24)
        let next = try #require(head.next)
        let inHead = Set(head.postings.map(\.document))
        let last = head.postings.map(weight).min() ?? 0
        #expect(zip(head.postings, head.postings.dropFirst()).allSatisfy { weight($0) >= weight($1) })
        let other = try #require(head.other)
        #expect(other.frequency != next.frequency || other.length != next.length)
        for (document, frequency) in list where !inHead.contains(document) {
            let posting = SiteSearchData.Posting(document: document, frequency: frequency, length: lengths[Int(document)])
            #expect(weight(posting) <= weight(next) && weight(posting) <= last)
            if posting.frequency == next.frequency && posting.length == next.length {
                #expect(posting.document <= next.document)
            } else {
                #expect(weight(posting) <= weight(other))
            }
        }
        #expect(head.postings.allSatisfy { $0.length == lengths[Int($0.document)] })
    }
}
