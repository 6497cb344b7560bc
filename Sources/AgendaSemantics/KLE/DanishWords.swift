import AgendaBase

/// Words of Danish text, folded for matching: NFC, lower case (æ ø å kept,
/// decomposed `ø` composed), and stripped of common inflection endings so that
/// `skolen`, `skoler` and `skolerne` meet `skole`.
public enum DanishWords {
    /// The folded stems of the words of `text`, in order.
    public static func stems(_ text: String) -> [String] {
        words(text).map(stem)
    }

    /// Runs of letters and digits, lower-cased.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in TextNormalization.nfc(text).lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Inflection endings, longest first (definite and plural forms, genitive `s`).
    static let endings = ["ernes", "erne", "enes", "ene", "ens", "ets", "ers", "er", "en", "et", "ne", "e", "s"]

    /// `beskæftigelsesindsatsen` → `beskæftigelsesindsats`; a stem keeps at least four letters (`andet` stays).
    public static func stem(_ word: String) -> String {
        let count = word.count
        for ending in endings where count - ending.count >= 4 && word.hasSuffix(ending) {
            return String(word.dropLast(ending.count))
        }
        return word
    }

    /// Words that say nothing about a subject.
    public static let stopStems: Set<String> = Set([
        "af", "og", "i", "til", "for", "med", "på", "om", "den", "det", "de", "en", "et", "at", "er", "som", "fra",
        "mv", "m", "v", "eller", "ved", "under", "efter", "mod", "samt", "almindelighed", "sag", "vedr",
    ].map(stem))
}
