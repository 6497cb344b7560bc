/// The index as bytes: a versioned header, then sections, every number a LEB128
/// varint or a little-endian float, strings length-prefixed UTF-8, terms and
/// attribute values in sorted order, so the same index gives the same bytes.
///
///     "AGSI" version(varint) kind(byte: 0 whole, 1 manifest, 2 shard)
///     whole    = manifest terms
///     manifest = fields docs attributes shardPrefixLength
///     terms    = count, then term, count, document deltas, frequencies (Float32)
///
/// A static website loads the manifest and only the shards of a query's terms
/// (`shardKeys(for:)`). Reading checks every count, index and string, so any
/// bytes give an index or a `SearchIndexError`, never a crash.
public struct SearchIndexError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    public var description: String { "search index: byte \(offset): \(reason)" }
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }
}

extension SearchIndex {
    /// 2: the columns kind (`SearchIndex+Columns.swift`) was added.
    public static let formatVersion = 2
    static let magic: [UInt8] = Array("AGSI".utf8)

    enum Kind: UInt8 { case whole = 0, manifest = 1, shard = 2, columns = 3 }

    /// The whole index in one file.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writeHeader(&writer, .whole)
        writeManifest(&writer)
        writeTerms(&writer, postings.keys.sorted())
        return writer.bytes
    }

    /// The manifest (fields, documents, attributes) and one file per term prefix, sorted by key.
    public func encodedShards() -> (manifest: [UInt8], shards: [(key: String, bytes: [UInt8])]) {
        var manifest = ByteWriter()
        writeHeader(&manifest, .manifest)
        writeManifest(&manifest)
        var byKey: [String: [String]] = [:]
        for term in postings.keys { byKey[shardKey(ofTerm: term), default: []].append(term) }
        let shards = byKey.keys.sorted().map { key -> (key: String, bytes: [UInt8]) in
            var writer = ByteWriter()
            writeHeader(&writer, .shard)
            writeTerms(&writer, (byKey[key] ?? []).sorted())
            return (key, writer.bytes)
        }
        return (manifest.bytes, shards)
    }

    /// A file name for a shard key that any web server serves: its UTF-8 in hex.
    public static func shardFileName(_ key: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var name: [UInt8] = []
        for byte in key.utf8 { name += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: name, as: UTF8.self) + ".idx"
    }

    public static func decode(_ bytes: [UInt8]) throws(SearchIndexError) -> SearchIndex {
        var reader = ByteReader(bytes)
        try readHeader(&reader, expecting: .whole)
        var index = try readManifest(&reader)
        try index.readTerms(&reader)
        try reader.expectEnd()
        return index
    }

    /// An index with documents but no terms yet; add shards with `load(shard:)`.
    public static func decode(manifest bytes: [UInt8]) throws(SearchIndexError) -> SearchIndex {
        var reader = ByteReader(bytes)
        try readHeader(&reader, expecting: .manifest)
        let index = try readManifest(&reader)
        try reader.expectEnd()
        return index
    }

    public mutating func load(shard bytes: [UInt8]) throws(SearchIndexError) {
        var reader = ByteReader(bytes)
        try SearchIndex.readHeader(&reader, expecting: .shard)
        var copy = self
        try copy.readTerms(&reader)
        try reader.expectEnd()
        self = copy
    }

    /// Loads from a shard only the postings of the terms a query's text may use
    /// (every token's term, as `shardKeys(for:)` names their shards); the other
    /// terms are stepped over without being decoded, so a shard shared by many
    /// terms (a prefix such as `or` of thousands of words) costs a scan, not an index.
    public mutating func load(shard bytes: [UInt8], for queryText: String) throws(SearchIndexError) {
        var wanted: [[UInt8]] = []
        for token in SearchText.tokens(in: queryText) where !wanted.contains(Array(token.term.utf8)) {
            wanted.append(Array(token.term.utf8))
        }
        var reader = ByteReader(bytes)
        try SearchIndex.readHeader(&reader, expecting: .shard)
        var copy = self
        try copy.readTerms(&reader, only: wanted)
        try reader.expectEnd()
        self = copy
    }

    func writeHeader(_ writer: inout ByteWriter, _ kind: Kind) {
        writer.bytes += SearchIndex.magic
        writer.varint(UInt64(SearchIndex.formatVersion))
        writer.bytes.append(kind.rawValue)
    }

    static func readHeader(_ reader: inout ByteReader, expecting kind: Kind) throws(SearchIndexError) {
        guard try reader.take(4).elementsEqual(magic) else { throw reader.error("not a search index (no AGSI header)") }
        let version = try reader.varint()
        guard version == UInt64(formatVersion) else { throw reader.error("format version \(version); this reader knows \(formatVersion)") }
        guard try reader.byte() == kind.rawValue else { throw reader.error("not a \(kind) file") }
    }

    func writeManifest(_ writer: inout ByteWriter) {
        writer.varint(UInt64(fields.count))
        for field in fields {
            writer.string(field.name)
            writer.double(field.weight)
        }
        writer.varint(UInt64(shardPrefixLength))
        writer.varint(UInt64(ids.count))
        for document in ids.indices {
            writer.string(ids[document])
            if let date = dates[document] {
                writer.bytes.append(1)
                writer.varint(UInt64(bitPattern: date))
            } else {
                writer.bytes.append(0)
            }
            writer.float(lengths[document])
            writer.varint(UInt64(texts[document].count))
            for text in texts[document] { writer.string(text) }
        }
        writer.varint(UInt64(attributes.count))
        for name in attributes.keys.sorted() {
            let values = attributes[name] ?? [:]
            writer.string(name)
            writer.varint(UInt64(values.count))
            for value in values.keys.sorted() {
                writer.string(value)
                writer.documents(values[value] ?? [])
            }
        }
    }

    static func readManifest(_ reader: inout ByteReader) throws(SearchIndexError) -> SearchIndex {
        var index = try readFieldsAndPrefix(&reader)
        try readManifestDocuments(&reader, into: &index)
        return index
    }

    static func readFieldsAndPrefix(_ reader: inout ByteReader) throws(SearchIndexError) -> SearchIndex {
        var fields: [SearchField] = []
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            let weight = try reader.double()
            guard weight.isFinite, weight >= 0 else { throw reader.error("field weight \(weight) is not a finite number ≥ 0") }
            fields.append(SearchField(name: name, weight: weight))
        }
        let prefix = try reader.varint()
        guard prefix >= 1, prefix <= 16 else { throw reader.error("shard prefix length \(prefix) is outside 1–16") }
        return SearchIndex(fields: fields, shardPrefixLength: Int(prefix))
    }

    static func readManifestDocuments(_ reader: inout ByteReader, into index: inout SearchIndex) throws(SearchIndexError) {
        let fields = index.fields
        let documents = try reader.count()
        guard documents <= Int(UInt32.max) else { throw reader.error("too many documents") }
        index.ids.reserveCapacity(documents)
        index.dates.reserveCapacity(documents)
        index.lengths.reserveCapacity(documents)
        index.texts.reserveCapacity(documents)
        for _ in 0..<documents {
            index.ids.append(utf8: try reader.stringBytes())
            switch try reader.byte() {
            case 0: index.dates.append(nil)
            case 1: index.dates.append(Int64(bitPattern: try reader.varint()))
            default: throw reader.error("a date flag must be 0 or 1")
            }
            let length = try reader.float()
            guard length.isFinite, length >= 1 else { throw reader.error("document length \(length) is not a finite number ≥ 1") }
            index.lengths.append(length)
            index.totalLength += Double(length)
            var texts: [String] = []
            for _ in 0..<(try reader.count()) { texts.append(try reader.string()) }
            guard texts.count <= fields.count else { throw reader.error("a document has more texts than the index has fields") }
            index.texts.append(texts)
        }
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            var values: [String: [UInt32]] = [:]
            for _ in 0..<(try reader.count()) {
                let value = try reader.string()
                values[value] = try reader.documents(below: documents)
            }
            index.attributes[name] = values
        }
    }

    func writeTerms(_ writer: inout ByteWriter, _ terms: [String]) {
        writer.varint(UInt64(terms.count))
        for term in terms {
            let list = postings[term] ?? PostingList()
            writer.string(term)
            writer.documents(list.documents)
            for frequency in list.frequencies { writer.float(frequency) }
        }
    }

    /// Reads a terms section; with `only`, the terms (UTF-8) to keep: the others are skipped.
    mutating func readTerms(_ reader: inout ByteReader, only wanted: [[UInt8]]? = nil) throws(SearchIndexError) {
        for _ in 0..<(try reader.count()) {
            if let wanted {
                let start = reader.offset
                let length = try reader.count()
                let bytes = try reader.take(length)
                guard wanted.contains(where: { $0.count == length && $0.elementsEqual(bytes) }) else {
                    let documents = try reader.count()
                    try reader.skipVarints(documents)
                    _ = try reader.take(4 * documents)
                    continue
                }
                reader.offset = start
            }
            try readTerm(&reader)
        }
    }

    /// One term and its postings.
    mutating func readTerm(_ reader: inout ByteReader) throws(SearchIndexError) {
        let term = try reader.string()
        let documents = try reader.documents(below: ids.count)
        guard !documents.isEmpty else { throw reader.error("term '\(term)' has no documents") }
        var frequencies: [Float] = []
        frequencies.reserveCapacity(documents.count)
        for _ in documents {
            let frequency = try reader.float()
            guard frequency.isFinite, frequency >= 0 else { throw reader.error("a frequency of '\(term)' is not a finite number ≥ 0") }
            frequencies.append(frequency)
        }
        postings[term] = PostingList(documents: documents, frequencies: frequencies)
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
        varint(UInt64(text.utf8.count))
        bytes += text.utf8
    }

    mutating func float(_ value: Float) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
    }

    mutating func double(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// Ascending document numbers as the count, then the first, then the gaps.
    mutating func documents(_ documents: [UInt32]) {
        varint(UInt64(documents.count))
        var previous: UInt32 = 0
        for (position, document) in documents.enumerated() {
            varint(UInt64(position == 0 ? document : document - previous))
            previous = document
        }
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func error(_ reason: String) -> SearchIndexError { SearchIndexError(offset: offset, reason: reason) }

    mutating func byte() throws(SearchIndexError) -> UInt8 {
        guard offset < bytes.count else { throw error("the data ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func take(_ count: Int) throws(SearchIndexError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw error("the data ends early") }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func varint() throws(SearchIndexError) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            let next = try byte()
            value |= UInt64(next & 0x7F) << UInt64(shift)
            if next < 0x80 { return value }
        }
        throw error("a number is longer than 64 bits")
    }

    /// Steps over `count` varints without decoding them.
    mutating func skipVarints(_ count: Int) throws(SearchIndexError) {
        var left = count, position = offset
        while left > 0 {
            guard position < bytes.count else { throw error("the data ends early") }
            if bytes[position] < 0x80 { left -= 1 }
            position += 1
        }
        offset = position
    }

    /// A count of items that each take at least one byte: never more than the bytes left.
    mutating func count() throws(SearchIndexError) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else { throw error("a count of \(value) is more than the bytes left") }
        return Int(value)
    }

    mutating func string() throws(SearchIndexError) -> String {
        let length = try count()
        let slice = try take(length)
        guard let text = String(validating: slice, as: UTF8.self) else { throw error("a string is not valid UTF-8") }
        return text
    }

    /// A string's bytes, checked to be UTF-8 (ASCII at a glance) but not made a `String`.
    mutating func stringBytes() throws(SearchIndexError) -> ArraySlice<UInt8> {
        let length = try count()
        let slice = try take(length)
        guard slice.allSatisfy({ $0 < 0x80 }) || String(validating: slice, as: UTF8.self) != nil else {
            throw error("a string is not valid UTF-8")
        }
        return slice
    }

    mutating func float() throws(SearchIndexError) -> Float {
        guard bytes.count - offset >= 4 else { throw error("the data ends early") }
        var bits: UInt32 = 0
        for shift in 0..<4 { bits |= UInt32(bytes[offset + shift]) << UInt32(shift * 8) }
        offset += 4
        return Float(bitPattern: bits)
    }

    mutating func double() throws(SearchIndexError) -> Double {
        var bits: UInt64 = 0
        for (shift, byte) in try take(8).enumerated() { bits |= UInt64(byte) << UInt64(shift * 8) }
        return Double(bitPattern: bits)
    }

    /// Strictly ascending document numbers, each below `limit`.
    mutating func documents(below limit: Int) throws(SearchIndexError) -> [UInt32] {
        let total = try count()
        var documents: [UInt32] = []
        documents.reserveCapacity(total)
        var current: UInt64 = 0
        for position in 0..<total {
            let step = try varint()
            guard position == 0 || step > 0 else { throw error("document numbers must ascend") }
            guard step < UInt64(limit), current + step < UInt64(limit) else { throw error("a document number is beyond the \(limit) documents") }
            current += step
            documents.append(UInt32(current))
        }
        return documents
    }

    func expectEnd() throws(SearchIndexError) {
        guard offset == bytes.count else { throw error("\(bytes.count - offset) bytes follow the index") }
    }
}
