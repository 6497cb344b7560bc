/// How the search index is cut into files, so that a query loads little: sizes
/// in characters of encoded postings.
struct SearchLayout: Sendable {
    /// A term whose postings are longer than this gets files of its own (its whole
    /// list, and the head of its best postings), so a common word never drags the
    /// terms beside it along, nor they it.
    var termFileLength = 12_000
    /// Terms sharing a prefix share a shard; a shard longer than this is cut by a
    /// prefix one letter longer, down to `longestPrefix` letters (case numbers
    /// share their first dozen: `15.00.00-p20-`).
    var shardLength = 24_000
    var shortestPrefix = 2
    var longestPrefix = 24
    /// The postings in a term's head: enough for the page's 20 hits and room for ties.
    var headSize = 200
}

/// Which file holds each term's postings: terms with files of their own, and
/// shards keyed by a prefix of 2 to `longestPrefix` letters. The browser finds a
/// term's shard as `shardKey(of:among:)` does: the longest listed key that
/// begins the term. Splitting keeps that true: a shard cut by a longer prefix
/// keeps only the terms exactly as long as its key.
struct ShardPlan {
    private(set) var shards: [String: [String]] = [:]
    private(set) var termFiles: [String] = []

    init(_ encoded: [String: String], layout: SearchLayout) {
        var rest: [String] = []
        for (term, postings) in encoded {
            // a file name holds the term's UTF-8 in hex: long terms stay in shards
            if postings.utf8.count > layout.termFileLength && term.utf8.count <= 100 {
                termFiles.append(term)
            } else {
                rest.append(term)
            }
        }
        termFiles.sort()
        func size(_ term: String) -> Int { term.utf8.count + (encoded[term]?.utf8.count ?? 0) }
        split(rest, prefix: layout.shortestPrefix, layout: layout, size: size)
    }

    private mutating func split(_ terms: [String], prefix length: Int, layout: SearchLayout, size: (String) -> Int) {
        var groups: [String: [String]] = [:]
        for term in terms { groups[Self.prefix(term, length), default: []].append(term) }
        for (key, group) in groups {
            let total = group.reduce(0) { $0 + size($1) }
            guard total > layout.shardLength, length < layout.longestPrefix else {
                shards[key] = group
                continue
            }
            let exact = group.filter { $0.unicodeScalars.count <= length }
            if !exact.isEmpty { shards[key] = exact }
            split(group.filter { $0.unicodeScalars.count > length }, prefix: length + 1, layout: layout, size: size)
        }
    }

    static func prefix(_ term: String, _ length: Int) -> String {
        var key = String.UnicodeScalarView()
        key.append(contentsOf: term.unicodeScalars.prefix(length))
        return String(key)
    }

    /// The browser's rule (`soeg.js`): the longest key that begins the term.
    static func shardKey(of term: String, among keys: Set<String>, longestPrefix: Int) -> String? {
        var length = min(term.unicodeScalars.count, longestPrefix)
        while length > 0 {
            let key = prefix(term, length)
            if keys.contains(key) { return key }
            length -= 1
        }
        return nil
    }
}
