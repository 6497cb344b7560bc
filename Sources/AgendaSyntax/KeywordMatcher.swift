import AgendaBase
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation
#endif

/// Recognises keywords at the start of a line, case-insensitively and after
/// Unicode NFC normalisation, working on bytes so that prose lines cost almost
/// nothing.
public enum KeywordMatcher {
    /// Folded (NFC, lowercase) UTF-8 spelling → keyword.
    static let table: [[UInt8]: Keyword] = {
        var table: [[UInt8]: Keyword] = [:]
        for keyword in Keyword.allCases {
            for spelling in keyword.spellings { table[fold(Array(spelling.utf8))] = keyword }
            for variant in keyword.variants { table[fold(Array(variant.written.utf8))] = keyword }
        }
        return table
    }()

    /// Folded spelling or variant as written → the table spelling it stands for (`resumé` → `resume`).
    static let tableSpellings: [[UInt8]: String] = {
        var spellings: [[UInt8]: String] = [:]
        for keyword in Keyword.allCases {
            for spelling in keyword.spellings { spellings[fold(Array(spelling.utf8))] = spelling }
            for variant in keyword.variants { spellings[fold(Array(variant.written.utf8))] = variant.spelling }
        }
        return spellings
    }()

    /// The table's spelling for a keyword as written, in any case (`Resumé` → `resume`,
    /// `SAGSNUMMER` → `sagsnummer`); nil when it is not a keyword.
    public static func spelling(written: some Collection<UInt8>) -> String? {
        tableSpellings[fold(written)]
    }

    /// The longest spelling in bytes; longer prefixes cannot be keywords.
    static let longestSpelling: Int = table.keys.map(\.count).max() ?? 0

    /// All spellings (folded), for near-miss detection; variants are left out, so a
    /// suggestion is always a spelling of the table.
    static let spellings: [([UInt8], Keyword)] = Keyword.allCases.flatMap { keyword in
        keyword.spellings.map { (fold(Array($0.utf8)), keyword) }
    }.sorted { $0.0.lexicographicallyPrecedes($1.0) }

    /// Lowercases and NFC-normalises. ASCII and the Danish letters take a fast path.
    public static func fold(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var slow = false
        while let byte = iterator.next() {
            if byte < 0x80 {
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else if byte == 0xC3, let next = iterator.next() {
                out.append(0xC3)
                // À..Þ (except ×) fold to à..þ by adding 0x20 to the second byte
                out.append(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next)
            } else {
                slow = true
                break
            }
        }
        if !slow { return out }
        let string = String(decoding: Array(bytes), as: UTF8.self)
        return Array(TextNormalization.nfc(string).lowercased().utf8)
    }

    /// Spellings by byte length, for matching without allocating or hashing.
    static let byLength: [[([UInt8], Keyword)]] = {
        var buckets = Array(repeating: [([UInt8], Keyword)](), count: longestSpelling + 1)
        for (spelling, keyword) in table { buckets[spelling.count].append((spelling, keyword)) }
        return buckets
    }()

    /// The keyword spelt by `bytes[range]`, ignoring case. Runs for every line
    /// that might start with a keyword, so ASCII and the Danish letters are
    /// folded on the fly; anything else takes the general (NFC) path.
    public static func match(_ bytes: [UInt8], _ range: Range<Int>) -> Keyword? {
        let length = range.count
        guard length > 0, length < byLength.count else { return nil }
        let candidates = byLength[length]
        var needsGeneralPath = false
        let found: Keyword? = bytes.withUnsafeBufferPointer { buffer in
            candidateLoop: for (spelling, keyword) in candidates {
                var afterC3 = false
                for offset in 0..<length {
                    var byte = buffer[range.lowerBound + offset]
                    if byte >= 0x41 && byte <= 0x5A {
                        byte += 0x20
                    } else if afterC3 {
                        if byte >= 0x80 && byte <= 0x9E && byte != 0x97 { byte += 0x20 }
                    } else if byte >= 0x80 && byte != 0xC3 {
                        needsGeneralPath = true
                        return nil
                    }
                    afterC3 = byte == 0xC3
                    if byte != spelling[offset] { continue candidateLoop }
                }
                return keyword
            }
            return nil
        }
        if needsGeneralPath { return table[fold(bytes[range])] }
        return found
    }

    /// Looks up an exact folded spelling.
    public static func keyword(folded: [UInt8]) -> Keyword? { table[folded] }

    /// Looks up a spelling as written.
    public static func keyword(named name: String) -> Keyword? {
        table[fold(Array(name.trimmedSpaces.utf8))]
    }

    /// The closest keyword spelling within edit distance 2 (for misspelt keywords), if any.
    static func nearMiss(_ folded: [UInt8]) -> (spelling: String, keyword: Keyword)? {
        guard folded.count >= 4, folded.count <= longestSpelling + 2 else { return nil }
        var best: (Int, [UInt8], Keyword)?
        for (spelling, keyword) in spellings where spelling.count >= 5 && abs(spelling.count - folded.count) <= 2 {
            let distance = EditDistance.between(folded, spelling, limit: 2)
            if distance > 0, distance <= 2, distance < (best?.0 ?? 3) { best = (distance, spelling, keyword) }
        }
        guard let best else { return nil }
        return (String(decoding: best.1, as: UTF8.self), best.2)
    }
}
