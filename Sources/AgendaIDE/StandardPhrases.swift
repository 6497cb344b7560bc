/// The fixed wordings of the genre that completion offers. Snippets use LSP
/// snippet syntax; a placeholder's default (`${1:…}`) is what the plain-text
/// variant inserts.
public enum StandardPhrases {
    public struct Phrase: Hashable, Sendable {
        public var label: String
        public var snippet: String
        public var documentation: String
    }

    /// Points of a recommendation (`indstilling:`), completed where a word starts.
    public static let recommendation: [Phrase] = [
        Phrase(label: "tager orienteringen til efterretning", snippet: "tager orienteringen til efterretning.",
               documentation: "Standardindstilling for en orienteringssag."),
        Phrase(label: "godkender …", snippet: "godkender ${1:…}.", documentation: "Udvalget godkender det, sagen handler om."),
        Phrase(label: "at … godkendes", snippet: "at ${1:…} godkendes.", documentation: "Indstillingspunkt i at-form."),
        Phrase(label: "drøfter …", snippet: "drøfter ${1:…}.", documentation: "Sagen lægges op til drøftelse."),
        Phrase(label: "anbefaler Byrådet at godkende …", snippet: "anbefaler Byrådet at godkende ${1:…}.",
               documentation: "Udvalget indstiller sagen videre til Byrådet."),
    ]

    /// Who recommends, on the `indstilling:` line.
    public static let recommendationIntro: [Phrase] = [
        Phrase(label: "Direktionen indstiller, at", snippet: "Direktionen indstiller, at", documentation: "Den almindelige indledning."),
        Phrase(label: "Administrationen indstiller, at", snippet: "Administrationen indstiller, at", documentation: "Indstilling fra administrationen."),
        Phrase(label: "Borgmesteren indstiller, at", snippet: "Borgmesteren indstiller, at", documentation: "Indstilling fra borgmesteren."),
    ]

    /// Decision texts (`beslutning:`), completed from the start of the line.
    public static let decision: [Phrase] = [
        Phrase(label: "Indstillingen er tiltrådt.", snippet: "Indstillingen er tiltrådt.", documentation: "Udvalget fulgte indstillingen."),
        Phrase(label: "Orienteringen er taget til efterretning.", snippet: "Orienteringen er taget til efterretning.",
               documentation: "En orienteringssag er modtaget."),
        Phrase(label: "Godkendt.", snippet: "Godkendt.", documentation: "Sagen er godkendt."),
        Phrase(label: "Drøftet.", snippet: "Drøftet.", documentation: "Sagen er drøftet uden beslutning i øvrigt."),
        Phrase(label: "Taget til efterretning.", snippet: "Taget til efterretning.", documentation: "Sagen er taget til efterretning."),
    ]

    /// Outcomes of a recommendation point (`udfald N:`) and of earlier treatments.
    public static let outcomes: [String] = ["tiltrådt", "godkendt", "forkastet", "taget til efterretning", "drøftet", "udsat"]

    /// The snippet with every placeholder replaced by its default and tab stops removed:
    /// `godkender ${1:…}.` → `godkender ….`. `\$`, `\}` and `\\` escapes are resolved.
    public static func plainText(fromSnippet snippet: String) -> String {
        var input = Array(snippet)[...]
        return readPlain(&input, insidePlaceholder: false)
    }

    private static func readPlain(_ input: inout ArraySlice<Character>, insidePlaceholder: Bool) -> String {
        var output = ""
        while let character = input.popFirst() {
            switch character {
            case "\\":
                if let escaped = input.popFirst() { output.append(escaped) }
            case "}" where insidePlaceholder:
                return output
            case "$" where input.first == "{":
                // `${N:default}` or `${N}`: keep the default (placeholders may nest)
                input.removeFirst()
                while input.first?.isNumber == true { input.removeFirst() }
                if input.first == ":" { input.removeFirst() }
                output += readPlain(&input, insidePlaceholder: true)
            case "$" where input.first?.isNumber == true:
                while input.first?.isNumber == true { input.removeFirst() }
            default:
                output.append(character)
            }
        }
        return output
    }

    /// Text made safe to stand literally in a snippet.
    public static func escapedForSnippet(_ text: String) -> String {
        var output = ""
        for character in text {
            if character == "$" || character == "}" || character == "\\" { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
