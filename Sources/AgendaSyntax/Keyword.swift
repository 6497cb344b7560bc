import AgendaBase

/// Where a keyword line may stand.
public enum KeywordPlace: Sendable, Hashable {
    /// Before the first `punkt`: the meeting's own fields.
    case meeting
    /// Inside an item, outside any section body's nested lines.
    case item
    /// Inside the body of a prose section (sub-headings).
    case section
    /// Inside the body of `beslutning:`.
    case decision
    /// Anywhere (starts a new item or the signature sheet).
    case anywhere
}

/// What a keyword line does to the document's structure.
public enum KeywordRole: Sendable, Hashable {
    /// `name: value` on one line (list lines may follow, e.g. participants).
    case field
    /// A bare word on its own line (`lukket`).
    case flag
    /// Opens a section whose body runs to the next keyword line.
    case section
    /// `punkt N: title`.
    case itemStart
    /// `overskrift: …` or `underoverskrift: …` inside a section.
    case heading
    /// A field of the decision (`flertal:`), whose statement follows below it.
    case decisionField
    /// `underskrifter:`, the signature sheet after the last item.
    case signatures
}

/// Every keyword of the language. This enum is the one table of keywords:
/// the parser, the checker, completion, hover, the formatter, the grammar
/// tests and the docs all read it.
public enum Keyword: String, CaseIterable, Sendable {
    // The meeting.
    case committee, municipality, documentKind, date, time, place, participants, absent, substitutes
    // Items.
    case item, caseNumber, closed, noDecision, distribution, caseworker, otherCaseworkers, duration
    case concludedIn, decidedIn, decidedBy, conflictOfInterest
    // What the public minutes say of a closed item.
    case publicTitle, confidentialDecision
    // Sections.
    case summary, presentation, economy, procedure, recommendation, decision, history, attachments, customSection
    case publicDecision
    case heading, subheading
    // The decision.
    case majority, minority, substitute, noteForTheRecord, outcome
    // Votes inside the decision.
    case vote, votesFor, votesAgainst, abstained
    // The end of the document.
    case signatures

    /// Danish spellings, the first one canonical (the one `fmt` and completion write).
    public var danish: [String] {
        switch self {
        case .committee: ["møde", "udvalg"]
        case .municipality: ["kommune"]
        case .documentKind: ["dokument"]
        case .date: ["dato"]
        case .time: ["tid"]
        case .place: ["sted"]
        case .participants: ["deltagere"]
        case .absent: ["fraværende"]
        case .substitutes: ["stedfortrædere"]
        case .item: ["punkt"]
        case .caseNumber: ["sagsnr", "sagsnummer"]
        case .closed: ["lukket"]
        case .noDecision: ["uden beslutning"]
        case .distribution: ["kommunikation", "fordeling"]
        case .caseworker: ["sagsbehandler"]
        case .otherCaseworkers: ["øvrige sagsbehandlere"]
        case .duration: ["varighed"]
        case .concludedIn: ["afsluttes i"]
        case .decidedIn: ["afgøres i"]
        case .decidedBy: ["afgøres af"]
        case .conflictOfInterest: ["inhabil", "inhabilitet"]
        case .publicTitle: ["offentlig titel"]
        case .confidentialDecision: ["fortrolig beslutning"]
        case .summary: ["resume", "sagsresume"]
        case .presentation: ["sagsfremstilling"]
        case .economy: ["økonomi", "økonomiske forhold"]
        case .procedure: ["procedure"]
        case .recommendation: ["indstilling"]
        case .decision: ["beslutning"]
        case .history: ["sagens gang"]
        case .attachments: ["bilag"]
        case .customSection: ["afsnit"]
        case .publicDecision: ["offentlig beslutning"]
        case .heading: ["overskrift"]
        case .subheading: ["underoverskrift"]
        case .majority: ["flertal"]
        case .minority: ["mindretal"]
        case .substitute: ["stedfortræder"]
        case .noteForTheRecord: ["protokolbemærkning"]
        case .outcome: ["udfald"]
        case .vote: ["afstemning"]
        case .votesFor: ["for", "for stemte"]
        case .votesAgainst: ["imod", "imod stemte"]
        case .abstained: ["undlod at stemme", "hverken for eller imod"]
        case .signatures: ["underskrifter"]
        }
    }

    /// English aliases.
    public var english: [String] {
        switch self {
        case .committee: ["meeting", "committee"]
        case .municipality: ["municipality"]
        case .documentKind: ["document"]
        case .date: ["date"]
        case .time: ["time"]
        case .place: ["place"]
        case .participants: ["participants"]
        case .absent: ["absent"]
        case .substitutes: ["substitutes"]
        case .item: ["item"]
        case .caseNumber: ["case"]
        case .closed: ["closed"]
        case .noDecision: ["no decision"]
        case .distribution: ["distribution"]
        case .caseworker: ["caseworker"]
        case .otherCaseworkers: ["other caseworkers"]
        case .duration: ["duration"]
        case .concludedIn: ["concluded in"]
        case .decidedIn: ["decided in"]
        case .decidedBy: ["decided by"]
        case .conflictOfInterest: ["conflict of interest"]
        case .publicTitle: ["public title"]
        case .confidentialDecision: ["confidential decision"]
        case .summary: ["summary"]
        case .presentation: ["presentation"]
        case .economy: ["economy"]
        case .procedure: []  // the same word in both languages
        case .recommendation: ["recommendation"]
        case .decision: ["decision"]
        case .history: ["history"]
        case .attachments: ["attachments"]
        case .customSection: ["section"]
        case .publicDecision: ["public decision"]
        case .heading: ["heading"]
        case .subheading: ["subheading"]
        case .majority: ["majority"]
        case .minority: ["minority"]
        case .substitute: ["substitute"]
        case .noteForTheRecord: ["note for the record"]
        case .outcome: ["outcome"]
        case .vote: ["vote"]
        case .votesFor: ["in favour", "in favor"]
        case .votesAgainst: ["against"]
        case .abstained: ["abstained", "abstaining"]
        case .signatures: ["signatures"]
        }
    }

    public var spellings: [String] { danish + english }

    /// Other ways secretaries write the keyword: accents, plurals and the labels of
    /// printed minutes. Each is read as the spelling it names (`Resumé:` as
    /// `resume:`), and `fmt` writes that spelling; completion offers only `spellings`.
    public var variants: [(written: String, spelling: String)] {
        switch self {
        case .summary: [("resumé", "resume"), ("sagsresumé", "sagsresume")]
        case .recommendation: [("indstillinger", "indstilling")]
        case .decision: [("beslutninger", "beslutning")]
        case .caseNumber: [("sagsnr.", "sagsnr")]
        case .date: [("mødedato", "dato")]
        case .time: [("mødetidspunkt", "tid")]
        case .place: [("mødested", "sted")]
        case .participants: [("mødedeltagere", "deltagere")]
        case .noteForTheRecord: [("protokolbemærkninger", "protokolbemærkning")]
        default: []
        }
    }

    /// The spelling `fmt` and completion write.
    public var canonical: String { danish[0] }

    public var role: KeywordRole {
        switch self {
        case .item: .itemStart
        case .closed, .noDecision, .confidentialDecision: .flag
        case .summary, .presentation, .economy, .procedure, .recommendation, .decision, .history, .attachments,
            .customSection, .publicDecision:
            .section
        case .heading, .subheading: .heading
        case .majority, .minority, .substitute, .noteForTheRecord, .outcome, .vote, .votesFor, .votesAgainst, .abstained:
            .decisionField
        case .signatures: .signatures
        default: .field
        }
    }

    /// The places where the keyword may stand (`.anywhere` for those allowed in every place),
    /// derived from `isAllowed(in:)` so the two can never disagree.
    public var places: Set<KeywordPlace> {
        let specific: [KeywordPlace] = [.meeting, .item, .section, .decision]
        let allowed = specific.filter { isAllowed(in: $0) }
        return allowed.count == specific.count ? [.anywhere] : Set(allowed)
    }

    /// Whether the keyword may stand at `place` (the same facts as `places`,
    /// without building a set: the parser asks this for every keyword line).
    public func isAllowed(in place: KeywordPlace) -> Bool {
        switch self {
        case .committee, .municipality, .documentKind, .date, .time, .place, .participants, .substitutes: place == .meeting
        case .absent: place == .meeting || place == .item || place == .decision
        case .conflictOfInterest: place == .item || place == .decision
        case .item, .signatures: true  // `.anywhere`
        case .heading, .subheading: place == .section || place == .decision
        case .majority, .minority, .substitute, .noteForTheRecord, .outcome, .vote, .votesFor, .votesAgainst, .abstained:
            place == .decision
        default: place == .item
        }
    }

    /// Whether the keyword carries a number before its colon (`punkt 3:`, `udfald 2:`).
    public var takesNumber: Bool { self == .item || self == .outcome }

    /// Whether the lines below this decision field are its text (a position's
    /// statement, a note, a vote's proposal or a side's reasons, the reason for
    /// `inhabil:`); below the other decision fields text is the decision's again.
    public var takesText: Bool {
        self == .majority || self == .minority || self == .noteForTheRecord || self == .vote || isVoteSide || self == .conflictOfInterest
    }

    /// Whether the keyword may stand inside `beslutning:` among the decision's
    /// own fields (its lines then belong to the decision, not to the item).
    public var nestsInDecision: Bool { role == .decisionField || self == .absent || self == .conflictOfInterest }

    /// One side of a vote (`for:`, `imod:`, `undlod at stemme:`).
    public var isVoteSide: Bool { self == .votesFor || self == .votesAgainst || self == .abstained }

    /// Whether the keyword says what the public minutes show of a closed item
    /// (it belongs only on an item marked `lukket`).
    public var isClosedItemPublication: Bool { self == .publicTitle || self == .publicDecision || self == .confidentialDecision }

    /// The level of a sub-heading inside a section: 1 for `overskrift:`, 2 for
    /// `underoverskrift:` (printed one step below); nil for other keywords.
    public var headingLevel: Int? {
        switch self {
        case .heading: 1
        case .subheading: 2
        default: nil
        }
    }

    /// Whether the keyword may carry a count in parentheses before its colon (`Bilag (3):`).
    public var takesCount: Bool { self == .attachments }

    /// Other ways of writing a flag that withholds content from public versions:
    /// inflections, compounds and synonyms. Alone on a line inside an item (noise
    /// and a small misspelling aside), any of them, or the flag's own spelling
    /// not read as the keyword, still withholds and is reported (AG425), so that
    /// a mistyped flag never publishes. Attachments use `withheldAttachmentWords`.
    public var failSafeForms: [String] {
        switch self {
        case .closed:
            ["lukkede", "lukke", "lukkes", "lukket punkt", "lukket møde", "lukket sag", "lukket del", "lukket behandling",
             "lukkede punkt", "lukket dagsorden", "punktet er lukket", "behandles lukket", "ikke offentlig", "ikke offentligt",
             "fortrolig", "fortroligt", "hemmelig", "closed item", "closed session", "closed meeting", "not public", "confidential"]
        case .confidentialDecision:
            ["fortrolige beslutning", "fortroligt beslutning", "fortrolig beslutningen", "beslutningen er fortrolig",
             "beslutning fortrolig", "confidential decision"]
        default: []
        }
    }

    /// Flags whose near misses withhold content (`failSafeForms`).
    public static let withholdingFlags: [Keyword] = [.closed, .confidentialDecision]

    /// The words in an attachment's parentheses that keep it out of public versions.
    public static let withheldAttachmentWords = ["ikke offentlig", "lukket", "not public", "closed", "fortrolig"]

    /// Whether a field's value is a list of people (one a line may follow below it).
    public var takesPeople: Bool { self == .participants || self == .absent || self == .substitutes }

    /// Whether the body below the keyword is read one line at a time (people,
    /// attachments, earlier treatments, signers): a keyword line inside it is
    /// read as such a line, word for word, so `fmt` leaves it as written.
    public var readsBodyByLine: Bool { takesPeople || self == .attachments || self == .history || self == .signatures }

    /// The Danish heading printed for a section, when written with this keyword's canonical or English spelling.
    public var label: String {
        switch self {
        case .summary: "Resume"
        case .presentation: "Sagsfremstilling"
        case .economy: "Økonomi"
        case .procedure: "Procedure"
        case .recommendation: "Indstilling"
        case .decision: "Beslutning"
        case .history: "Sagens gang"
        case .attachments: "Bilag"
        case .participants: "Mødedeltagere"
        case .absent: "Fraværende"
        case .substitutes: "Stedfortrædere"
        case .distribution: "Kommunikation"
        case .caseworker: "Sagsbehandler"
        case .otherCaseworkers: "Øvrige sagsbehandlere"
        case .duration: "Varighed"
        case .signatures: "Underskrifter"
        case .noteForTheRecord: "Protokolbemærkning"
        case .conflictOfInterest: "Inhabil"
        case .vote: "Afstemning"
        case .votesFor: "For"
        case .votesAgainst: "Imod"
        case .abstained: "Undlod at stemme"
        case .date: "Mødedato"
        case .place: "Mødested"
        default: canonical.prefix(1).uppercased() + canonical.dropFirst()
        }
    }

    /// One line for completion and hover, in Danish, as secretaries read it.
    public var documentation: String {
        switch self {
        case .committee: "Udvalget der holder mødet (meeting/committee)."
        case .municipality: "Kommunens navn."
        case .documentKind: "`dagsorden` før mødet, `referat` efter (agenda/minutes)."
        case .date: "Mødedatoen, fx 2026-05-04 eller 4. maj 2026. Ugedagen udledes af datoen."
        case .time: "Mødetidspunkt, fx 15:00 eller 15:00-17:30."
        case .place: "Mødested."
        case .participants: "Mødedeltagere: Navn (Parti), adskilt af komma eller én pr. linje med `- `."
        case .absent: "Fraværende medlemmer (for mødet, eller for punktet når det står i et punkt)."
        case .substitutes: "Stedfortrædere: `Navn (Parti) for Navn`."
        case .item: "Starter et dagsordenspunkt: `punkt 3: Titel`."
        case .caseNumber: "Sagsnummer: KLE `15.00.00-A00-9-26` eller `21/24526`."
        case .closed: "Lukket punkt: kun den offentlige titel og den offentlige beslutning kommer med i offentlige udgaver."
        case .noDecision: "Punktet har af natur ingen beslutning (fx Eventuelt)."
        case .distribution: "Fordelingskoder, fx `DIR(x) BFU SOS`; `(x)` markerer en kode."
        case .caseworker: "Sagsbehandler."
        case .otherCaseworkers: "Øvrige sagsbehandlere."
        case .duration: "Forventet varighed, fx 30 min."
        case .concludedIn: "Sagen afsluttes i … (det udvalg der afslutter sagen)."
        case .decidedIn: "Sagen afgøres i … (det udvalg der afgør sagen)."
        case .decidedBy: "Sagen afgøres af … (fx Byrådet)."
        case .conflictOfInterest:
            "Inhabil: hvem (`Navn (Parti)`); begrundelsen står nedenunder. Personen regnes som fraværende ved punktets afstemninger."
        case .publicTitle: "Lukket punkt: titlen i den offentlige udgave, fx `Køb af ejendom` (uden adresse)."
        case .confidentialDecision: "Lukket punkt: selve beslutningen er fortrolig og offentliggøres ikke."
        case .summary: "Resume af sagen."
        case .presentation: "Sagsfremstilling: baggrund, med underoverskrifter, lister og tabeller."
        case .economy: "Økonomiske forhold."
        case .procedure: "Procedure: sagens videre behandling."
        case .recommendation: "Indstilling: hvem der indstiller, derefter punkterne (`1.`, `-` eller `at …`)."
        case .decision: "Beslutning: evt. `Udvalg, dato` på linjen, derefter beslutningsteksten."
        case .history: "Sagens gang: tidligere behandlinger, `- Udvalg, dato, punkt N: udfald`."
        case .attachments: "Bilag, ét pr. linje: `- Titel (fil: sti, ikke offentlig)`."
        case .customSection: "Et afsnit med egen overskrift: `afsnit: Overskrift`."
        case .publicDecision: "Lukket punkt: beslutningen som den offentliggøres; teksten står på linjen og/eller nedenunder."
        case .heading: "Overskrift i et afsnit."
        case .subheading: "Underoverskrift: en overskrift under en `overskrift:` i et afsnit."
        case .majority: "Flertal: partier; flertallets udtalelse står nedenunder."
        case .minority: "Mindretal: partier; mindretallets udtalelse står nedenunder."
        case .substitute: "Stedfortræder for punktet: `Navn for Navn`."
        case .noteForTheRecord: "Protokolbemærkning: hvem; bemærkningen står nedenunder."
        case .outcome: "Udfald for indstillingens punkt N: `udfald 1: tiltrådt`."
        case .vote:
            "Afstemning om `indstillingen`, `punkt 2` (indstillingens punkt) eller et forslag, fx `ændringsforslag fra Ø`, hvis tekst står nedenunder; derefter `for:`, `imod:` og `undlod at stemme:`."
        case .votesFor: "De der stemte for: antal og/eller navne, `20 (Bo Hilsted (A), Hanne Lund (løsgænger))` eller partier `20 (A, V)`; begrundelsen står nedenunder."
        case .votesAgainst: "De der stemte imod: antal og/eller navne, `6 (Kristian Heegaard (B))`; begrundelsen står nedenunder."
        case .abstained: "De der undlod at stemme: antal og/eller navne, `1 (Per Clausen (Ø))`; begrundelsen står nedenunder."
        case .signatures: "Underskriftsark: `digital` eller tomt, derefter én underskriver pr. linje."
        }
    }
}
