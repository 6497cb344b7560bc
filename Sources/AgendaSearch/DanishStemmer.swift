/// The Snowball Danish stemmer (snowballstem.org/algorithms/danish), written here
/// from the published description: mark R1, then from the end of the word the
/// main suffix, a consonant pair, the other suffixes, and a doubled consonant.
/// It expects a lowercased word; PostgreSQL's `danish_stem` gives the same stems
/// (`DanishStemmerTests`, `Tests/search/postgres.sh`).
public enum DanishStemmer {
    public static func stem(_ word: String) -> String {
        var letters = Array(word.unicodeScalars)
        let r1 = regionOne(letters)
        removeMainSuffix(&letters, r1: r1)
        removeConsonantPair(&letters, r1: r1)
        removeOtherSuffix(&letters, r1: r1)
        undouble(&letters, r1: r1)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: letters)
        return String(result)
    }

    /// The Danish stop words of the Snowball project, as PostgreSQL's `danish`
    /// configuration drops them (ts_lexize gives no lexeme for them).
    public static let stopWords: Set<String> = [
        "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af",
        "for", "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham",
        "hun", "nu", "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor",
        "eller", "hvad", "skal", "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være",
        "dog", "noget", "ville", "jo", "deres", "efter", "ned", "skulle", "denne", "end", "dette", "mit",
        "også", "under", "have", "dig", "anden", "hende", "mine", "alt", "meget", "sit", "sine", "vor",
        "mod", "disse", "hvis", "din", "nogle", "hos", "blive", "mange", "ad", "bliver", "hendes",
        "været", "thi", "jer", "sådan",
    ]

    static func isVowel(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "e", "i", "o", "u", "y", "æ", "å", "ø": return true
        default: return false
        }
    }

    static func isConsonant(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "w", "x", "z": return true
        default: return false
        }
    }

    /// Letters that may stand before a final `s` that is removed.
    static func isValidSEnding(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "r", "t", "v", "y", "z", "å": return true
        default: return false
        }
    }

    /// R1 starts after the first non-vowel that follows a vowel, but never before
    /// the fourth letter; it is empty (the word's length) when there is no such letter.
    static func regionOne(_ w: [Unicode.Scalar]) -> Int {
        guard w.count >= 3 else { return w.count }
        var index = 0
        while index < w.count, !isVowel(w[index]) { index += 1 }
        index += 1
        while index < w.count, isVowel(w[index]) { index += 1 }
        guard index < w.count else { return w.count }
        return max(index + 1, 3)
    }

    static let mainSuffixes: [[Unicode.Scalar]] = [
        "hed", "ethed", "ered", "e", "erede", "ende", "erende", "ene", "erne", "ere", "en", "heden",
        "eren", "er", "heder", "erer", "heds", "es", "endes", "erendes", "enes", "ernes", "eres",
        "ens", "hedens", "erens", "ers", "ets", "erets", "et", "eret", "s",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    static let otherSuffixes: [[Unicode.Scalar]] = ["elig", "løst", "lig", "els", "ig"].map { Array($0.unicodeScalars) }

    static let consonantPairs: [[Unicode.Scalar]] = ["gd", "dt", "gt", "kt"].map { Array($0.unicodeScalars) }

    /// The longest of `suffixes` (sorted longest first) that ends the word and lies wholly in R1.
    static func longestSuffix(in w: [Unicode.Scalar], r1: Int, among suffixes: [[Unicode.Scalar]]) -> [Unicode.Scalar]? {
        for suffix in suffixes where w.count - suffix.count >= r1 && w.count >= suffix.count {
            if w[(w.count - suffix.count)...].elementsEqual(suffix) { return suffix }
        }
        return nil
    }

    static func hasSuffix(_ w: [Unicode.Scalar], _ suffix: String) -> Bool {
        let tail = Array(suffix.unicodeScalars)
        return w.count >= tail.count && w[(w.count - tail.count)...].elementsEqual(tail)
    }

    static func removeMainSuffix(_ w: inout [Unicode.Scalar], r1: Int) {
        guard let suffix = longestSuffix(in: w, r1: r1, among: mainSuffixes) else { return }
        if suffix == ["s"] {
            // the letter before the s need not be in R1
            guard w.count >= 2, isValidSEnding(w[w.count - 2]) else { return }
        }
        w.removeLast(suffix.count)
    }

    /// gd, dt, gt or kt at the end, in R1: drop the last letter.
    static func removeConsonantPair(_ w: inout [Unicode.Scalar], r1: Int) {
        if longestSuffix(in: w, r1: r1, among: consonantPairs) != nil { w.removeLast() }
    }

    static func removeOtherSuffix(_ w: inout [Unicode.Scalar], r1: Int) {
        if hasSuffix(w, "igst") { w.removeLast(2) }
        guard let suffix = longestSuffix(in: w, r1: r1, among: otherSuffixes) else { return }
        if suffix == Array("løst".unicodeScalars) {
            w.removeLast()
        } else {
            w.removeLast(suffix.count)
            removeConsonantPair(&w, r1: r1)
        }
    }

    /// A doubled consonant whose last letter is in R1 loses one letter.
    static func undouble(_ w: inout [Unicode.Scalar], r1: Int) {
        guard w.count >= 2, w.count - 1 >= r1 else { return }
        let last = w[w.count - 1]
        if isConsonant(last), w[w.count - 2] == last { w.removeLast() }
    }
}
