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
    static let prefixLength = 2
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

    private(set) var documents: [Document] = []
    /// term → (document, weighted frequency) in document order
    private var postings: [String: [(UInt32, UInt32)]] = [:]
    private var lengths: [UInt32] = []

    init(_ snapshot: ArchiveSnapshot) {
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
        var shards: [String: [String]] = [:]
        for term in postings.keys { shards[shardKey(term), default: []].append(term) }
        var result: [SiteFile] = []
        let postings = postings, lengths = lengths, documents = documents
        for key in shards.keys.sorted(by: { SitePaths.hex($0) < SitePaths.hex($1) }) {
            let terms = (shards[key] ?? []).sorted()
            result.append(SiteFile(path: SitePaths.shard(key)) {
                var text = "AgendaSite.shard(\(Self.jsString(SitePaths.hex(key))),{"
                for (index, term) in terms.enumerated() {
                    text += (index == 0 ? "\n" : ",\n") + Self.jsString(term) + ":\"" + Self.encode(postings[term] ?? [], lengths: lengths) + "\""
                }
                return text + "\n});\n"
            })
        }
        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let chunk = start / Self.chunkSize
            result.append(SiteFile(path: SitePaths.documentChunk(chunk)) {
                let entries = documents[start..<min(start + Self.chunkSize, documents.count)].map { d in
                    "[" + ([d.url, d.title, d.committee, d.date, d.caseNumber].map(Self.jsString)
                        + ["[" + d.texts.map(Self.jsString).joined(separator: ",") + "]"]).joined(separator: ",") + "]"
                }
                return "AgendaSite.docs(\(chunk),[\n" + entries.joined(separator: ",\n") + "\n]);\n"
            })
        }
        let total = lengths.reduce(0.0) { $0 + Double($1) }
        let average = documents.isEmpty ? 0 : total / Double(documents.count)
        var manifest = "AgendaSite.manifest({\"documents\":\(documents.count),\"averageLength\":\(Self.number(average)),"
        manifest += "\"chunkSize\":\(Self.chunkSize),\"prefixLength\":\(Self.prefixLength),"
        manifest += "\"frequencyScale\":\(Self.number(Self.frequencyScale)),"
        manifest += "\"passageOrder\":[" + Self.passageOrder.map(String.init).joined(separator: ",") + "],"
        manifest += "\"fields\":[" + Self.fields.map { Self.jsString($0.name) }.joined(separator: ",") + "],"
        manifest += "\"shards\":[" + shards.keys.map(SitePaths.hex).sorted().map(Self.jsString).joined(separator: ",") + "]});\n"
        result.append(SiteFile(path: SitePaths.searchManifest) { manifest })
        return result
    }

    func shardKey(_ term: String) -> String {
        var key = String.UnicodeScalarView()
        key.append(contentsOf: term.unicodeScalars.prefix(Self.prefixLength))
        return String(key)
    }

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
