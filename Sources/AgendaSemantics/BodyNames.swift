/// How the name of a deciding body ends (`Økonomiudvalget`, `Byrådet`,
/// `Kommunalbestyrelsen`): the one table `beslutning: …` is read against,
/// besides the meeting's committee and the committees in the settings.
public enum BodyNames {
    public static let endings: [String] = [
        "udvalget", "udvalg", "byrådet", "byråd", "kommunalbestyrelsen", "kommunalbestyrelse", "regionsrådet",
        "borgerrepræsentationen", "magistraten", "rådet", "bestyrelsen", "nævnet", "direktionen", "forvaltningen",
        "committee", "council", "board",
    ]

    /// Words that may stand in a body's name in small letters: `Beskæftigelses- og Integrationsudvalget`.
    public static let joiningWords: Set<String> = ["og", "for", "i", "af", "&", "-", "and", "of"]

    /// Whether every word is capitalised or a joining word, as in a proper name
    /// (so `Sagen sendes til Byrådet` is a sentence, not a body).
    public static func looksLikeName(_ value: String) -> Bool {
        let words = value.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { word in
            joiningWords.contains(word.lowercased()) || word.first.map { $0.isUppercase || $0.isNumber } == true
        }
    }

    /// A proper name whose last word ends like a body's.
    public static func isBodyLike(_ value: String) -> Bool {
        guard looksLikeName(value), let last = value.split(separator: " ").last?.lowercased() else { return false }
        return endings.contains { last.hasSuffix($0) }
    }
}
