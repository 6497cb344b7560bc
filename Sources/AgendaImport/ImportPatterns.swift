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

    /// What a section label of another layout is read as.
    enum SectionLabel: Equatable {
        /// A section of the language, written with its canonical spelling.
        case keyword(Keyword)
        /// `afsnit: Heading`, the heading kept word for word.
        case custom
    }

    /// Every section label of other municipalities' minutes that the keyword
    /// table does not spell, with its synonyms, in one place (folded:
    /// lowercase, no colon). The recogniser asks the keyword table first
    /// (`Resumé`, `Sagsresume`, `Beslutning` …), then this table. A label read
    /// as `afsnit:` prints as written, so its words come back in the compiled text.
    static let sectionLabels: [String: SectionLabel] = {
        var table: [String: SectionLabel] = [:]
        for (label, synonyms) in sectionSynonyms {
            for synonym in synonyms { table[synonym] = label }
        }
        return table
    }()

    private static let sectionSynonyms: [(SectionLabel, [String])] = [
        (.keyword(.recommendation), ["direktionens indstilling", "forvaltningens indstilling", "administrationens indstilling",
                                     "indstillinger", "borgmesterens indstilling", "direktørens indstilling",
                                     "forslag til beslutning", "indstilling til beslutning"]),
        (.keyword(.presentation), ["sagsfremstilling", "sagsfremstillingen", "sagens indhold"]),
        (.keyword(.attachments), ["bilag", "bilagsliste", "bilagsfortegnelse", "vedlagte bilag", "vedhæftede bilag",
                                  "bilagsoversigt", "bilag til sagen"]),
        (.custom, [
            // why the case is on the agenda
            "anledning", "baggrund", "problemstilling", "formål", "sagens baggrund", "indledning", "resumé og indstilling",
            // what it is about
            "sagsbeskrivelse", "sagsforløb", "indhold", "beskrivelse", "løsning", "løsningsforslag", "forslag",
            "supplerende sagsfremstilling", "tidligere behandling", "sagens tidligere behandling", "forventet sagsgang",
            // the assessment and its grounds
            "lovgrundlag", "retsgrundlag", "lovgivning", "vurdering", "administrationens vurdering", "forvaltningens vurdering",
            "administrationens bemærkninger", "forvaltningens bemærkninger", "bemærkninger", "fagudvalgets bemærkninger",
            "udtalelse", "udtalelser", "risici", "risikovurdering",
            // consequences
            "konsekvenser", "økonomiske konsekvenser", "bevillingsmæssige konsekvenser", "personalemæssige konsekvenser",
            "miljømæssige konsekvenser", "klimavurdering", "klimakonsekvenser", "bæredygtighed", "økonomi og finansiering",
            "finansiering",
            // who is heard and what follows
            "høring", "høringssvar", "borgerinddragelse", "kommunikation og inddragelse", "inddragelse", "tidsplan",
            "videre proces", "den videre proces", "opfølgning", "proces",
            // who decides
            "beslutningskompetence", "kompetence", "sagen afgøres af", "kompetencefordeling",
        ]),
    ]

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
    static let signatureHeadings: Set<String> = ["underskrifter", "underskriftsark", "underskriftsside", "underskriftsblad",
                                                 "underskrift", "underskrevet af"]

    /// The lines above the signers when they approve by click (`Godkendes digitalt af:`): `underskrifter: digital`.
    static let digitalSignatureHeadings: Set<String> = ["godkendt digitalt af", "godkendes digitalt af", "underskrevet digitalt af",
                                                        "underskrives digitalt af", "digital godkendelse"]
}
