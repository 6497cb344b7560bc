import AgendaSyntax

/// The layouts of other municipalities' minutes that the language's own
/// keyword table does not spell: how items, headings, absentees and titles are
/// written. The keyword table (`Keyword`, through `KeywordMatcher`) is asked
/// first; this table adds only what it lacks.
enum ImportPatterns {
    /// What a heading line of the original becomes.
    enum Heading: Equatable {
        /// A section of the language (`resume:`, `indstilling:` …), with the
        /// spelling written (`sagsresume`).
        case section(Keyword, spelling: String)
        /// `afsnit: Heading`, the heading kept word for word.
        case custom
        /// `Beslutning i Byrådet den 12-05-2026`: a decision with who and when.
        case decisionBy
        /// "Lukket punkt" / "Åbent punkt" in front of an item's text.
        case closedItem, openItem
        /// "Tillægsdagsorden": the items below were added to the agenda.
        case supplementaryAgenda
    }

    /// Headings of other municipalities (folded: lowercase), kept as their own
    /// sections with the heading as written.
    static let customHeadings: Set<String> = [
        "anledning", "baggrund", "forventet sagsgang", "sagens gang", "sagens tidligere behandling", "tidligere behandling",
        "lovgrundlag", "retsgrundlag", "lovgivning", "vurdering", "administrationens vurdering", "forvaltningens vurdering",
        "høring", "høringssvar", "tidsplan", "kommunikation og inddragelse", "bemærkninger", "beslutningskompetence",
        "sagsbeskrivelse", "sagsforløb", "problemstilling", "formål", "indhold", "konsekvenser", "økonomiske konsekvenser",
        "bevillingsmæssige konsekvenser", "personalemæssige konsekvenser", "miljømæssige konsekvenser", "klimavurdering",
        "bæredygtighed", "borgerinddragelse", "videre proces", "den videre proces", "opfølgning",
        "supplerende sagsfremstilling", "sagen afgøres af", "kompetence", "fagudvalgets bemærkninger",
        "udtalelse", "udtalelser", "risici",
    ]

    /// Headings that say who recommends (`Direktionens indstilling`): read as `indstilling:`.
    static let recommendationHeadings: Set<String> = [
        "direktionens indstilling", "forvaltningens indstilling", "administrationens indstilling", "indstillinger",
        "borgmesterens indstilling", "direktørens indstilling", "forslag til beslutning", "indstilling til beslutning",
    ]

    /// Headings read as `sagsfremstilling:`.
    static let presentationHeadings: Set<String> = ["sagsfremstilling", "sagsfremstillingen", "sagens indhold"]

    /// Headings read as `bilag:`.
    static let attachmentHeadings: Set<String> = ["bilag", "bilagsliste", "bilagsfortegnelse", "vedlagte bilag", "vedhæftede bilag"]

    static let closedItemHeadings: Set<String> = ["lukket punkt", "lukket sag", "lukket dagsordenspunkt"]
    static let openItemHeadings: Set<String> = ["åbent punkt", "åben sag", "åbent dagsordenspunkt"]
    static let supplementaryHeadings: Set<String> = ["tillægsdagsorden", "tillægsdagsordenspunkt", "tillægspunkt"]

    /// The words that start a decision heading with its body (`Beslutning i Byrådet`,
    /// `Beslutning Økonomiudvalget den 3. maj 2026`, `Udvalgets beslutning`).
    static let decisionPrefixes = ["beslutning i ", "beslutning fra ", "beslutning: ", "beslutning "]

    /// The words that start an item line, folded; the number follows
    /// (`Punkt 11:`, `Pkt. 42`, `Nr.178 -`, `Sag nr. 3`, `Dagsordenspunkt 4`).
    static let itemPrefixes = ["punkt", "pkt.", "pkt", "nr.", "nr", "sag nr.", "dagsordenspunkt", "item"]

    /// What may stand between an item's number and its title.
    static let itemSeparators: Set<Character> = [":", ".", "-", "–", ")"]

    /// Labels of the absent in the header or an item (`Fraværende: X`, `Afbud: X`).
    static let absentLabels = ["fraværende", "afbud", "afbud fra", "fravær", "ikke til stede", "forfald"]

    /// Labels of substitutes (`Stedfortræder: Anna Hansen for Jens Friis Felber`).
    static let substituteLabels = ["stedfortræder", "stedfortrædere", "suppleant", "suppleanter"]

    /// Labels of the participants (besides the keyword table's `deltagere`, `mødedeltagere`).
    static let participantLabels = ["til stede", "tilstede", "medlemmer", "deltagere", "mødedeltagere", "udvalgsmedlemmer"]

    /// Sentences saying someone was absent: `X deltog ikke i mødet.`
    static let absentSentenceEndings = [
        " deltog ikke i mødet", " deltog ikke i behandlingen af punktet", " deltog ikke i behandlingen af sagen",
        " deltog ikke i punktet", " deltog ikke i sagens behandling", " deltog ikke", " var fraværende", " havde meldt afbud",
        " har meldt afbud", " var forhindret",
    ]

    /// Sentence forms of a substitute: `Anna Hansen (A) deltog som stedfortræder for Jens Friis Felber.`
    static let substituteSentenceMarkers = [" deltog som stedfortræder for ", " mødte som stedfortræder for ", " deltog som suppleant for ",
                                            " mødte for "]

    /// The document kind words of a title line, folded, and what `dokument:` says.
    static let documentWords: [(word: String, kind: String)] = [
        ("referat", "referat"), ("beslutningsprotokol", "referat"), ("protokol", "referat"), ("dagsorden", "dagsorden"),
        ("tillægsdagsorden", "dagsorden"), ("mødereferat", "referat"),
    ]

    /// Words between the document kind and the committee in a title line.
    static let titleLinkers = ["af mødet i ", "fra mødet i ", "til mødet i ", "for mødet i ", "af møde i ", "fra møde i ",
                               "til møde i ", "for møde i ", "for ", "fra ", "til ", "- ", "– ", ": "]

    /// Sentences naming the final authority, read as the item's fields.
    static let authoritySentences: [(prefix: String, keyword: Keyword)] = [
        ("Sagen afsluttes i ", .concludedIn), ("Sagen afgøres i ", .decidedIn), ("Sagen afgøres af ", .decidedBy),
    ]

    /// Labels of the meeting's start and end (`Møde start: 09:00`, `Mødet slut 11:15`).
    static let meetingStartLabels = ["møde start", "mødestart", "mødet start", "mødet begyndt", "start:", "starttidspunkt", "mødet startede"]
    static let meetingEndLabels = ["møde slut", "mødeslut", "mødet slut", "mødet sluttede", "mødet hævet", "slut:", "sluttidspunkt"]

    /// Lines that name the contents list.
    static let contentsHeadings: Set<String> = ["indholdsfortegnelse", "indhold", "dagsorden", "punkter på dagsordenen",
                                                 "oversigt over punkter", "indholdsliste"]

    /// Headings of the signature sheet at the end.
    static let signatureHeadings: Set<String> = ["underskrifter", "underskriftsark", "underskriftsside", "underskriftsblad"]
}
