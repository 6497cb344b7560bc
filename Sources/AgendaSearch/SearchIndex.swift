/// A field of the documents, and how much a match in it counts (BM25F-style:
/// a term's frequency is the weighted sum over the fields).
public struct SearchField: Equatable, Sendable {
    public let name: String
    public let weight: Double
    public init(name: String, weight: Double) {
        self.name = name
        self.weight = weight
    }
}

/// One document to index: texts in the order of the index's fields, filterable
/// attributes (e.g. committee, case number, decided), and a date as a sortable
/// number (e.g. 20260504) for range filters.
public struct SearchDocument: Sendable {
    public let id: String
    public let texts: [String]
    public let attributes: [String: [String]]
    public let date: Int?
    public init(id: String, texts: [String], attributes: [String: [String]] = [:], date: Int? = nil) {
        self.id = id
        self.texts = texts
        self.attributes = attributes
        self.date = date
    }
}

/// The documents that hold one term, in document order, with the term's weighted frequency.
struct PostingList: Equatable, Sendable {
    var documents: [UInt32] = []
    var frequencies: [Float] = []
}

/// An inverted index over documents with weighted fields; queried with BM25
/// (`SearchIndex+Query.swift`), written as bytes (`SearchIndex+Coding.swift`).
public struct SearchIndex: Sendable {
    public static let k1 = 1.2
    public static let b = 0.75

    public let fields: [SearchField]
    /// Terms are sharded by their first `shardPrefixLength` characters.
    public let shardPrefixLength: Int
    var ids = DocumentIDs()
    var dates: [Int64?] = []
    var lengths: [Float] = []
    var texts: [[String]] = []
    var totalLength: Double = 0
    var postings: [String: PostingList] = [:]
    /// attribute → folded value → documents, in document order
    var attributes: [String: [String: [UInt32]]] = [:]
    /// For an index opened from columns: where each attribute value's documents
    /// lie in the columns (bytes), read only when a query filters on it.
    var attributePlaces: [String: [String: Range<Int>]] = [:]

    public init(fields: [SearchField], shardPrefixLength: Int = 2) {
        self.fields = fields
        self.shardPrefixLength = max(1, shardPrefixLength)
    }

    public var documentCount: Int { ids.count }
    public var termCount: Int { postings.count }
    var averageLength: Double { ids.isEmpty ? 0 : totalLength / Double(ids.count) }

    /// Adds documents, remembering the terms of words met (see `TermCache`).
    public mutating func add(contentsOf documents: some Sequence<SearchDocument>) {
        let cache = SearchText.TermCache()
        for document in documents { add(document, cache: cache) }
    }

    /// Adds a document; the work is linear in its text. Texts beyond the fields are ignored.
    public mutating func add(_ document: SearchDocument, cache: SearchText.TermCache? = nil) {
        let number = UInt32(truncatingIfNeeded: ids.count)
        var frequencies: [String: Float] = [:]
        var length: Float = 0
        for (field, text) in zip(fields, document.texts) {
            let weight = Float(field.weight)
            for token in SearchText.tokens(in: text, cache: cache) {
                frequencies[token.term, default: 0] += weight
                if !token.isCompound { length += weight }
            }
        }
        for (term, frequency) in frequencies {
            postings[term, default: PostingList()].documents.append(number)
            postings[term, default: PostingList()].frequencies.append(frequency)
        }
        for (name, values) in document.attributes {
            for value in Set(values.map(SearchText.fold)) {
                attributes[name, default: [:]][value, default: []].append(number)
            }
        }
        ids.append(document.id)
        dates.append(document.date.map(Int64.init))
        lengths.append(max(length, 1))
        totalLength += Double(max(length, 1))
        texts.append(Array(document.texts.prefix(fields.count)))
    }

    /// The shard a term lives in: its first characters.
    public func shardKey(ofTerm term: String) -> String {
        var key = String.UnicodeScalarView()
        key.append(contentsOf: term.unicodeScalars.prefix(shardPrefixLength))
        return String(key)
    }
}

/// The documents' ids, kept as the UTF-8 they were read from (checked then) and
/// made strings only when asked for (a hit shown), so opening an index of many
/// documents costs no string per document. Ids that are the documents' numbers
/// (`0`, `1`, …), as the archive's are, are kept as their count alone.
struct DocumentIDs: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The ids are the numbers `0 ..< numbered` (nothing else stored) when not nil.
    private var numbered: Int? = nil

    init() {}

    /// The ids `0`, `1`, … up to `count - 1`.
    init(numbered count: Int) { numbered = max(0, count) }

    var count: Int { numbered ?? ends.count }
    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { 0..<count }

    /// Whether every id is its document's number.
    var isNumbered: Bool {
        if numbered != nil { return true }
        return indices.allSatisfy { self[$0] == String($0) }
    }

    mutating func append(_ id: String) { append(utf8: id.utf8) }

    /// Room for `count` ids (of a few bytes each).
    mutating func reserveCapacity(_ count: Int) {
        ends.reserveCapacity(count)
        bytes.reserveCapacity(count * 4)
    }

    mutating func append(utf8: some Collection<UInt8>) {
        if let count = numbered {
            // spelled out from here on
            numbered = nil
            for number in 0..<count { bytes += String(number).utf8; ends.append(bytes.count) }
        }
        bytes.append(contentsOf: utf8)
        ends.append(bytes.count)
    }

    subscript(document: Int) -> String {
        guard document >= 0, document < count else { return "" }
        if numbered != nil { return String(document) }
        let start = document == 0 ? 0 : ends[document - 1]
        return String(decoding: bytes[start..<ends[document]], as: UTF8.self)
    }

    func map<T>(_ transform: (String) -> T) -> [T] { indices.map { transform(self[$0]) } }
}
