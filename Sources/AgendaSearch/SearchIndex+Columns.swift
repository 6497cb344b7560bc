/// The index for a reader that opens it for one query and reads only what the
/// query needs (the archive's index on disk): the manifest as columns, so
/// opening it costs a few reads and no decoding per document, and each term's
/// postings on their own (`encodedPostings(of:)`), to be found by a table the
/// reader keeps. Texts are not stored (keep them beside it, see `snippet(for:in:)`).
///
///     columns  = "AGSI" version(varint) kind(3) headerEnd(UInt64 LE)
///                header: fields shardPrefixLength documentCount(varint)
///                        numberedIDs(byte: 1, or 0 and then the ids' byte count, varint)
///                        attributes: count, then name, count, then value, document count (varint)
///                from headerEnd, fixed width, little-endian:
///                        lengths (Float32 × documents), date flags (byte × documents), dates (Int64 × documents),
///                        ids when not numbered (end offsets UInt32 × documents, then the UTF-8),
///                        each attribute value's documents (UInt32, ascending), in the header's order
///
/// Every read is checked, so any bytes give an index or a `SearchIndexError`.
extension SearchIndex {
    /// Reads `count` bytes of the columns at `offset`, or throws.
    public typealias ColumnReader = (_ offset: Int, _ count: Int) throws(SearchIndexError) -> [UInt8]

    static let columnsPreamble = 4 + 1 + 1 + 8

    public func encodedColumns() -> [UInt8] {
        var header = ByteWriter()
        header.varint(UInt64(fields.count))
        for field in fields {
            header.string(field.name)
            header.double(field.weight)
        }
        header.varint(UInt64(shardPrefixLength))
        header.varint(UInt64(ids.count))
        let numbered = ids.isNumbered
        var idBytes: [UInt8] = [], idEnds: [UInt32] = []
        if numbered {
            header.bytes.append(1)
        } else {
            for document in ids.indices {
                idBytes += ids[document].utf8
                idEnds.append(UInt32(truncatingIfNeeded: idBytes.count))
            }
            header.bytes.append(0)
            header.varint(UInt64(idBytes.count))
        }
        var lists: [[UInt32]] = []
        header.varint(UInt64(attributes.count))
        for name in attributes.keys.sorted() {
            let values = attributes[name] ?? [:]
            header.string(name)
            header.varint(UInt64(values.count))
            for value in values.keys.sorted() {
                let documents = values[value] ?? []
                header.string(value)
                header.varint(UInt64(documents.count))
                lists.append(documents)
            }
        }
        var columns = ByteWriter()
        columns.bytes += SearchIndex.magic
        columns.varint(UInt64(SearchIndex.formatVersion))
        columns.bytes.append(Kind.columns.rawValue)
        columns.uint64(UInt64(SearchIndex.columnsPreamble + header.bytes.count))
        columns.bytes += header.bytes
        for length in lengths { columns.float(length) }
        for date in dates { columns.bytes.append(date == nil ? 0 : 1) }
        for date in dates { columns.uint64(UInt64(bitPattern: date ?? 0)) }
        for end in idEnds { columns.uint32(end) }
        columns.bytes += idBytes
        for list in lists { for document in list { columns.uint32(document) } }
        return columns.bytes
    }

    /// Opens columns: the header, lengths, dates and ids; attribute values are
    /// read later, only those a query filters on (`loadFilters(of:from:)`).
    public static func open(columns read: @escaping ColumnReader) throws(SearchIndexError) -> SearchIndex {
        let read = exactly(read)
        var preamble = ByteReader(try read(0, columnsPreamble))
        try readHeader(&preamble, expecting: .columns)
        let headerEnd = try preamble.uint64()
        guard headerEnd >= UInt64(columnsPreamble), headerEnd < 1 << 31 else { throw preamble.error("a header end of \(headerEnd) bytes") }
        var header = ByteReader(try read(columnsPreamble, Int(headerEnd) - columnsPreamble))
        var index = try readFieldsAndPrefix(&header)
        let documents = try header.varint()
        guard documents < 1 << 28 else { throw header.error("\(documents) documents is more than an index holds") }
        let count = Int(documents)
        var idByteCount = 0
        let numberedIDs: Bool
        switch try header.byte() {
        case 1: numberedIDs = true
        case 0:
            numberedIDs = false
            let total = try header.varint()
            guard total < 1 << 31 else { throw header.error("ids of \(total) bytes") }
            idByteCount = Int(total)
        default: throw header.error("the ids' flag must be 0 or 1")
        }
        var offset = Int(headerEnd)
        let lengthBytes = try read(offset, 4 * count)
        let flags = try read(offset + 4 * count, count)
        let dateBytes = try read(offset + 5 * count, 8 * count)
        offset += 13 * count
        var lengths = [Float](), dates = [Int64?](), total = 0.0
        lengths.reserveCapacity(count)
        dates.reserveCapacity(count)
        for document in 0..<count {
            let length = Float(bitPattern: lengthBytes.uint32(at: 4 * document))
            guard length.isFinite, length >= 1 else {
                throw SearchIndexError(offset: Int(headerEnd) + 4 * document, reason: "document length \(length) is not a finite number ≥ 1")
            }
            lengths.append(length)
            total += Double(length)
            switch flags[document] {
            case 0: dates.append(nil)
            case 1: dates.append(Int64(bitPattern: dateBytes.uint64(at: 8 * document)))
            default: throw SearchIndexError(offset: Int(headerEnd) + 4 * count + document, reason: "a date flag must be 0 or 1")
            }
        }
        if numberedIDs {
            index.ids = DocumentIDs(numbered: count)
        } else {
            let ends = try read(offset, 4 * count)
            let bytes = try read(offset + 4 * count, idByteCount)
            var ids = DocumentIDs()
            ids.reserveCapacity(count)
            var start = 0
            for document in 0..<count {
                let end = Int(ends.uint32(at: 4 * document))
                guard end >= start, end <= bytes.count, let id = String(validating: bytes[start..<end], as: UTF8.self) else {
                    throw SearchIndexError(offset: offset + 4 * document, reason: "the id of document \(document) is out of order or not UTF-8")
                }
                ids.append(id)
                start = end
            }
            index.ids = ids
            offset += 4 * count + idByteCount
        }
        index.lengths = lengths
        index.dates = dates
        index.totalLength = total
        for _ in 0..<(try header.count()) {
            let name = try header.string()
            var places: [String: Range<Int>] = [:]
            for _ in 0..<(try header.count()) {
                let value = try header.string()
                let listed = try header.varint()
                guard listed <= documents else { throw header.error("an attribute value of \(listed) documents, in an index of \(documents)") }
                places[value] = offset..<(offset + 4 * Int(listed))
                offset += 4 * Int(listed)
            }
            index.attributePlaces[name] = places
        }
        try header.expectEnd()
        return index
    }

    /// A reader that gives exactly the bytes asked for, or throws.
    private static func exactly(_ read: @escaping ColumnReader) -> ColumnReader {
        { (offset: Int, count: Int) throws(SearchIndexError) -> [UInt8] in
            let bytes = try read(offset, count)
            guard bytes.count == count else { throw SearchIndexError(offset: offset, reason: "the data ends early") }
            return bytes
        }
    }

    /// Reads the documents of the attribute values a query filters on.
    public mutating func loadFilters(of query: SearchQuery, from read: @escaping ColumnReader) throws(SearchIndexError) {
        let read = SearchIndex.exactly(read)
        for (name, value) in query.filters {
            let folded = SearchText.fold(value)
            guard attributes[name]?[folded] == nil, let place = attributePlaces[name]?[folded] else { continue }
            try loadAttribute(name, folded, at: place, from: read)
        }
    }

    /// Reads every attribute value's documents (an index that answers any filter).
    public mutating func loadAllAttributes(from read: @escaping ColumnReader) throws(SearchIndexError) {
        let read = SearchIndex.exactly(read)
        for (name, places) in attributePlaces {
            for (value, place) in places where attributes[name]?[value] == nil {
                try loadAttribute(name, value, at: place, from: read)
            }
        }
    }

    private mutating func loadAttribute(_ name: String, _ value: String, at place: Range<Int>, from read: ColumnReader) throws(SearchIndexError) {
        let bytes = try read(place.lowerBound, place.count)
        var documents: [UInt32] = []
        documents.reserveCapacity(place.count / 4)
        for position in 0..<(place.count / 4) {
            let document = bytes.uint32(at: 4 * position)
            guard Int(document) < ids.count, documents.last.map({ $0 < document }) ?? true else {
                throw SearchIndexError(offset: place.lowerBound + 4 * position, reason: "attribute \(name)=\(value): documents must ascend and be below \(ids.count)")
            }
            documents.append(document)
        }
        attributes[name, default: [:]][value] = documents
    }

    /// Columns held in memory, every attribute read.
    public static func decode(columns bytes: [UInt8]) throws(SearchIndexError) -> SearchIndex {
        let read: ColumnReader = { (offset: Int, count: Int) throws(SearchIndexError) -> [UInt8] in
            guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else {
                throw SearchIndexError(offset: offset, reason: "the data ends early")
            }
            return Array(bytes[offset..<(offset + count)])
        }
        var index = try open(columns: read)
        try index.loadAllAttributes(from: read)
        return index
    }

    // MARK: One term's postings

    /// Every term of the index, sorted (each a key for `encodedPostings(of:)`).
    public var terms: [String] { postings.keys.sorted() }

    /// One term's postings: a shard holding that term alone.
    public func encodedPostings(of term: String) -> [UInt8] {
        var writer = ByteWriter()
        writeHeader(&writer, .shard)
        writeTerms(&writer, [term])
        return writer.bytes
    }

    /// Adds a term's postings (`encodedPostings(of:)`); false, adding nothing,
    /// when the bytes hold another term (a reader's table may name a neighbour).
    public mutating func load(postings bytes: [UInt8], of term: String) throws(SearchIndexError) -> Bool {
        var reader = ByteReader(bytes)
        try SearchIndex.readHeader(&reader, expecting: .shard)
        var copy = self
        guard try reader.count() == 1 else { throw reader.error("a term's postings hold one term") }
        let start = reader.offset
        guard try reader.string() == term else { return false }
        reader.offset = start
        try copy.readTerm(&reader)
        try reader.expectEnd()
        self = copy
        return true
    }

    /// The terms a query's text may use (every token's, a compound's and its
    /// parts'), as `search` will pick among them: load these and no other.
    public static func terms(of queryText: String) -> [String] {
        var terms: [String] = []
        for token in SearchText.tokens(in: queryText) where !terms.contains(token.term) { terms.append(token.term) }
        return terms
    }
}

extension ByteWriter {
    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

extension ByteReader {
    mutating func uint64() throws(SearchIndexError) -> UInt64 {
        var value: UInt64 = 0
        for (shift, byte) in try take(8).enumerated() { value |= UInt64(byte) << UInt64(shift * 8) }
        return value
    }
}

extension Array where Element == UInt8 {
    /// The little-endian number at `offset` (the caller keeps `offset + 4` within the array).
    func uint32(at offset: Int) -> UInt32 {
        withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    func uint64(at offset: Int) -> UInt64 {
        withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }
}
