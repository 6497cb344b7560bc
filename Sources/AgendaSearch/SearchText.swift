import AgendaBase

/// One searchable word in a text: the term it is indexed under and where it is
/// (a byte range in the UTF-8 text).
public struct SearchToken: Equatable, Sendable {
    public let term: String
    public let byteRange: Range<Int>
    /// A whole run such as `27.12.00-P20-1-26` or `a-kasser`, indexed beside its parts.
    public let isCompound: Bool
    /// A part of such a run (`p20`, `kasser`).
    public let isPart: Bool
}

/// Danish-aware matching: words are runs of letters, digits and combining marks;
/// runs joined by `-`, `.` or `/` are also one compound token (case numbers).
/// A word is folded (NFC with the Danish letters NFC cannot compose, lowercase,
/// `aa` as `å`), then stemmed unless it holds a digit; stop words are dropped.
public enum SearchText {
    /// Terms already worked out for words as written: indexing meets the same
    /// words again and again, and folding and stemming cost more than a lookup.
    public final class TermCache {
        var terms: [ArraySlice<UInt8>: String?] = [:]
        public init() {}
    }

    public static func tokens(in text: String, cache: TermCache? = nil) -> [SearchToken] {
        var tokens: [SearchToken] = []
        var offset = 0
        var partStart: Int? = nil
        var runStart: Int? = nil
        var parts: [Range<Int>] = []
        var pendingJoiner = false
        let bytes = Array(text.utf8)

        func finishRun(at end: Int) {
            if let start = partStart { parts.append(start..<end) }
            partStart = nil
            if let start = runStart, let last = parts.last {
                let isRun = parts.count > 1
                if isRun, let compound = term(forCompound: bytes[start..<last.upperBound]) {
                    tokens.append(SearchToken(term: compound, byteRange: start..<last.upperBound, isCompound: true, isPart: false))
                }
                for part in parts {
                    if let word = cachedTerm(bytes[part], cache) {
                        tokens.append(SearchToken(term: word, byteRange: part, isCompound: false, isPart: isRun))
                    }
                }
            }
            runStart = nil
            parts.removeAll(keepingCapacity: true)
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if isWordScalar(scalar) {
                if partStart == nil {
                    if runStart == nil { runStart = offset }
                    partStart = offset
                }
                pendingJoiner = false
            } else if isJoiner(scalar), let start = partStart, !pendingJoiner {
                parts.append(start..<offset)
                partStart = nil
                pendingJoiner = true
            } else {
                finishRun(at: offset)
                pendingJoiner = false
            }
            offset += width
        }
        finishRun(at: offset)
        return tokens
    }

    /// NFC, Danish letters NFC cannot compose, lowercase, and `aa` as `å`.
    public static func fold(_ text: String) -> String {
        let lower = TextNormalization.nfc(text).lowercased()
        guard lower.utf8.count > 1, lower.contains("aa") else { return lower }
        return lower.replacingOccurrences(of: "aa", with: "å")
    }

    /// The indexed term of one word; nil for a stop word.
    public static func term(forWord word: String) -> String? {
        let folded = fold(word)
        if folded.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return folded }
        if DanishStemmer.stopWords.contains(folded) { return nil }
        return DanishStemmer.stem(folded)
    }

    static func cachedTerm(_ bytes: ArraySlice<UInt8>, _ cache: TermCache?) -> String? {
        if let cache, let known = cache.terms[bytes] { return known }
        let result = term(forWord: String(decoding: bytes, as: UTF8.self))
        cache?.terms[bytes] = result
        return result
    }

    static func term(forCompound bytes: ArraySlice<UInt8>) -> String? {
        let folded = fold(String(decoding: bytes, as: UTF8.self))
        return folded.isEmpty ? nil : folded
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "." || scalar == "/"
    }
}
