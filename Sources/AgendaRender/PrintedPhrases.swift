import AgendaSemantics
import AgendaSyntax

/// The Danish words of the printed document, in one place so that text,
/// Markdown and HTML say the same thing. Labels come from the keyword table.
enum PrintedPhrases {
    static let tableOfContents = "Indholdsfortegnelse"
    /// The mark of a closed item, and the neutral title its public version
    /// shows when no `offentlig titel:` is given.
    static let closedItem = "Lukket punkt"
    /// Before a closed item's title when the house style marks it so (`Lukket: Køb af ejendom`).
    static let closedTitlePrefix = "Lukket: "
    /// Under a closed item's fields in the full version, when its decision may not be published.
    static let confidentialDecision = "beslutningen offentliggøres ikke"
    static let caseNumber = "Sagsnr."

    /// `REFERAT Beskæftigelses- og Integrationsudvalget d. 04-05-2026`
    static func title(_ meeting: Meeting) -> String {
        var parts = [meeting.kind.danishTitle]
        if let committee = meeting.committee?.value { parts.append(committee) }
        if let date = meeting.date?.value { parts.append("d. \(date.danishNumeric)") }
        return parts.joined(separator: " ")
    }

    /// `Mandag d. 04. maj 2026 kl. 15:00`, or as much of it as is known.
    static func when(_ meeting: Meeting) -> String? {
        var parts: [String] = []
        if let date = meeting.date?.value { parts.append(date.danishLong) }
        if let time = meeting.time?.value { parts.append("kl. \(time.text)") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `Karen Holst (A, formand)`
    static func person(_ person: Person) -> String {
        let details = [person.party, person.role].compactMap { $0 }
        return details.isEmpty ? person.name : "\(person.name) (\(details.joined(separator: ", ")))"
    }

    static func people(_ people: [Person]) -> String {
        people.map(person).joined(separator: ", ")
    }

    /// `Anna Hansen (A) for Jens Friis Felber`
    static func substitution(_ substitution: Substitution) -> String {
        "\(person(substitution.substitute)) for \(substitution.replaces)"
    }

    static func itemHeading(number: Int, title: String) -> String {
        "\(Keyword.item.label) \(number): \(title)"
    }

    /// A closed item's title as the contents and heading show it: prefixed
    /// when the house style says so, except the neutral title, which says it already.
    static func closedItemTitle(_ title: String, marking: ClosedItemMarking) -> String {
        marking == .titlePrefix && title != closedItem ? closedTitlePrefix + title : title
    }

    /// The note beside a closed item's title, when the title does not already say it is closed.
    static func closedItemNote(title: String, marking: ClosedItemMarking) -> String? {
        marking == .note && title != closedItem ? closedItem : nil
    }

    /// `Beslutning i Byrådet den 20-10-2025`; the plain heading when neither is written.
    static func decisionHeading(_ heading: String, _ decision: Decision) -> String {
        var result = heading
        if let body = decision.decidedBy, !body.isEmpty { result += " i \(body)" }
        if let date = decision.date?.value { result += " den \(date.danishNumeric)" }
        return result
    }

    /// The intro as written; one without the verb gets it, so the points read as a sentence.
    static func recommendationIntro(_ recommendation: Recommendation) -> String? {
        let intro = recommendation.intro
        if intro.isEmpty { return nil }
        if intro.lowercased().contains("indstiller") { return intro }
        return "\(intro) indstiller, at"
    }

    /// `Protokolbemærkning (Thomas Vedsted (O)):`
    static func noteLead(_ note: RecordNote) -> String {
        let label = Keyword.noteForTheRecord.label
        return note.by.isEmpty ? "\(label):" : "\(label) (\(note.by)):"
    }

    /// `Flertal: A, Æ`, printed only when the position has no statement of its own.
    static func positionWithoutStatement(_ position: PartyPosition) -> String {
        "\(positionLabel(position.kind)): " + parties(position)
    }

    /// `Flertal (A, Æ):`, opening the statement as minutes print it; `Flertal:` when no party is written.
    static func positionLead(_ position: PartyPosition) -> String {
        let label = positionLabel(position.kind)
        return position.parties.isEmpty && position.members.isEmpty ? "\(label):" : "\(label) (\(parties(position))):"
    }

    static func positionLabel(_ kind: PartyPosition.Kind) -> String {
        kind == .majority ? Keyword.majority.label : Keyword.minority.label
    }

    /// The parties, then the members named beside them (`A, V, Hanne Lund (løsgænger)`).
    static func parties(_ position: PartyPosition) -> String {
        (position.parties.map(\.value) + position.members.map(person)).joined(separator: ", ")
    }

    /// `Per Clausen (Ø) var inhabil og deltog ikke i behandlingen af punktet.`
    static func conflict(_ conflict: ConflictOfInterest) -> String {
        let names = conflict.people.map(person)
        let who = names.count > 1 ? names.dropLast().joined(separator: ", ") + " og " + (names.last ?? "") : names.joined()
        let adjective = names.count > 1 ? "inhabile" : "inhabil"
        return "\(who) var \(adjective) og deltog ikke i behandlingen af punktet."
    }

    /// `Afstemning om indstillingens punkt 2:`; nothing for sides written without `afstemning:`.
    static func voteLead(_ vote: Vote) -> String? {
        guard let subject = vote.subject?.value else { return nil }
        let what = switch subject {
        case .recommendation: "indstillingen"
        case .point(let number): "indstillingens punkt \(number)"
        case .proposal(let title): title.isEmpty ? "forslaget" : title
        }
        return "\(Keyword.vote.label) om \(what):"
    }

    /// (`For:`, `20 (Bo Hilsted (A), Carsten Nielsen (A))`): the votes, then who cast them.
    static func voteSide(_ side: VoteSide) -> (label: String, value: String) {
        let label = side.label + ":"
        var named = side.parties.map(\.value) + side.voters.map(person)
        if side.namesElided { named.append("…") }
        let hasNumber = side.count != nil || !side.voters.isEmpty
        let number = hasNumber ? String(side.votes) : ""
        if named.isEmpty { return (label, number) }
        let names = named.joined(separator: ", ")
        return (label, number.isEmpty ? names : "\(number) (\(names))")
    }

    /// `Udfald 1: godkendt`
    static func outcome(_ outcome: PointOutcome) -> String {
        let label = Keyword.outcome.label
        if let point = outcome.point { return "\(label) \(point): \(outcome.outcome)" }
        return "\(label): \(outcome.outcome)"
    }

    /// `Byrådet den 30-09-2025, punkt 4: Godkendt`, or the line as written when it has no date.
    static func treatment(_ treatment: Treatment) -> String {
        guard let date = treatment.date else { return treatment.text }
        var result = treatment.body.isEmpty ? "den \(date.danishNumeric)" : "\(treatment.body) den \(date.danishNumeric)"
        if let number = treatment.itemNumber { result += ", \(Keyword.item.canonical) \(number)" }
        if let outcome = treatment.outcome { result += ": \(outcome)" }
        return result
    }

    /// Printed after an attachment's title: `Bilag (ikke offentlig)`.
    static func attachmentNote(_ attachment: Attachment) -> String? {
        attachment.isPublic ? nil : "ikke offentlig"
    }

    static func absentees(_ people: [Person]) -> String {
        "\(Keyword.absent.label): \(PrintedPhrases.people(people))"
    }

    static func substitutes(_ substitutions: [Substitution]) -> String {
        "\(Keyword.substitute.label): " + substitutions.map(substitution).joined(separator: ", ")
    }

    /// The line above the signers: approval by click is stated, a paper sheet needs no words.
    static func signatureLead(_ signatures: Signatures, kind: DocumentKind) -> String? {
        guard signatures.digital else { return nil }
        return kind == .minutes ? "Godkendt digitalt af:" : "Godkendes digitalt af:"
    }
}

extension PrintedPhrases {
    static var distributionLabel: String { Keyword.distribution.label }
}
