import AgendaRender
import AgendaSearch
import AgendaSemantics

/// The search page's prebuilt index, as small scripts that register themselves
/// (a browser may not fetch files from file://, but it runs scripts):
/// - `soeg/indeks.js`: document count, average length, fields, shard names;
/// - `soeg/t/HEX.js`: the posting lists of every term whose first two letters
///   are HEX (their UTF-8 in hex), loaded only for a query's terms;
/// - `soeg/d/N.js`: the documents N·chunkSize…, loaded only for the hits shown.
/// One document per public item; the terms are `SearchText`'s (the browser's
/// `dansk.js` is its port), so the browser matches as `agendac archive search`.
struct SiteSearchData {
    /// The search index's text fields (`ItemRecord.textFields`, so the browser ranks as
    /// `agendac archive search` does), and the case number, so typing one finds its items.
    static let fields = ItemRecord.textFields + [SearchField(name: "case", weight: 3)]
    /// Frequencies and lengths are kept as whole numbers of half weights (1.5 → 3).
    static let frequencyScale = 2.0
    /// The fields a hit's passage is cut from, in order: decision, sections,
    /// recommendation (the title and the case number stand above it anyway; a
    /// hit on them alone shows the opening of the first of these with text).
    static let passageOrder = [3, 1, 2]
    /// Small, so the hits shown load little beside them.
    static let chunkSize = 25

    struct Document {
        var url: String
        var title: String
        var committee: String
        var date: String
        var caseNumber: String
        var texts: [String]
    }

    let layout: SearchLayout
    private(set) var documents: [Document] = []
    /// term → (document, weighted frequency) in document order
    private var postings: [String: [(UInt32, UInt32)]] = [:]
    private var lengths: [UInt32] = []

    init(_ snapshot: ArchiveSnapshot, layout: SearchLayout = SearchLayout()) {
        self.layout = layout
        let cache = SearchText.TermCache()
        for meeting in snapshot.meetings {
            let page = SitePaths.meeting(meeting.id)
            let anchors = AgendaRenderer.itemAnchors(of: meeting.publicMeeting)
            for (record, anchor) in zip(ItemRecord.records(of: meeting), anchors) {
                let document = Document(
                    url: page + "#" + anchor, title: "\(record.itemNumber). \(record.title)", committee: meeting.committee,
                    date: meeting.date.danishText, caseNumber: record.caseNumber ?? "", texts: record.texts + [record.caseNumber ?? ""])
                add(document, cache: cache)
            }
        }
    }

    mutating func add(_ document: Document, cache: SearchText.TermCache) {
        let number = UInt32(truncatingIfNeeded: documents.count)
        var frequencies: [String: UInt32] = [:]
        var length: UInt32 = 0
        for (field, text) in zip(Self.fields, document.texts) {
            let weight = UInt32((field.weight * Self.frequencyScale).rounded())
            for token in SearchText.tokens(in: text, cache: cache) {
                frequencies[token.term, default: 0] += weight
                if !token.isCompound { length += weight }
            }
        }
        for (term, frequency) in frequencies { postings[term, default: []].append((number, frequency)) }
        documents.append(document)
        lengths.append(max(length, 1))
    }

    /// Every file of the index, shards and documents in order of their names.
    func files() -> [SiteFile] {
        let postings = postings, lengths = lengths, documents = documents
        let encoded = postings.mapValues { Self.encode($0, lengths: lengths) }
        let plan = ShardPlan(encoded, layout: layout)
        var result: [SiteFile] = []
        for (key, terms) in plan.shards.sorted(by: { SitePaths.hex($0.key) < SitePaths.hex($1.key) }) {
            result.append(SiteFile(path: SitePaths.shard(key)) {
                var text = "AgendaSite.shard(\(Self.jsString(SitePaths.hex(key))),{"
                for (index, term) in terms.sorted().enumerated() {
                    text += (index == 0 ? "\n" : ",\n") + Self.jsString(term) + ":\"" + (encoded[term] ?? "") + "\""
                }
                return text + "\n});\n"
            })
        }
        let average = documents.isEmpty ? 0 : lengths.reduce(0.0) { $0 + Double($1) } / Double(documents.count)
        let averageText = Self.number(average)
        // the browser's average: the manifest's, at least 1
        let browserAverage = max(Double(averageText) ?? average, 1)
        for term in plan.termFiles {
            let key = SitePaths.hex(term)
            result.append(SiteFile(path: SitePaths.termFile(term)) {
                "AgendaSite.shard(\(Self.jsString("=" + key)),{\n" + Self.jsString(term) + ":\"" + (encoded[term] ?? "") + "\"\n});\n"
            })
            let headSize = layout.headSize
            result.append(SiteFile(path: SitePaths.termHead(term)) {
                let head = Self.head(postings[term] ?? [], lengths: lengths, average: browserAverage, size: headSize)
                var text = "AgendaSite.head(\(Self.jsString(key)),{\"count\":\(postings[term]?.count ?? 0),\"postings\":\""
                text += Self.encode(numbers: head.postings.flatMap { [$0.document, $0.frequency, $0.length] }) + "\""
                if let next = head.next { text += ",\"next\":[\(next.document),\(next.frequency),\(next.length)]" }
                if let other = head.other { text += ",\"other\":[\(other.frequency),\(other.length)]" }
                // the best documents themselves, so the hits of the term alone need no chunk (a file loaded costs more than its bytes)
                let shown = head.postings.prefix(Self.headDocuments).compactMap { posting in
                    documents.indices.contains(Int(posting.document))
                        ? "\"\(posting.document)\":" + Self.entry(documents[Int(posting.document)]) : nil
                }
                text += ",\"docs\":{\n" + shown.joined(separator: ",\n") + "\n}"
                return text + "});\n"
            })
        }
        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let chunk = start / Self.chunkSize
            result.append(SiteFile(path: SitePaths.documentChunk(chunk)) {
                let entries = documents[start..<min(start + Self.chunkSize, documents.count)].map(Self.entry)
                return "AgendaSite.docs(\(chunk),[\n" + entries.joined(separator: ",\n") + "\n]);\n"
            })
        }
        var manifest = "AgendaSite.manifest({\"documents\":\(documents.count),\"averageLength\":\(averageText),"
        manifest += "\"chunkSize\":\(Self.chunkSize),\"prefixLength\":\(layout.longestPrefix),"
        manifest += "\"frequencyScale\":\(Self.number(Self.frequencyScale)),"
        manifest += "\"passageOrder\":[" + Self.passageOrder.map(String.init).joined(separator: ",") + "],"
        manifest += "\"fields\":[" + Self.fields.map { Self.jsString($0.name) }.joined(separator: ",") + "],"
        manifest += "\"shards\":[" + plan.shards.keys.map(SitePaths.hex).sorted().map(Self.jsString).joined(separator: ",") + "],"
        manifest += "\"terms\":[" + plan.termFiles.map(SitePaths.hex).sorted().map(Self.jsString).joined(separator: ",") + "]});\n"
        result.append(SiteFile(path: SitePaths.searchManifest) { manifest })
        return result
    }

    /// What a hit shows, and the texts its passage is cut from, as the browser reads it.
    static func entry(_ d: Document) -> String {
        "[" + ([d.url, d.title, d.committee, d.date, d.caseNumber].map(Self.jsString)
            + ["[" + d.texts.map(Self.jsString).joined(separator: ",") + "]"]).joined(separator: ",") + "]"
    }

    /// The documents a head carries: the page's 20 hits, and a few for ties.
    static let headDocuments = 24

    struct Posting: Equatable {
        var document: UInt32
        var frequency: UInt32
        var length: UInt32
    }

    /// A long list's best postings for a query of its term alone: the `size` with the
    /// highest BM25 term weight (the browser's formula; equal weights: the later
    /// document first); the best one left out (`next`: the postings left out with its
    /// frequency and length score exactly as it does, and are earlier documents), and
    /// the best left out with another frequency or length (`other`), which bounds the
    /// rest. The browser takes the top hits from the head when nothing left out can
    /// beat its last hit, else it loads the whole list.
    static func head(_ list: [(UInt32, UInt32)], lengths: [UInt32], average: Double, size: Int)
        -> (postings: [Posting], next: Posting?, other: Posting?) {
        let all = list.map { Posting(document: $0.0, frequency: $0.1, length: Int($0.0) < lengths.count ? lengths[Int($0.0)] : 1) }
        func weight(_ p: Posting) -> Double {
            let tf = Double(p.frequency) / frequencyScale
            return tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(p.length) / average))
        }
        let ordered = all.map { ($0, weight($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.document > $1.0.document }
        let head = ordered.prefix(size).map(\.0)
        guard ordered.count > size else { return (head, nil, nil) }
        let next = ordered[size].0
        let other = ordered[size...].first { $0.0.frequency != next.frequency || $0.0.length != next.length }?.0
        return (head, next, other)
    }

    /// BM25's constants, as the browser's `soeg.js` has them.
    static let k1 = 1.2, b = 0.75

    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".unicodeScalars)

    /// (document gap, frequency, document length) per posting, each number in
    /// base-64 digits of 5 bits, lowest first, 32 added to all but the last.
    static func encode(_ list: [(UInt32, UInt32)], lengths: [UInt32]) -> String {
        var out = String.UnicodeScalarView()
        var previous: UInt32 = 0
        for (document, frequency) in list {
            for var value in [document - previous, frequency, Int(document) < lengths.count ? lengths[Int(document)] : 1] {
                while value >= 32 {
                    out.append(digits[Int(32 + (value & 31))])
                    value >>= 5
                }
                out.append(digits[Int(value)])
            }
            previous = document
        }
        return String(out)
    }

    /// Numbers in the same digits as `encode`, one after another.
    static func encode(numbers: [UInt32]) -> String {
        var out = String.UnicodeScalarView()
        for var value in numbers {
            while value >= 32 {
                out.append(digits[Int(32 + (value & 31))])
                value >>= 5
            }
            out.append(digits[Int(value)])
        }
        return String(out)
    }

    /// A JavaScript (and JSON) string literal that is also safe inside HTML.
    static func jsString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number with at most four decimals, the same on every machine.
    static func number(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "0" }
        let whole = Int(scaled)
        let integer = whole / 10_000, fraction = whole % 10_000
        guard fraction != 0 else { return "\(integer)" }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: 4 - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(integer).\(decimals)"
    }
}
