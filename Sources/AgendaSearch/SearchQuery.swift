#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// What to look for: words (all must match, by stem), attribute values that must
/// match exactly (after folding), and an inclusive date range.
public struct SearchQuery: Sendable {
    public var text: String
    public var filters: [String: String]
    public var dates: ClosedRange<Int>?
    public var limit: Int
    public init(_ text: String, filters: [String: String] = [:], dates: ClosedRange<Int>? = nil, limit: Int = 10) {
        self.text = text
        self.filters = filters
        self.dates = dates
        self.limit = limit
    }
}

public struct SearchHit: Equatable, Sendable {
    public let id: String
    public let score: Double
    public let snippet: SearchSnippet?
}

/// The passage that matched: which field, where the first match is (bytes in the
/// field's UTF-8 text), and the passage split into plain and matching parts.
public struct SearchSnippet: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        public let text: String
        public let isMatch: Bool
    }
    public let field: String
    public let matchByteRange: Range<Int>
    public let passageByteRange: Range<Int>
    public let parts: [Part]

    /// The passage with each match between `open` and `close`.
    public func marked(open: String = "[", close: String = "]") -> String {
        parts.map { $0.isMatch ? open + $0.text + close : $0.text }.joined()
    }
}

extension SearchIndex {
    /// The query's words as terms: a compound (a case number) counts as one term
    /// when the index has it, else its parts do.
    func queryTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var skippingPartsOf: Range<Int>? = nil
        for token in SearchText.tokens(in: text) {
            if token.isCompound {
                if postings[token.term] != nil {
                    terms.append(token.term)
                    skippingPartsOf = token.byteRange
                }
                continue
            }
            if token.isPart, let run = skippingPartsOf, run.contains(token.byteRange.lowerBound) { continue }
            terms.append(token.term)
        }
        var seen = Set<String>()
        return terms.filter { seen.insert($0).inserted }
    }

    /// Every term a query may need, for loading only those shards.
    public func shardKeys(for text: String) -> [String] {
        Array(Set(SearchText.tokens(in: text).map { shardKey(ofTerm: $0.term) })).sorted()
    }

    /// The best `limit` documents that hold every word and pass every filter, by
    /// BM25 (ties: later date first, then the order added). The work grows with
    /// the shortest list involved, not with the corpus.
    public func search(_ query: SearchQuery) -> [SearchHit] {
        guard query.limit > 0 else { return [] }
        let terms = queryTerms(query.text)
        var lists: [(list: PostingList, idf: Double?)] = []
        for term in terms {
            guard let list = postings[term] else { return [] }
            let count = Double(ids.count), frequency = Double(list.documents.count)
            lists.append((list, log(1 + (count - frequency + 0.5) / (frequency + 0.5))))
        }
        for (name, value) in query.filters.sorted(by: { $0.key < $1.key }) {
            guard let documents = attributes[name]?[SearchText.fold(value)] else { return [] }
            lists.append((PostingList(documents: documents, frequencies: []), nil))
        }
        if lists.isEmpty {
            guard query.dates != nil else { return [] }
            lists.append((PostingList(documents: (0..<UInt32(truncatingIfNeeded: ids.count)).map { $0 }, frequencies: []), nil))
        }
        lists.sort { $0.list.documents.count < $1.list.documents.count }
        var best = TopDocuments(limit: query.limit, dates: dates)
        var cursors = [Int](repeating: 0, count: lists.count)
        let average = max(averageLength, 1)
        candidates: for (position, document) in lists[0].list.documents.enumerated() {
            if let range = query.dates {
                guard let date = dates[Int(document)], date >= Int64(range.lowerBound), date <= Int64(range.upperBound) else { continue }
            }
            var score = 0.0
            let lengthFactor = 1 - SearchIndex.b + SearchIndex.b * Double(lengths[Int(document)]) / average
            for index in lists.indices {
                let documents = lists[index].list.documents
                let found: Int
                if index == 0 {
                    found = position
                } else {
                    found = gallop(documents, to: document, from: cursors[index])
                    cursors[index] = found
                    guard found < documents.count, documents[found] == document else { continue candidates }
                }
                if let idf = lists[index].idf, found < lists[index].list.frequencies.count {
                    let frequency = Double(lists[index].list.frequencies[found])
                    score += idf * frequency * (SearchIndex.k1 + 1) / (frequency + SearchIndex.k1 * lengthFactor)
                }
            }
            best.offer(document, score: score)
        }
        let termSet = Set(terms)
        return best.ranked.map { document, score in
            SearchHit(id: ids[Int(document)], score: score, snippet: snippet(of: Int(document), terms: termSet))
        }
    }

    /// The first index at or after `start` whose document is not before `target`:
    /// doubling steps, then a binary search, so skipping is logarithmic.
    func gallop(_ documents: [UInt32], to target: UInt32, from start: Int) -> Int {
        var low = start, step = 1
        var high = start
        while high < documents.count, documents[high] < target {
            low = high + 1
            high = start + step
            step *= 2
        }
        high = min(high, documents.count)
        while low < high {
            let middle = (low + high) / 2
            if documents[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// The best documents seen so far, at most `limit`, kept sorted.
struct TopDocuments {
    let limit: Int
    let dates: [Int64?]
    var ranked: [(UInt32, Double)] = []

    func comesBefore(_ a: (UInt32, Double), _ b: (UInt32, Double)) -> Bool {
        if a.1 != b.1 { return a.1 > b.1 }
        let dateA = dates[Int(a.0)] ?? Int64.min, dateB = dates[Int(b.0)] ?? Int64.min
        if dateA != dateB { return dateA > dateB }
        return a.0 < b.0
    }

    mutating func offer(_ document: UInt32, score: Double) {
        let entry = (document, score)
        if ranked.count == limit, let last = ranked.last, !comesBefore(entry, last) { return }
        var index = ranked.count
        while index > 0, comesBefore(entry, ranked[index - 1]) { index -= 1 }
        ranked.insert(entry, at: index)
        if ranked.count > limit { ranked.removeLast() }
    }
}
