extension SearchIndex {
    /// Bytes of context kept before the first match and after it.
    static let contextBefore = 60
    static let contextAfter = 120

    /// The passage around the matches in the heaviest field that has one: the
    /// window that holds the most different query terms, matches marked.
    /// Only the hit's own texts are read.
    func snippet(of document: Int, terms: Set<String>) -> SearchSnippet? {
        guard document < texts.count else { return nil }
        return snippet(in: texts[document], terms: terms)
    }

    /// The passage of a query in texts kept outside the index (see `droppingTexts()`):
    /// the same cut as a hit's own snippet. The query's terms are read as `search`
    /// reads them, so the shards of its terms should be loaded.
    public func snippet(for queryText: String, in documentTexts: [String]) -> SearchSnippet? {
        snippet(in: documentTexts, terms: Set(queryTerms(queryText)))
    }

    /// The index without the documents' texts, for an index whose texts are kept
    /// elsewhere (read per hit, not all with the manifest); its hits carry no snippet.
    public func droppingTexts() -> SearchIndex {
        var copy = self
        copy.texts = ids.map { _ in [] }
        return copy
    }

    func snippet(in documentTexts: [String], terms: Set<String>) -> SearchSnippet? {
        guard !terms.isEmpty else { return nil }
        let order = fields.indices.sorted { fields[$0].weight > fields[$1].weight || (fields[$0].weight == fields[$1].weight && $0 < $1) }
        for fieldIndex in order where fieldIndex < documentTexts.count {
            let text = documentTexts[fieldIndex]
            let tokens = SearchText.tokens(in: text)
            let matches = tokens.filter { terms.contains($0.term) }
            guard let first = bestMatch(matches) else { continue }
            let bytes = Array(text.utf8)
            let windowStart = first.byteRange.lowerBound - SearchIndex.contextBefore
            let windowEnd = first.byteRange.upperBound + SearchIndex.contextAfter
            let inside = tokens.filter { $0.byteRange.lowerBound >= windowStart && $0.byteRange.upperBound <= windowEnd }
            let start = min(inside.first?.byteRange.lowerBound ?? first.byteRange.lowerBound, first.byteRange.lowerBound)
            let end = max(inside.last?.byteRange.upperBound ?? first.byteRange.upperBound, first.byteRange.upperBound)
            var parts: [SearchSnippet.Part] = []
            var cursor = start
            for match in matches where match.byteRange.lowerBound >= cursor && match.byteRange.upperBound <= end {
                if match.byteRange.lowerBound > cursor {
                    parts.append(.init(text: String(decoding: bytes[cursor..<match.byteRange.lowerBound], as: UTF8.self), isMatch: false))
                }
                parts.append(.init(text: String(decoding: bytes[match.byteRange], as: UTF8.self), isMatch: true))
                cursor = match.byteRange.upperBound
            }
            if cursor < end {
                parts.append(.init(text: String(decoding: bytes[cursor..<end], as: UTF8.self), isMatch: false))
            }
            return SearchSnippet(field: fields[fieldIndex].name, matchByteRange: first.byteRange, passageByteRange: start..<end, parts: parts)
        }
        return nil
    }

    /// The match that starts the window with the most different terms (the first such).
    func bestMatch(_ matches: [SearchToken]) -> SearchToken? {
        var best: SearchToken? = nil
        var bestCount = 0
        var windowEnd = 0
        var counts: [String: Int] = [:]
        // a sliding window over the matches: linear in their number
        for match in matches {
            while windowEnd < matches.count,
                  matches[windowEnd].byteRange.lowerBound < match.byteRange.lowerBound + SearchIndex.contextAfter {
                counts[matches[windowEnd].term, default: 0] += 1
                windowEnd += 1
            }
            if counts.count > bestCount {
                best = match
                bestCount = counts.count
            }
            if let count = counts[match.term] {
                if count <= 1 { counts[match.term] = nil } else { counts[match.term] = count - 1 }
            }
        }
        return best
    }
}

extension SearchIndex {
    /// Whether the index holds `text` as one term: its compound (a case number
    /// such as `15.00.00-P05-3-25`) when it has one, else its only word. A filter
    /// on such a value is exact only when this holds; the shard must be loaded.
    public func holdsTerm(of text: String) -> Bool {
        let tokens = SearchText.tokens(in: text)
        if let compound = tokens.first(where: \.isCompound) { return postings[compound.term] != nil }
        return tokens.count == 1 && tokens.first.map { postings[$0.term] != nil } == true
    }
}
